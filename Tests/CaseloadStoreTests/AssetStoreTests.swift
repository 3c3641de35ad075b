import CaseloadKit
@testable import CaseloadStore
import Foundation
import Glibc
import Synchronization
import Testing

/// An asset with every optional field set, so that a round trip exercises the whole record.
func fullAsset(name: String = "Walking for Health") -> Asset {
    Asset(
        name: name, organisation: "Leeds Ramblers", categories: [.physicalActivity, .loneliness],
        description: "Gentle group walks of an hour; \"no one left behind\".", phone: "0113 496 0000",
        email: "walks@example.org", website: "https://example.org/walks", address: "Meet at Roundhay Park gates",
        schedule: "Thursdays 10:00–12:00, term time", eligibility: "Adults", cost: "Free",
        capacity: .accepting, lastChecked: AssetCheck(date: day("2026-08-01"), by: "Priya"),
        notes: "Ask for Jan; step-free route.",
        source: AssetSource(feed: "leeds-directory.json", serviceID: "svc-17", feedStatus: "active",
                            importedAt: pinnedNow.addingTimeInterval(-86_400)),
        topics: ["Walking", "Outdoors"], retiredOn: day("2026-12-31"),
        createdAt: pinnedNow, updatedAt: pinnedNow.addingTimeInterval(60))
}

func assetsFolder(_ dir: URL) -> URL { dir.appendingPathComponent("assets", isDirectory: true) }

func assetFile(_ dir: URL, _ id: UUID) -> URL { dir.appendingPathComponent(AssetFileReader.relativePath(for: id)) }

@Suite("Saving and loading assets")
struct AssetStoreTests {
    @Test func fullyPopulatedAssetComesBackEqual() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let asset = fullAsset()
            let other = Asset(name: "Lunch club", createdAt: pinnedNow)
            try store.save(asset, previous: nil, at: pinnedNow)
            try store.save(other, previous: nil, at: pinnedNow)
            let load = store.loadAssets()
            #expect(load.problems.isEmpty)
            #expect(Set(load.assets) == [asset, other])
            #expect(load.assets.first(where: { $0.id == asset.id }) == asset)
            // Assets and clients stay apart.
            #expect(store.loadClients() == ClientLoad())
        }
    }

    @Test func theFileIsPrettySortedAndNamedByTheLowercasedId() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let asset = fullAsset()
            try store.save(asset, previous: nil, at: pinnedNow)
            #expect(try names(in: assetsFolder(dir)) == [asset.id.uuidString.lowercased() + ".json"])
            #expect(try bytes(at: assetFile(dir, asset.id)) == StoreJSON.encode(asset))
            let text = String(decoding: try bytes(at: assetFile(dir, asset.id)), as: UTF8.self)
            #expect(text.hasPrefix("{\n  \""))
            #expect(text.contains("\"website\" : \"https://example.org/walks\""))  // slashes not escaped
        }
    }

    @Test func savingAgainReplacesTheFile() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let original = fullAsset()
            try store.save(original, previous: nil, at: pinnedNow)
            var asset = original
            asset.capacity = .full
            try store.save(asset, previous: original, at: pinnedNow)
            #expect(store.loadAssets().assets == [asset])
            #expect(try names(in: assetsFolder(dir)) == [asset.id.uuidString.lowercased() + ".json"])
        }
    }

    @Test func theFolderIs0700AndFilesAre0600() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            // Made at open, before any asset is saved, like `clients/`.
            #expect(mode(of: assetsFolder(dir)) == 0o700)
            let asset = fullAsset()
            try store.save(asset, previous: nil, at: pinnedNow)
            try store.saveAssets([AssetChange(asset: Asset(name: "Choir", createdAt: pinnedNow), previous: nil)],
                                 at: pinnedNow)
            for name in try names(in: assetsFolder(dir)) {
                #expect(mode(of: assetsFolder(dir).appendingPathComponent(name)) == 0o600)
            }
            #expect(try names(in: assetsFolder(dir)).count == 2)
        }
    }

    @Test func temporaryFilesLeftByACrashAreTidiedByTheNextWriter() throws {
        try withTemporaryDirectory { dir in
            try ClientStore.open(directory: dir, now: pinnedNow).close()
            let stale = assetsFolder(dir).appendingPathComponent(".abc.json.1f2e.tmp")
            try write("{ half an ass", to: stale)
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            #expect(!FileManager.default.fileExists(atPath: stale.path))
            #expect(store.loadAssets() == AssetLoad())
        }
    }

    @Test func aBatchSavesEveryAssetAndRecordsEachInOrder() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let existing = fullAsset()
            try store.save(existing, previous: nil, at: pinnedNow)
            var updated = existing
            updated.capacity = .waitingList
            let new = (1...3).map { Asset(name: "Group \($0)", createdAt: pinnedNow) }
            let changes = [AssetChange(asset: updated, previous: existing)]
                + new.map { AssetChange(asset: $0, previous: nil) }
            try store.saveAssets(changes, at: pinnedNow.addingTimeInterval(60))

            #expect(Set(store.loadAssets().assets) == Set([updated] + new))
            #expect(try names(in: assetsFolder(dir)).allSatisfy { !$0.hasPrefix(".") })
            let entries = try store.auditEntries(forAsset: nil).entries
            #expect(entries.map(\.assetId) == [existing.id, existing.id] + new.map(\.id))
            #expect(entries.map(\.action) == [.created, .updated, .created, .created, .created])
            #expect(entries.dropFirst().allSatisfy { $0.at == pinnedNow.addingTimeInterval(60) })
            #expect(entries[1].changes == [AuditEntry.Change(path: "capacity", before: #""accepting""#,
                                                             after: #""waiting-list""#)])
        }
    }

    @Test func aBatchPaysOneFolderSyncAndOneAuditAppend() throws {
        try withTemporaryDirectory { dir in
            let calls = CallCounts()
            let store = try ClientStore.open(directory: dir, fileOperations: calls.operations, now: pinnedNow)
            // A first save creates the log, so the batch below appends to an existing one.
            try store.save(fullAsset(), previous: nil, at: pinnedNow)
            calls.reset()
            let changes = (1...5).map {
                AssetChange(asset: Asset(name: "Group \($0)", createdAt: pinnedNow), previous: nil)
            }
            try store.saveAssets(changes, at: pinnedNow)
            #expect(calls["syncDirectory assets"] == 1)
            #expect(calls["syncDirectory other"] == 0)
            #expect(calls["open audit"] == 1)
            #expect(calls["fsync"] == 5 + 1)
            #expect(calls["rename"] == 5)
            #expect(try auditLines(dir).count == 6)
        }
    }

    @Test func anEmptyBatchWritesNothing() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            try store.saveAssets([], at: pinnedNow)
            #expect(try names(in: assetsFolder(dir)).isEmpty)
            #expect(!FileManager.default.fileExists(atPath: auditFile(dir).path))
        }
    }

    @Test func aBatchGivingAnAssetTwiceIsRefusedBeforeWriting() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let asset = fullAsset()
            var again = asset
            again.notes = "Second thoughts"
            let error = #expect(throws: StoreError.self) {
                try store.saveAssets(
                    [AssetChange(asset: asset, previous: nil), AssetChange(asset: again, previous: asset)], at: pinnedNow)
            }
            #expect(error?.description
                == "Could not save asset \"Walking for Health\": it is given twice in one batch.")
            #expect(try names(in: assetsFolder(dir)).isEmpty)
            #expect(!FileManager.default.fileExists(atPath: auditFile(dir).path))
        }
    }

    @Test func anEarlierVersionOfAnotherAssetIsRefusedBeforeWriting() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let expected = "Could not save asset \"Walking for Health\": "
                + "the earlier version given for the audit log is of another asset."
            let single = #expect(throws: StoreError.self) {
                try store.save(fullAsset(), previous: fullAsset(), at: pinnedNow)
            }
            let batch = #expect(throws: StoreError.self) {
                try store.saveAssets([AssetChange(asset: fullAsset(), previous: fullAsset())], at: pinnedNow)
            }
            #expect(single?.description == expected)
            #expect(batch?.description == expected)
            #expect(try names(in: assetsFolder(dir)).isEmpty)
            #expect(!FileManager.default.fileExists(atPath: auditFile(dir).path))
        }
    }

    @Test func anAssetWithoutANameIsNamedByItsId() throws {
        try withTemporaryDirectory { dir in
            let faults = FaultPlan()
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            let asset = Asset(name: "", createdAt: pinnedNow)
            faults.fail(.rename, with: EROFS)
            let error = #expect(throws: StoreError.self) { try store.save(asset, previous: nil, at: pinnedNow) }
            #expect(error?.description
                == "Could not save asset \(asset.id.uuidString.lowercased()): Read-only file system.")
        }
    }

    @Test func readOnlyWindowsRefuseBothSavesAndStillRead() throws {
        try withTemporaryDirectory { dir in
            let writer = try ClientStore.open(directory: dir, now: pinnedNow)
            let asset = fullAsset()
            try writer.save(asset, previous: nil, at: pinnedNow)
            let reader = try ClientStore.open(directory: dir, now: pinnedNow)
            #expect(reader.access.isReadOnly)
            let before = try bytes(at: auditFile(dir))
            var changed = asset
            changed.capacity = .closed

            let single = #expect(throws: StoreError.self) { try reader.save(changed, previous: asset, at: pinnedNow) }
            let batch = #expect(throws: StoreError.self) {
                try reader.saveAssets([AssetChange(asset: changed, previous: asset),
                                       AssetChange(asset: fullAsset(name: "Choir"), previous: nil)], at: pinnedNow)
            }
            let reason = "the caseload is read-only: open in another window (pid \(getpid()))"
            #expect(single?.description == "Could not save asset \"Walking for Health\": \(reason).")
            #expect(batch?.description == "Could not save 2 assets: \(reason).")
            #expect(reader.loadAssets().assets == [asset])
            #expect(try bytes(at: auditFile(dir)) == before)
            #expect(try reader.auditEntries(forAsset: asset.id).entries.count == 1)
        }
    }

    @Test func aClosedStoreRefusesBothSaves() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            store.close()
            #expect(throws: StoreError.closed(reference: "asset \"Walking for Health\"")) {
                try store.save(fullAsset(), previous: nil, at: pinnedNow)
            }
            #expect(throws: StoreError.closed(reference: "1 asset")) {
                try store.saveAssets([AssetChange(asset: fullAsset(), previous: nil)], at: pinnedNow)
            }
            #expect(try names(in: assetsFolder(dir)).isEmpty)
        }
    }
}

/// Counts the system calls a save makes, by kind.
final class CallCounts: Sendable {
    private let counts = Mutex([String: Int]())

    subscript(_ key: String) -> Int { counts.withLock { $0[key] ?? 0 } }
    func reset() { counts.withLock { $0 = [:] } }
    private func count(_ key: String) { counts.withLock { $0[key, default: 0] += 1 } }

    var operations: FileOperations {
        let base = FileOperations.system
        var ops = base
        ops.open = { (path, flags, mode) throws(SystemError) -> Int32 in
            if path.hasSuffix("/audit.jsonl") { self.count("open audit") }
            return try base.open(path, flags, mode)
        }
        ops.fsync = { (fd) throws(SystemError) in
            self.count("fsync")
            try base.fsync(fd)
        }
        ops.rename = { (from, to) throws(SystemError) in
            self.count("rename")
            try base.rename(from, to)
        }
        ops.syncDirectory = { (path) throws(SystemError) in
            self.count(path.hasSuffix("/assets") ? "syncDirectory assets" : "syncDirectory other")
            try base.syncDirectory(path)
        }
        return ops
    }
}
