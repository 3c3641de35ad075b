import CaseloadKit
@testable import CaseloadStore
import Foundation
import Glibc
import Testing

/// Every file under `dir` with its bytes, leaving out what a restore does not put back (the audit
/// log, which it only appends to, and files moved aside): equal snapshots mean the same caseload.
private func caseloadFiles(_ dir: URL) throws -> [String: [UInt8]] {
    var result: [String: [UInt8]] = [:]
    let walker = try #require(FileManager.default.enumerator(atPath: dir.path))
    for case let relative as String in walker {
        let top = String(relative.split(separator: "/").first ?? "")
        if [".lock", "backups", "recovery", "exports", "quarantine", "audit.jsonl"].contains(top) { continue }
        let url = dir.appendingPathComponent(relative)
        if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { result[relative] = try bytes(at: url) }
    }
    return result
}

private func url(_ backup: MadeBackup) -> URL { URL(fileURLWithPath: backup.backup.path) }

/// The audit log's bytes; empty when there is none.
private func auditBytes(_ dir: URL) -> [UInt8] { (try? bytes(at: dir.appendingPathComponent("audit.jsonl"))) ?? [] }

@Suite("Restoring backups")
struct BackupRestoreTests {
    @Test func aRestoreReplacesRecordsAndSettingsAndMovesAsideWhatTheBackupLacks() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let kept = [try fullClient(reference: "C-0001", name: "Ada"), try fullClient(reference: "C-0002", name: "Bea")]
            for client in kept { try store.save(client, previous: nil, at: pinnedNow) }
            let asset = fullAsset()
            try store.save(asset, previous: nil, at: pinnedNow)
            try store.saveSettings(WorkerSettings(name: "Priya Shah"))
            let backup = try store.makeBackup(at: pinnedNow)
            let backedUp = try caseloadFiles(url(backup))

            // Then: one client changed, one added, the asset's file lost, the settings changed.
            var changed = kept[0]
            changed.name = "Ada Lovelace"
            try store.save(changed, previous: kept[0], at: pinnedNow)
            try store.save(try fullClient(reference: "C-0003", name: "Cy"), previous: nil, at: pinnedNow)
            try FileManager.default.removeItem(at: assetFile(dir, asset.id))
            try store.saveSettings(WorkerSettings(name: "Someone Else"))
            let beforeRestore = try caseloadFiles(dir)

            let source = ClientStore.contents(of: backup.backup.path)
            #expect(source.problems.isEmpty)
            #expect((source.clients, source.assets) == (2, 1))
            #expect(source.lastSaved == pinnedNow.addingTimeInterval(3600), "the latest updatedAt (fullClient's)")
            let later = pinnedNow.addingTimeInterval(600)
            let outcome = try store.restore(source, at: later)

            #expect(try caseloadFiles(dir) == backedUp)
            #expect(Set(store.loadClients().clients) == Set(kept))
            #expect(store.loadAssets().assets == [asset])
            #expect(try store.loadSettings().name == "Priya Shah")
            #expect((outcome.written, outcome.removed, outcome.unchanged) == (2, 1, 1))
            for file in backedUp.keys where file.hasPrefix("clients/") || file.hasPrefix("assets/") {
                #expect(mode(of: dir.appendingPathComponent(file)) == 0o600, "\(file)")
            }

            // The safety backup holds the caseload as it was, and restoring it undoes the restore.
            #expect(outcome.safetyBackup.backup.stamp == BackupStamp(date: later, isBeforeRestore: true))
            #expect(outcome.safetyBackup.backup.name.hasSuffix("-before-restore"))
            #expect(try caseloadFiles(url(outcome.safetyBackup)) == beforeRestore)
            _ = try store.restore(ClientStore.contents(of: outcome.safetyBackup.backup.path), at: later)
            #expect(try caseloadFiles(dir) == beforeRestore)
        }
    }

    @Test func aBackupWithoutSettingsRemovesThemButNeverTheAuditLog() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let empty = try store.makeBackup(at: pinnedNow)
            try store.save(try fullClient(), previous: nil, at: pinnedNow)
            try store.saveSettings(WorkerSettings(name: "Priya Shah"))
            let audit = auditBytes(dir)

            let outcome = try store.restore(ClientStore.contents(of: empty.backup.path), at: pinnedNow)
            #expect((outcome.written, outcome.removed) == (0, 1))
            #expect(try names(in: dir).filter { !$0.hasPrefix(".") }
                == ["assets", "audit.jsonl", "backups", "clients", "manifest.json", "quarantine"])
            #expect(try names(in: clientsFolder(dir)).isEmpty)
            #expect(auditBytes(dir).starts(with: audit) && auditBytes(dir).count > audit.count, "appended to, not replaced")
        }
    }

    @Test func aRestoreAppendsOneAuditLineForEachRecordItChanges() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let ada = try fullClient(reference: "C-0001", name: "Ada"), bea = try fullClient(reference: "C-0002", name: "Bea")
            for client in [ada, bea] { try store.save(client, previous: nil, at: pinnedNow) }
            let backup = try store.makeBackup(at: pinnedNow)
            var renamed = ada
            renamed.name = "Ada Lovelace"
            try store.save(renamed, previous: ada, at: pinnedNow)
            let cy = try fullClient(reference: "C-0003", name: "Cy")
            try store.save(cy, previous: nil, at: pinnedNow)
            try FileManager.default.removeItem(at: clientFile(dir, bea.id))
            let audit = auditBytes(dir)
            let entriesBefore = try store.auditEntries(for: nil).entries.count

            let later = pinnedNow.addingTimeInterval(600)
            let outcome = try store.restore(ClientStore.contents(of: backup.backup.path), at: later)

            #expect(auditBytes(dir).starts(with: audit), "the log is only appended to")
            let added = try store.auditEntries(for: nil).entries.dropFirst(entriesBefore).sorted { $0.reference < $1.reference }
            #expect(added.map(\.reference) == ["C-0001", "C-0002", "C-0003"])
            #expect(added.allSatisfy { $0.at == later })
            #expect(added[0].action == .updated)
            #expect(added[0].changes == [AuditEntry.Change(path: "name", before: "\"Ada Lovelace\"", after: "\"Ada\"")])
            #expect(added[1].action == .created, "its file was gone, so the backup's version is new")
            #expect(added[2].action == .updated)
            #expect(added[2].changes.contains(AuditEntry.Change(path: "name", before: "\"Cy\"", after: nil)))
            #expect(added[2].changes.allSatisfy { $0.before != nil && $0.after == nil }, "every field goes")

            // Cy's file is moved aside, not deleted, so that C-0003 is never given to somebody else.
            let removedTo = try #require(outcome.removedTo)
            #expect(removedTo == "quarantine/" + ClientStore.quarantineStamp(later))
            #expect(FileManager.default.fileExists(atPath: dir.path + "/" + removedTo + "/" + ClientStore.relativePath(for: cy.id)))
            #expect(!FileManager.default.fileExists(atPath: clientFile(dir, cy.id).path))
            #expect(store.quarantinedReferences() == ["C-0003"])
        }
    }

    @Test func aCaseloadWithAFolderWhereARecordFileGoesIsRefusedBeforeAnythingChanges() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let backup = try store.makeBackup(at: pinnedNow)
            try store.save(try fullClient(), previous: nil, at: pinnedNow)
            let inTheWay = clientsFolder(dir).appendingPathComponent("zz.json")
            try FileManager.default.createDirectory(at: inTheWay, withIntermediateDirectories: false)
            let before = try caseloadFiles(dir), audit = auditBytes(dir)

            let error = #expect(throws: BackupError.self) {
                try store.restore(ClientStore.contents(of: backup.backup.path), at: pinnedNow)
            }
            #expect(error == .inTheWay(path: inTheWay.path, what: "a folder"))
            #expect(error?.description.contains("`caseload check`") == true)
            #expect(error?.description.hasSuffix("Nothing was changed.") == true)
            #expect(try caseloadFiles(dir) == before)
            #expect(auditBytes(dir) == audit)
            #expect(BackupFolder.isFolder(inTheWay.path))
            #expect(try store.backups() == [backup.backup], "no safety backup either")
        }
    }

    @Test(arguments: ["not UTF-8", "dangling link"])
    func aBackupWhoseSettingsCaseloadCheckWouldReportIsRefused(_ damage: String) throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            try store.saveSettings(WorkerSettings(name: "Priya Shah"))
            let backup = try store.makeBackup(at: pinnedNow)
            let settings = url(backup).appendingPathComponent("settings.json")
            try FileManager.default.removeItem(at: settings)
            if damage == "dangling link" {
                #expect(symlink(dir.path + "/nowhere.json", settings.path) == 0)
            } else {
                try Data([0x7B, 0x22, 0x6E, 0x61, 0x6D, 0x65, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D]).write(to: settings)
            }
            // Left by an interrupted save: a note for `caseload check`, never a reason to refuse.
            try write("{", to: url(backup).appendingPathComponent("clients/.tmp-1.json"))
            let before = try caseloadFiles(dir)

            let source = ClientStore.contents(of: backup.backup.path)
            #expect(source.problems.map(\.fileName) == ["settings.json"])
            #expect(throws: BackupError.unusable(path: backup.backup.path, problems: source.problems)) {
                try store.restore(source, at: pinnedNow)
            }
            #expect(try caseloadFiles(dir) == before)
            #expect(try store.backups() == [backup.backup], "no safety backup either")
        }
    }

    @Test func aBackupCopiedElsewhereRestoresByPath() throws {
        try withTemporaryDirectory { dir in
            let data = dir.appendingPathComponent("data"), copy = dir.appendingPathComponent("usb/caseload-copy")
            let store = try ClientStore.open(directory: data, now: pinnedNow)
            let client = try fullClient()
            try store.save(client, previous: nil, at: pinnedNow)
            try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: try store.makeBackup(at: pinnedNow).backup.path, toPath: copy.path)
            let backedUp = try caseloadFiles(copy)
            try FileManager.default.removeItem(at: clientFile(data, client.id))

            let path = try store.locateBackup(copy.path)
            #expect(path == copy.path)
            _ = try store.restore(ClientStore.contents(of: path), at: pinnedNow)
            #expect(try caseloadFiles(data) == backedUp)
        }
    }

    @Test func aBackupThatDoesNotReadCleanlyIsRefusedAndNothingChanges() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let client = try fullClient()
            try store.save(client, previous: nil, at: pinnedNow)
            let backup = try store.makeBackup(at: pinnedNow)
            // A new file, not a write into the linked one, which is also the caseload's.
            let damaged = clientFile(url(backup), client.id)
            try FileManager.default.removeItem(at: damaged)
            try write("{\"schemaVersion\": 4, \"name\": ", to: damaged)
            try FileManager.default.removeItem(at: url(backup).appendingPathComponent("manifest.json"))
            let before = try caseloadFiles(dir)

            let source = ClientStore.contents(of: backup.backup.path)
            #expect(source.problems.map(\.fileName) == [ClientStore.relativePath(for: client.id), "manifest.json"])
            #expect(source.problems.last?.reason == "missing; every caseload has one, and a backup without it is incomplete")
            let error = #expect(throws: BackupError.self) { try store.restore(source, at: pinnedNow) }
            #expect(error == .unusable(path: backup.backup.path, problems: source.problems))
            #expect(error?.description.contains("\n  manifest.json: missing") == true)
            #expect(error?.description.hasSuffix("Nothing was changed.") == true)
            #expect(try caseloadFiles(dir) == before)
            #expect(try store.backups() == [backup.backup], "no safety backup either")
        }
    }

    @Test func onlyTheWindowHoldingTheLockMayRestore() throws {
        try withTemporaryDirectory { dir in
            let writer = try ClientStore.open(directory: dir, now: pinnedNow)
            try writer.save(try fullClient(), previous: nil, at: pinnedNow)
            let backup = try writer.makeBackup(at: pinnedNow)
            try writer.save(try fullClient(reference: "C-0002"), previous: nil, at: pinnedNow)
            let before = try caseloadFiles(dir)

            let reader = try ClientStore.open(directory: dir, now: pinnedNow)
            #expect(throws: BackupError.readOnly(.otherInstance(pid: getpid()))) {
                try reader.restore(ClientStore.contents(of: backup.backup.path), at: pinnedNow)
            }
            #expect(try caseloadFiles(dir) == before)
            #expect(try writer.backups() == [backup.backup])
        }
    }

    @Test func aRestoreCutShortNamesTheSafetyBackupWhichPutsEverythingBack() throws {
        try withTemporaryDirectory { dir in
            let plan = FaultPlan()
            let store = try ClientStore.open(directory: dir, fileOperations: plan.operations, now: pinnedNow)
            let clients = try (1...3).map { try fullClient(reference: "C-000\($0)") }
            for client in clients { try store.save(client, previous: nil, at: pinnedNow) }
            let backup = try store.makeBackup(at: pinnedNow)
            for client in clients {
                var changed = client
                changed.name += " (changed)"
                try store.save(changed, previous: client, at: pinnedNow)
            }
            let before = try caseloadFiles(dir)

            // The safety backup's own rename succeeds; the second file of the restore fails to go in.
            plan.fail(.rename, with: EIO, after: 2)
            let error = #expect(throws: BackupError.self) {
                try store.restore(ClientStore.contents(of: backup.backup.path), at: pinnedNow)
            }
            let safety = try #require(try store.backups().first?.name)
            #expect(safety == backup.backup.name + "-2-before-restore")
            guard case .restoreFailed(_, let reason, let named)? = error else {
                Issue.record("expected restoreFailed, got \(String(describing: error))")
                return
            }
            #expect(reason == SystemError(EIO))
            #expect(named == safety)
            #expect(error?.description.contains("`caseload restore \(safety)` puts it back") == true)
            let partly = store.loadClients()
            #expect(partly.problems.isEmpty, "every file whole, old or new")
            #expect(partly.clients.filter { $0.name.hasSuffix("(changed)") }.count == 2, "one restored before it failed")

            _ = try store.restore(ClientStore.contents(of: dir.path + "/backups/" + safety), at: pinnedNow)
            #expect(try caseloadFiles(dir) == before)
        }
    }

    @Test func backupsAreFoundByNameOrPath() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let backup = try store.makeBackup(at: pinnedNow)
            #expect(try store.locateBackup(backup.backup.name) == backup.backup.path)
            #expect(try store.locateBackup(backup.backup.path + "/") == backup.backup.path)
            #expect(throws: BackupError.notFound("2020-01-01T000000Z", backupsFolder: store.backupsFolder)) {
                try store.locateBackup("2020-01-01T000000Z")
            }
            #expect(throws: BackupError.notFound("no/such/folder", backupsFolder: store.backupsFolder)) {
                try store.locateBackup("no/such/folder")
            }
            #expect(throws: BackupError.notRestorable(path: dir.path, reason: "it is the caseload itself")) {
                try store.locateBackup(dir.path + "/.")
            }
            let partial = dir.path + "/backups/2026-09-09T150000Z.partial"
            #expect(mkdir(partial, 0o700) == 0)
            #expect(throws: BackupError.notRestorable(path: partial, reason: "it is a backup that was never finished")) {
                try store.locateBackup(partial)
            }
        }
    }
}
