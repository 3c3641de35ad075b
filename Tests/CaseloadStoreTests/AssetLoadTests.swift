import CaseloadKit
@testable import CaseloadStore
import Foundation
import Glibc
import Testing

/// An asset file with one thing wrong; `edit` changes the JSON object of a valid asset.
struct BadAssetFile: Sendable, CustomTestStringConvertible {
    let label: String
    let contents: @Sendable (Asset) throws -> String
    let reason: String
    var testDescription: String { label }

    static func editing(
        _ label: String, reason: String, _ edit: @escaping @Sendable (inout [String: Any]) -> Void
    ) -> BadAssetFile {
        BadAssetFile(label: label, contents: { asset in
            var object = try JSONSerialization.jsonObject(with: Data(StoreJSON.encode(asset))) as! [String: Any]
            edit(&object)
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }, reason: reason)
    }
}

@Suite("Asset files that cannot be loaded")
struct AssetLoadTests {
    static let badFiles: [BadAssetFile] = [
        // As a crash mid-write would leave it, were files not written by rename.
        BadAssetFile(label: "truncated JSON", contents: { asset in
            String(String(decoding: try StoreJSON.encode(asset), as: UTF8.self).prefix(60))
        }, reason: "not valid JSON: it stops part way through (at line 3), as a file cut short would"),
        .editing("number for the capacity", reason: "field `capacity`: expected text in quotes") {
            $0["capacity"] = 3
        },
        .editing("unknown capacity",
                 reason: "field `capacity`: Cannot initialize AssetCapacity from invalid String value maybe") {
            $0["capacity"] = "maybe"
        },
        .editing("text for the categories", reason: "field `categories`: expected a list [ ... ]") {
            $0["categories"] = "walking"
        },
        .editing("date of the wrong type deep inside",
                 reason: "field `lastChecked.date`: expected a date as YYYY-MM-DD") {
            $0["lastChecked"] = ["date": 20260801, "by": "Priya"]
        },
        .editing("impossible retirement date",
                 reason: "field `retiredOn`: expected a date as YYYY-MM-DD, found \"2026-02-30\"") {
            $0["retiredOn"] = "2026-02-30"
        },
        .editing("bad import time",
                 reason: "field `source.importedAt`: expected a date and time such as 2026-09-09T14:05:00Z, "
                     + "found \"yesterday\"") {
            var source = $0["source"] as! [String: Any]
            source["importedAt"] = "yesterday"
            $0["source"] = source
        },
        .editing("missing name", reason: "field `name` is missing") { $0["name"] = nil },
        .editing("newer schema, which wins over its type errors",
                 reason: "written by a newer version of Caseload (schema \(Asset.currentSchemaVersion + 1))") {
            $0["schemaVersion"] = Asset.currentSchemaVersion + 1
            $0["name"] = 5
        },
    ]

    @Test(arguments: badFiles)
    func badFileIsReportedLeftAloneAndTheRestLoad(bad: BadAssetFile) throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let good = [fullAsset(name: "Choir"), fullAsset(name: "Lunch club")]
            for asset in good { try store.save(asset, previous: nil, at: pinnedNow) }
            let victim = fullAsset()
            let badURL = assetFile(dir, victim.id)
            try write(try bad.contents(victim), to: badURL)
            let badBytes = try bytes(at: badURL)

            let load = store.loadAssets()
            #expect(Set(load.assets) == Set(good))
            let relative = AssetFileReader.relativePath(for: victim.id)
            #expect(load.problems == [FileProblem(fileName: relative, reason: bad.reason)])

            // Saving other assets, one or many, never touches the bad file.
            try store.save(fullAsset(name: "Men's shed"), previous: nil, at: pinnedNow)
            try store.saveAssets([AssetChange(asset: fullAsset(name: "Allotment"), previous: nil)], at: pinnedNow)
            #expect(try bytes(at: badURL) == badBytes)
            #expect(store.loadAssets().problems.map(\.fileName) == [relative])
        }
    }

    @Test func aCopyOfAnAssetFileIsADuplicate() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let asset = fullAsset()
            try store.save(asset, previous: nil, at: pinnedNow)
            let original = AssetFileReader.relativePath(for: asset.id)
            // "0copy" sorts before the original, so file order cannot be what picks the winner.
            try FileManager.default.copyItem(
                at: assetFile(dir, asset.id), to: assetsFolder(dir).appendingPathComponent("0copy.json"))
            let load = store.loadAssets()
            #expect(load.assets == [asset])
            #expect(load.problems == [FileProblem(
                fileName: "assets/0copy.json",
                reason: "holds asset \"Walking for Health\" with the same id as \(original); "
                    + "only \(original) was loaded")])
        }
    }

    @Test func aMisnamedFileIsReportedRatherThanLoaded() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let asset = fullAsset()
            try write(String(decoding: try StoreJSON.encode(asset), as: UTF8.self),
                      to: assetsFolder(dir).appendingPathComponent("walks.json"))
            let load = store.loadAssets()
            #expect(load.assets.isEmpty)
            #expect(load.problems == [FileProblem(
                fileName: "assets/walks.json",
                reason: "holds asset \"Walking for Health\" whose id does not match the file name; rename it to "
                    + AssetFileReader.relativePath(for: asset.id))])
        }
    }

    @Test func aFolderWhereAFileShouldBe() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let asset = fullAsset()
            try store.save(asset, previous: nil, at: pinnedNow)
            try FileManager.default.createDirectory(
                at: assetsFolder(dir).appendingPathComponent("odd.json"), withIntermediateDirectories: false)
            let load = store.loadAssets()
            #expect(load.assets == [asset])
            #expect(load.problems.map(\.description) == ["assets/odd.json: a folder where an asset file should be"])
        }
    }

    @Test func aFileTooLargeIsReportedInWords() throws {
        try withTemporaryDirectory { dir in
            let faults = FaultPlan()
            faults.failRead(ofPathEndingIn: "/assets/huge.json", with: EFBIG)
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            try write("{}", to: assetsFolder(dir).appendingPathComponent("huge.json"))
            #expect(store.loadAssets().problems.map(\.description)
                == ["assets/huge.json: too large to be an asset file (over 16 MB)"])
        }
    }

    @Test func dotFilesTemporaryFilesAndOtherFilesAreIgnored() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            for name in [".hidden.json", ".abc.json.1f.tmp", "notes.txt", "backup.json~"] {
                try write("not json at all", to: assetsFolder(dir).appendingPathComponent(name))
            }
            #expect(store.loadAssets() == AssetLoad())
        }
    }

    @Test func aFileWhereTheAssetsFolderShouldBe() throws {
        try withTemporaryDirectory { dir in
            try ClientStore.open(directory: dir, now: pinnedNow).close()
            try FileManager.default.removeItem(at: assetsFolder(dir))
            try write("oops", to: assetsFolder(dir))
            // A read-only view does not try to create the folder, so it reports the file.
            let faults = FaultPlan()
            faults.failOpen(ofPathEndingIn: "/.lock", with: EROFS)
            let reader = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            #expect(reader.loadAssets().problems
                == [FileProblem(fileName: "assets", reason: "a file where the assets folder should be")])
        }
    }

    @Test func noAssetsFolderMeansAnEmptyDirectory() throws {
        try withTemporaryDirectory { dir in
            // A caseload made before assets existed, opened read-only so nothing creates the folder.
            let faults = FaultPlan()
            faults.failOpen(ofPathEndingIn: "/.lock", with: EACCES)
            let reader = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            #expect(reader.loadAssets() == AssetLoad())
        }
    }

    @Test func theWriterAddsTheFolderToACaseloadMadeBeforeAssets() throws {
        try withTemporaryDirectory { dir in
            try ClientStore.open(directory: dir, now: pinnedNow).close()
            try FileManager.default.removeItem(at: assetsFolder(dir))
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            #expect(mode(of: assetsFolder(dir)) == 0o700)
            try store.save(fullAsset(), previous: nil, at: pinnedNow)
            #expect(store.loadAssets().assets.count == 1)
        }
    }
}
