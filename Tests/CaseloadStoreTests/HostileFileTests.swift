import CaseloadKit
@testable import CaseloadStore
import Foundation
import Glibc
import Testing

/// Something odd put where a file of the data folder belongs, and the reason it should be given.
struct HostileEntry: Sendable, CustomTestStringConvertible {
    let label: String
    let make: @Sendable (URL) throws -> Void
    /// Given the file's words ("a client file") and its size limit in MB.
    let reason: @Sendable (_ file: String, _ limitMB: Int) -> String
    var testDescription: String { label }

    static let missingTarget = "/no-such-disk/caseload/gone.json"

    /// "Zoë" saved as Latin-1: the ë is one byte that cannot start a UTF-8 sequence there.
    static let latin1 = HostileEntry(label: "Latin-1 text", make: { url in
        try Data(Array("{\n  \"name\": \"Zo".utf8) + [0xEB] + Array("\"\n}\n".utf8)).write(to: url)
    }, reason: { _, _ in
        "not UTF-8 text (the problem is near line 2, column 14); it may be damaged or saved in another encoding"
    })
    static let nestedArrays = HostileEntry(label: "100,000 nested [", make: { url in
        try write(String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000), to: url)
    }, reason: { _, _ in nestedTooDeeply })
    static let nestedObjects = HostileEntry(label: "100,000 nested objects, unclosed", make: { url in
        try write(String(repeating: #"{"a":"#, count: 100_000), to: url)
    }, reason: { _, _ in nestedTooDeeply })
    static let folder = HostileEntry(label: "a folder", make: { url in
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
    }, reason: { file, _ in "a folder where \(file) should be" })
    static let danglingLink = HostileEntry(label: "a link to nothing", make: { url in
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: missingTarget)
    }, reason: { _, _ in "a link to a file that does not exist (\(missingTarget))" })
    /// Sparse, so it takes no disk space; were it read before its size was checked, 50 MB would be.
    static let fiftyMegabytes = HostileEntry(label: "50 MB", make: { url in
        let fd = open(url.path, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
        #expect(fd >= 0 && ftruncate(fd, 50 << 20) == 0)
        close(fd)
    }, reason: { file, limit in "too large to be \(file) (over \(limit) MB)" })

    static let nestedTooDeeply = "nested too deeply (more than 512 levels of [ ] or { }); not a file Caseload wrote"
    static let all = [latin1, nestedArrays, nestedObjects, folder, danglingLink, fiftyMegabytes]
}

/// What a file is, without reading it: changes whenever it is written, replaced or removed.
func fingerprint(of url: URL) -> String {
    var info = stat()
    guard lstat(url.path, &info) == 0 else { return "missing" }
    let link = (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) ?? ""
    return "\(info.st_mode) \(info.st_ino) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(link)"
}

@Suite("Hostile files in the data folder")
struct HostileFileTests {
    @Test(arguments: HostileEntry.all)
    func aHostileClientFileIsReportedLeftAloneAndTheRestLoad(entry: HostileEntry) throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let good = try fullClient()
            try store.save(good, previous: nil, at: pinnedNow)
            let hostile = clientsFolder(dir).appendingPathComponent("hostile.json")
            try entry.make(hostile)
            let before = fingerprint(of: hostile)

            let load = store.loadClients()
            #expect(load.clients == [good])
            #expect(load.problems.map(\.description) == ["clients/hostile.json: \(entry.reason("a client file", 16))"])
            try store.save(try fullClient(reference: "C-0043"), previous: nil, at: pinnedNow)
            store.close()
            _ = try ClientStore.open(directory: dir, now: pinnedNow)
            #expect(fingerprint(of: hostile) == before)
        }
    }

    @Test(arguments: HostileEntry.all)
    func aHostileAssetFileIsReportedLeftAloneAndTheRestLoad(entry: HostileEntry) throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let good = fullAsset()
            try store.save(good, previous: nil, at: pinnedNow)
            let hostile = assetsFolder(dir).appendingPathComponent("hostile.json")
            try entry.make(hostile)
            let before = fingerprint(of: hostile)

            let load = store.loadAssets()
            #expect(load.assets == [good])
            #expect(load.problems.map(\.description) == ["assets/hostile.json: \(entry.reason("an asset file", 16))"])
            try store.saveAssets([AssetChange(asset: fullAsset(name: "Lunch club"), previous: nil)], at: pinnedNow)
            #expect(fingerprint(of: hostile) == before)
        }
    }

    @Test func aTruncatedClientFileSaysItWasCutShort() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let client = try fullClient()
            try store.save(client, previous: nil, at: pinnedNow)
            let file = clientFile(dir, client.id)
            // As a disk that lost the end of the file would leave it.
            let kept = try bytes(at: file).dropLast(40)
            try Data(kept).write(to: file)
            let lines = kept.count(where: { $0 == UInt8(ascii: "\n") }) + 1
            let problem = try #require(store.loadClients().problems.first)
            #expect(problem.reason == "not valid JSON: it stops part way through (at line \(lines)), as a file cut short would")
            #expect(problem.reference == "C-0042", "the reference stays out of use")
        }
    }

    /// Foundation's decoder skips a field this version does not read without checking it, so these
    /// would load, and the next save would drop them; the file is reported instead.
    static let fieldsThatCannotBeKept: [(field: [UInt8], reason: String)] = [
        (Array(#""fromTheFuture": "Zo"#.utf8) + [0xEB] + Array(#"","#.utf8),
         "not UTF-8 text (the problem is near line 2, column 23); it may be damaged or saved in another encoding"),
        (Array(#""fromTheFuture": 1e999,"#.utf8),
         "holds a value this version of Caseload could not keep when saving (such as a number too large for it), "
            + "so it was not loaded"),
    ]

    @Test(arguments: fieldsThatCannotBeKept)
    func anUnknownFieldThatCannotBeKeptStopsTheLoad(field: [UInt8], reason: String) throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let client = try fullClient()
            let encoded = try StoreJSON.encode(client)
            // After the opening "{\n  ": the unknown field starts line 2.
            let file = Array(encoded.prefix(4)) + field + Array("\n  ".utf8) + Array(encoded.dropFirst(4))
            try Data(file).write(to: clientFile(dir, client.id))
            let load = store.loadClients()
            #expect(load.clients.isEmpty)
            #expect(load.problems == [FileProblem(
                fileName: ClientStore.relativePath(for: client.id), reason: reason, reference: "C-0042")])
        }
    }

    @Test func anAssetFileWithoutReadPermissionIsReported() throws {
        try withTemporaryDirectory { dir in
            let faults = FaultPlan()
            faults.failRead(ofPathEndingIn: "/assets/locked.json", with: EACCES)
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            try write("{}", to: assetsFolder(dir).appendingPathComponent("locked.json"))
            #expect(store.loadAssets().problems.map(\.description)
                == ["assets/locked.json: cannot be read: Permission denied"])
        }
    }

    @Test func aLinkToAGoodFileStillLoads() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let client = try fullClient()
            let elsewhere = dir.appendingPathComponent("elsewhere.json")
            try Data(try StoreJSON.encode(client)).write(to: elsewhere)
            try FileManager.default.createSymbolicLink(at: clientFile(dir, client.id), withDestinationURL: elsewhere)
            #expect(store.loadClients() == ClientLoad(clients: [client]))
        }
    }

    @Test func aFileDeletedAfterTheListingIsNotAProblem() throws {
        try withTemporaryDirectory { dir in
            let faults = FaultPlan()
            faults.failRead(ofPathEndingIn: "/clients/gone.json", with: ENOENT)
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            try write("{}", to: clientsFolder(dir).appendingPathComponent("gone.json"))
            #expect(store.loadClients() == ClientLoad())
        }
    }

    @Test func twoMisnamedCopiesOfOneClientAreBothReported() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let client = try fullClient()
            for name in ["a.json", "b.json"] {
                try Data(try StoreJSON.encode(client)).write(to: clientsFolder(dir).appendingPathComponent(name))
            }
            let load = store.loadClients()
            #expect(load.clients.isEmpty)
            #expect(load.problems.map(\.description) == [
                "clients/a.json: holds client C-0042 whose id does not match the file name; rename it to "
                    + ClientStore.relativePath(for: client.id),
                "clients/b.json: holds client C-0042 with the same id as clients/a.json; only clients/a.json was loaded",
            ])
        }
    }

    @Test func aDeepButLegalUnknownFieldLoadsAndIsKept() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let client = try fullClient()
            var object = try JSONSerialization.jsonObject(with: Data(StoreJSON.encode(client))) as! [String: Any]
            let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
            object["fromTheFuture"] = try JSONSerialization.jsonObject(with: Data(deep.utf8))
            try JSONSerialization.data(withJSONObject: object).write(to: clientFile(dir, client.id))
            #expect(store.loadClients() == ClientLoad(clients: [client]))
            try store.save(client, previous: client, at: pinnedNow)
            let saved = try JSONSerialization.jsonObject(with: Data(bytes(at: clientFile(dir, client.id)))) as! [String: Any]
            #expect(saved["fromTheFuture"] != nil)
        }
    }

    @Test func staleTemporaryFilesAreLeftAloneByAReadOnlyWindow() throws {
        try withTemporaryDirectory { dir in
            try ClientStore.open(directory: dir, now: pinnedNow).close()
            let stale = clientsFolder(dir).appendingPathComponent(".x.json.1f2e.tmp")
            try write("{ half a cli", to: stale)
            let faults = FaultPlan()
            faults.failOpen(ofPathEndingIn: "/.lock", with: EROFS)
            let reader = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            #expect(reader.access.isReadOnly)
            #expect(reader.loadClients() == ClientLoad(), "never data: its save was never confirmed")
            #expect(FileManager.default.fileExists(atPath: stale.path), "only the writer may tidy it")
        }
    }

    @Test(arguments: HostileEntry.all)
    func aHostileManifestStopsTheOpenAndIsLeftAlone(entry: HostileEntry) throws {
        try withTemporaryDirectory { dir in
            let manifest = dir.appendingPathComponent("manifest.json")
            try entry.make(manifest)
            let before = fingerprint(of: manifest)
            let error = #expect(throws: StoreError.self) { try ClientStore.open(directory: dir, now: pinnedNow) }
            #expect(error == .unusableManifest(path: manifest.path, reason: entry.reason("the manifest", 1)))
            #expect(fingerprint(of: manifest) == before)
        }
    }

    @Test(arguments: HostileEntry.all)
    func hostileSettingsAreReportedAndLeftAlone(entry: HostileEntry) throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let settings = dir.appendingPathComponent("settings.json")
            try entry.make(settings)
            let before = fingerprint(of: settings)
            let error = #expect(throws: StoreError.self) { try store.loadSettings() }
            #expect(error == .unreadableSettings(path: settings.path, reason: entry.reason("the settings file", 1)))
            try store.save(try fullClient(), previous: nil, at: pinnedNow)
            #expect(fingerprint(of: settings) == before)
        }
    }

    @Test func unreadableSettingsAreReportedInWords() throws {
        try withTemporaryDirectory { dir in
            let faults = FaultPlan()
            faults.failRead(ofPathEndingIn: "/settings.json", with: EACCES)
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            let path = dir.appendingPathComponent("settings.json").path
            #expect(throws: StoreError.unreadableSettings(path: path, reason: "cannot be read: Permission denied")) {
                try store.loadSettings()
            }
        }
    }

    @Test(arguments: [HostileEntry.folder, .danglingLink])
    func anAuditLogThatIsNotAFileIsAnErrorNotAnEmptyHistory(entry: HostileEntry) throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            try entry.make(auditFile(dir))
            let before = fingerprint(of: auditFile(dir))
            #expect(throws: StoreError.self) { try store.auditEntries(for: nil) }
            #expect(throws: StoreError.self) { try store.auditEntries(forAsset: nil) }
            #expect(fingerprint(of: auditFile(dir)) == before)
        }
    }

    @Test func aLinkToAMissingDraftIsReportedNotSkipped() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            try store.writeRecovery(Data("x".utf8), name: "draft")
            let link = dir.appendingPathComponent("recovery/other")
            try HostileEntry.danglingLink.make(link)
            let error = #expect(throws: StoreError.self) { try store.listRecoveries() }
            #expect(error == .cannotReadRecovery(path: link.path, reason: SystemError(ENOENT)))
            #expect(fingerprint(of: link) != "missing")
        }
    }

    @Test func nestingIsMeasuredOutsideStringsOnly() {
        let brackets = String(repeating: "[", count: 600)
        #expect(JSONShape.scan(Array("{\"a\": \"\(brackets)\\\"\"}".utf8), nestingLimit: 512) == (false, false))
        #expect(JSONShape.scan(Array(brackets.utf8), nestingLimit: 512).tooDeep)
        #expect(JSONShape.scan(Array(String(repeating: "[]", count: 600).utf8), nestingLimit: 512) == (false, false))
    }

    @Test func anEarlyEndIsSeenInsideStringsAndBrackets() {
        #expect(JSONShape.scan(Array(#"{"a": "abc"#.utf8), nestingLimit: 512).unfinished)
        #expect(JSONShape.scan(Array(#"{"a": [1, 2"#.utf8), nestingLimit: 512).unfinished)
        #expect(!JSONShape.scan(Array(#"{"a": "[{"}"#.utf8), nestingLimit: 512).unfinished)
    }

    @Test func theFirstInvalidByteIsFound() {
        #expect(JSONShape.firstInvalidUTF8(in: Array("Zoë 陈".utf8)) == nil)
        #expect(JSONShape.firstInvalidUTF8(in: Array("Zoë".utf8) + [0xC3]) == 4)
        #expect(JSONShape.firstInvalidUTF8(in: [0x41, 0xFF, 0x41]) == 1)
    }
}
