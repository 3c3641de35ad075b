import CaseloadKit
@testable import CaseloadStore
import Foundation
import Glibc
import Synchronization
import Testing

private let utc = TimeZone(identifier: "UTC")!

/// A caseload with two clients, one asset, settings, an audit log and the folders a backup leaves out.
private func makeCaseload(in dir: URL) throws -> (store: ClientStore, clients: [Client], asset: Asset) {
    let store = try ClientStore.open(directory: dir, now: pinnedNow)
    let clients = [try fullClient(reference: "C-0001", name: "Ada"), try fullClient(reference: "C-0002", name: "Bea")]
    for client in clients { try store.save(client, previous: nil, at: pinnedNow) }
    let asset = fullAsset()
    try store.save(asset, previous: nil, at: pinnedNow)
    try store.saveSettings(WorkerSettings(name: "Priya Shah", role: "Link worker"))
    try store.writeRecovery(Data("draft".utf8), name: "unsaved.json")
    try store.writeExport(Array("letter".utf8), name: "letter.txt")
    return (store, clients, asset)
}

private func inode(_ url: URL) -> ino_t {
    var info = stat()
    return lstat(url.path, &info) == 0 ? info.st_ino : 0
}

/// Every file under `dir`, relative, with its bytes: equal snapshots mean equal contents.
private func contents(of dir: URL, leaving excluded: Set<String> = [".lock", "backups"]) throws -> [String: [UInt8]] {
    var result: [String: [UInt8]] = [:]
    let walker = try #require(FileManager.default.enumerator(atPath: dir.path))
    for case let relative as String in walker {
        if excluded.contains(String(relative.split(separator: "/").first ?? "")) { continue }
        let url = dir.appendingPathComponent(relative)
        if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { result[relative] = try bytes(at: url) }
    }
    return result
}

private final class LinkCounter: Sendable {
    let count = Mutex(0)
}

/// The system's calls, with `link` replaced.
private func operations(link: @escaping @Sendable (String, String) throws(SystemError) -> Void) -> FileOperations {
    var operations = FileOperations.system
    operations.link = link
    return operations
}

@Suite("Making backups")
struct BackupTests {
    @Test func aBackupHasTheDataFolderLayoutAndNothingElse() throws {
        try withTemporaryDirectory { dir in
            let (store, _, _) = try makeCaseload(in: dir)
            let made = try store.makeBackup(at: pinnedNow)
            #expect(made.backup.name == "2026-09-09T140500Z")
            #expect(made.backup.path == dir.path + "/backups/2026-09-09T140500Z")
            #expect((made.clients, made.assets, made.linked) == (2, 1, 3))
            let backup = URL(fileURLWithPath: made.backup.path)
            #expect(try names(in: backup) == ["assets", "audit.jsonl", "clients", "manifest.json", "settings.json"])
            #expect(try contents(of: backup) == contents(of: dir, leaving: [".lock", "backups", "recovery", "exports"]))
            #expect(try store.backups() == [made.backup])
        }
    }

    @Test func foldersAre0700AndFiles0600() throws {
        try withTemporaryDirectory { dir in
            let (store, _, _) = try makeCaseload(in: dir)
            let backup = URL(fileURLWithPath: try store.makeBackup(at: pinnedNow).backup.path)
            #expect(mode(of: dir.appendingPathComponent("backups")) == 0o700)
            for folder in ["", "clients", "assets"] { #expect(mode(of: backup.appendingPathComponent(folder)) == 0o700) }
            let files = try contents(of: backup).keys
            #expect(files.count == 6)
            for file in files { #expect(mode(of: backup.appendingPathComponent(file)) == 0o600, "\(file)") }
        }
    }

    @Test func recordFilesAreLinkedAndKeepTheirBytesWhenTheClientIsSavedAgain() throws {
        try withTemporaryDirectory { dir in
            let (store, clients, _) = try makeCaseload(in: dir)
            let backup = URL(fileURLWithPath: try store.makeBackup(at: pinnedNow).backup.path)
            let live = clientFile(dir, clients[0].id), kept = clientFile(backup, clients[0].id)
            #expect(inode(live) == inode(kept))
            // The audit log grows in place, so the backup has its own copy.
            #expect(inode(auditFile(dir)) != inode(auditFile(backup)))
            let before = try bytes(at: live)
            let auditBefore = try bytes(at: auditFile(dir))

            var changed = clients[0]
            changed.name = "Ada Lovelace"
            try store.save(changed, previous: clients[0], at: pinnedNow)
            #expect(try bytes(at: kept) == before)
            #expect(try bytes(at: live) != before)
            #expect(try bytes(at: auditFile(backup)) == auditBefore)
        }
    }

    @Test(arguments: [EXDEV, EPERM, EMLINK])
    func recordFilesAreCopiedWhenTheyCannotBeLinked(_ code: Int32) throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, fileOperations: operations { (_, _) throws(SystemError) in
                throw SystemError(code)
            }, now: pinnedNow)
            let client = try fullClient()
            try store.save(client, previous: nil, at: pinnedNow)
            let made = try store.makeBackup(at: pinnedNow)
            #expect((made.clients, made.linked) == (1, 0))
            let kept = clientFile(URL(fileURLWithPath: made.backup.path), client.id)
            #expect(inode(kept) != inode(clientFile(dir, client.id)))
            #expect(try bytes(at: kept) == bytes(at: clientFile(dir, client.id)))
            #expect(mode(of: kept) == 0o600)
        }
    }

    @Test func aRecordFileThatIsNotOwnerOnlyIsCopiedAs0600() throws {
        try withTemporaryDirectory { dir in
            let (store, clients, _) = try makeCaseload(in: dir)
            let live = clientFile(dir, clients[0].id)
            #expect(chmod(live.path, 0o644) == 0)
            let made = try store.makeBackup(at: pinnedNow)
            let kept = clientFile(URL(fileURLWithPath: made.backup.path), clients[0].id)
            #expect(made.linked == 2, "the other client and the asset")
            #expect(inode(kept) != inode(live))
            #expect(mode(of: kept) == 0o600)
            #expect(mode(of: live) == 0o644, "the caseload's own file is not the backup's business")
        }
    }

    @Test func aRecordFileThatCannotBeReadIsLeftOutAndNamedButARestoresSafetyBackupFails() throws {
        try withTemporaryDirectory { dir in
            let (store, clients, _) = try makeCaseload(in: dir)
            let unreadable = clientFile(dir, clients[0].id)
            #expect(chmod(unreadable.path, 0o644) == 0, "so that it is copied, not linked")
            let backup = try store.makeBackup(at: pinnedNow)
            // Tests run as root, who reads anything: the refusal is the file system's.
            var refusing = FileOperations.system
            refusing.readFile = { (path, limit) throws(SystemError) -> [UInt8] in
                if path == unreadable.path { throw SystemError(EACCES) }
                return try FileOperations.system.readFile(path, limit)
            }
            store.close()
            let reopened = try ClientStore.open(directory: dir, fileOperations: refusing, now: pinnedNow)

            let made = try reopened.makeBackup(at: pinnedNow)
            #expect(made.skipped == [ClientStore.relativePath(for: clients[0].id)])
            #expect((made.clients, made.assets) == (1, 1))
            #expect(!FileManager.default.fileExists(atPath: clientFile(URL(fileURLWithPath: made.backup.path), clients[0].id).path))

            let before = try contents(of: dir)
            let error = #expect(throws: BackupError.self) {
                try reopened.restore(ClientStore.contents(of: backup.backup.path), at: pinnedNow)
            }
            #expect(error == .cannotMake(path: unreadable.path, reason: SystemError(EACCES)))
            #expect(try contents(of: dir) == before)
            #expect(try reopened.backups().map(\.name) == [made.backup.name, backup.backup.name])
        }
    }

    @Test func aFailurePartWayLeavesNoBackupThatLooksComplete() throws {
        try withTemporaryDirectory { dir in
            let links = LinkCounter()
            let failing = operations { (from, to) throws(SystemError) in
                if links.count.withLock({ $0 += 1; return $0 }) == 2 { throw SystemError(EIO) }
                try FileOperations.system.link(from, to)
            }
            let store = try ClientStore.open(directory: dir, fileOperations: failing, now: pinnedNow)
            for reference in ["C-0001", "C-0002", "C-0003"] {
                try store.save(try fullClient(reference: reference), previous: nil, at: pinnedNow)
            }
            let error = #expect(throws: BackupError.self) { try store.makeBackup(at: pinnedNow) }
            guard case .cannotMake(let path, let reason)? = error else {
                Issue.record("expected cannotMake, got \(String(describing: error))")
                return
            }
            #expect(path.contains("/backups/2026-09-09T140500Z.partial/clients/"))
            #expect(reason == SystemError(EIO))
            #expect(error?.description.hasSuffix("The caseload itself is unchanged.") == true)
            #expect(try names(in: dir.appendingPathComponent("backups")).isEmpty)
            #expect(try store.backups().isEmpty)
            #expect(store.loadClients().clients.count == 3)
        }
    }

    @Test func partialBackupsAreNotListedAndTheNextBackupRemovesThem() throws {
        try withTemporaryDirectory { dir in
            let (store, _, _) = try makeCaseload(in: dir)
            let backups = dir.appendingPathComponent("backups")
            let stale = backups.appendingPathComponent("2026-09-01T090000Z.partial/clients")
            try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
            try write("{}", to: stale.appendingPathComponent("x.json"))
            try write("not a backup", to: backups.appendingPathComponent("notes.txt"))
            #expect(try store.backups().isEmpty)
            let made = try store.makeBackup(at: pinnedNow)
            #expect(try names(in: backups) == ["2026-09-09T140500Z", "notes.txt"])
            #expect(try store.backups() == [made.backup])
        }
    }

    @Test func twoBackupsInOneSecondGetTwoNames() throws {
        try withTemporaryDirectory { dir in
            let (store, _, _) = try makeCaseload(in: dir)
            let first = try store.makeBackup(at: pinnedNow), second = try store.makeBackup(at: pinnedNow)
            #expect(second.backup.name == first.backup.name + "-2")
            #expect(try store.backups().map(\.name) == [second.backup.name, first.backup.name], "newest first")
        }
    }

    @Test func onlyTheWindowHoldingTheLockMayBackUpOrPrune() throws {
        try withTemporaryDirectory { dir in
            let (writer, _, _) = try makeCaseload(in: dir)
            let reader = try ClientStore.open(directory: dir, now: pinnedNow)
            let refused = #expect(throws: BackupError.self) { try reader.makeBackup(at: pinnedNow) }
            #expect(refused == .readOnly(.otherInstance(pid: getpid())))
            #expect(refused?.description == "The caseload is open in another window (pid \(getpid())); "
                + "quit Caseload there (q) and try again. Nothing was changed.")
            #expect(throws: BackupError.readOnly(.otherInstance(pid: getpid()))) {
                try reader.pruneBackups(now: pinnedNow, timeZone: utc)
            }
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("backups").path))
            writer.close()
            #expect(throws: BackupError.closed) { try writer.makeBackup(at: pinnedNow) }
        }
    }

    @Test func pruningKeepsWhatRetentionKeepsAndRemovesTheRest() throws {
        try withTemporaryDirectory { dir in
            let (store, _, _) = try makeCaseload(in: dir)
            // Two backups a day for ten days; the newest is "now".
            var made: [Backup] = []
            for day in 0..<10 {
                for hour in [9.0, 15.0] {
                    made.append(try store.makeBackup(at: pinnedNow.addingTimeInterval(Double(day) * 86_400 + hour * 3600)).backup)
                }
            }
            let now = made.last!.stamp.date
            let expected = BackupRetention.kept(made.map(\.stamp), now: now, timeZone: utc)
            let removed = try store.pruneBackups(now: now, timeZone: utc)
            #expect(Set(removed.map(\.stamp)) == Set(made.map(\.stamp)).subtracting(expected))
            #expect(Set(try store.backups().map(\.stamp)) == expected)
            #expect(try names(in: dir.appendingPathComponent("backups")).count == expected.count, "no partial left behind")
            #expect(try store.pruneBackups(now: now, timeZone: utc).isEmpty)
        }
    }

    @Test func todaysBackupIsMadeOncePerLocalDay() throws {
        try withTemporaryDirectory { dir in
            let (store, _, _) = try makeCaseload(in: dir)
            let first = try #require(try store.makeTodaysBackupIfMissing(now: pinnedNow, timeZone: utc))
            let evening = pinnedNow.addingTimeInterval(9 * 3600)  // 23:05 UTC
            #expect(try store.makeTodaysBackupIfMissing(now: evening, timeZone: utc) == nil)
            // In Tokyo (UTC+9) the first was made at 23:05 and 23:05 UTC is the next morning.
            let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
            let second = try #require(try store.makeTodaysBackupIfMissing(now: evening, timeZone: tokyo))
            #expect(try store.backups() == [second.backup, first.backup])
        }
    }

    @Test func theListingCountsRecordsAndSharedFilesOnce() throws {
        try withTemporaryDirectory { dir in
            let (store, clients, _) = try makeCaseload(in: dir)
            let older = try store.makeBackup(at: pinnedNow)
            let newer = try store.makeBackup(at: pinnedNow.addingTimeInterval(60))
            let copied = ["audit.jsonl", "manifest.json", "settings.json"]
            var listing = try store.backupListing()
            #expect(listing.summaries.map(\.backup) == [newer.backup, older.backup])
            #expect(listing.summaries.map(\.clients) == [2, 2])
            #expect(listing.summaries.map(\.assets) == [1, 1])
            let records = try contents(of: dir).filter { $0.key.hasPrefix("clients/") || $0.key.hasPrefix("assets/") }
            let copiedBytes = try copied.map { try bytes(at: dir.appendingPathComponent($0)).count }.reduce(0, +)
            #expect(listing.summaries[0].bytes == copiedBytes + records.values.map(\.count).reduce(0, +))

            // On disk: each backup's folders and copies; the record files are the caseload's own.
            let ownDiskBytes = [older, newer].map { made in
                (["", "/clients", "/assets"] + copied.map { "/" + $0 }).map { diskBytes(made.backup.path + $0) }.reduce(0, +)
            }.reduce(0, +)
            #expect(listing.extraBytes == ownDiskBytes)

            // Once a client is saved again, the old version lives on only in the backups: counted once.
            let oldVersion = diskBytes(clientFile(dir, clients[0].id).path)
            var changed = clients[0]
            changed.riskNote = ""
            try store.save(changed, previous: clients[0], at: pinnedNow)
            listing = try store.backupListing()
            #expect(oldVersion > 0)
            #expect(listing.extraBytes == ownDiskBytes + oldVersion)
        }
    }
}

/// What a file or folder takes on disk.
private func diskBytes(_ path: String) -> Int {
    var info = stat()
    return lstat(path, &info) == 0 ? Int(info.st_blocks) * 512 : 0
}
