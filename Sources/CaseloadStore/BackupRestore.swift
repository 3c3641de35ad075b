import CaseloadKit
import Foundation
import Glibc

/// What a caseload folder holds, read as the store reads it: a backup before it is restored, or the
/// caseload it would replace. Reading changes nothing.
public struct CaseloadContents: Equatable, Sendable {
    public let path: String
    /// Records that read cleanly.
    public let clients: Int
    public let assets: Int
    /// The latest `updatedAt` of any client or asset; nil when there are none.
    public let lastSaved: Date?
    /// Every file that does not read cleanly: records, the manifest, the settings.
    public let problems: [FileProblem]
}

/// What a restore did.
public struct RestoreOutcome: Equatable, Sendable {
    /// The backup of the caseload as it was just before, which undoes the restore.
    public let safetyBackup: MadeBackup
    /// Record files written from the backup, removed because the backup did not have them, and
    /// left as they were because they already held the backup's bytes.
    public let written: Int
    public let removed: Int
    public let unchanged: Int
}

extension ClientStore {
    /// Reads the caseload folder at `path` (a backup, usually) as the store would open it.
    public static func contents(of path: String, operations: FileOperations = .system) -> CaseloadContents {
        var problems: [FileProblem] = []
        do {
            switch try Manifest.read(in: path, operations: operations) {
            case .missing:
                problems.append(FileProblem(fileName: Manifest.fileName, reason: "missing: not a caseload or a backup of one"))
            case .found(let version) where version > Manifest.currentSchemaVersion:
                problems.append(FileProblem(fileName: Manifest.fileName,
                                            reason: "written by a newer version of Caseload (schema \(version))"))
            case .found:
                break
            }
        } catch {
            problems.append(FileProblem(fileName: Manifest.fileName, reason: error.description))
        }
        let clients = ClientFileReader(directory: path, operations: operations).load()
        let assets = AssetFileReader(directory: path, operations: operations).load()
        problems += clients.problems + assets.problems
        if let settingsProblem = settingsProblem(in: path, operations: operations) { problems.append(settingsProblem) }
        let lastSaved = (clients.records.map(\.updatedAt) + assets.records.map(\.updatedAt)).max()
        return CaseloadContents(path: path, clients: clients.records.count, assets: assets.records.count,
                                lastSaved: lastSaved, problems: problems)
    }

    /// What this caseload holds now.
    public func contents() -> CaseloadContents { Self.contents(of: directory.path, operations: operations) }

    /// The folder of the backup `text` names: a backup's name in `backups/` (such as
    /// `2026-11-21T100000Z`), or the path of a backup folder anywhere (a copy on another disk).
    public func locateBackup(_ text: String) throws(BackupError) -> String {
        let path: String
        if !text.contains("/"), BackupStamp(name: text) != nil {
            path = backupsFolder + "/" + text
        } else {
            path = URL(fileURLWithPath: text).standardizedFileURL.path
        }
        guard BackupFolder.isFolder(path) else { throw .notFound(text, backupsFolder: backupsFolder) }
        if path.hasSuffix(BackupFolder.partialSuffix) {
            throw .notRestorable(path: path, reason: "it is a backup that was never finished")
        }
        if URL(fileURLWithPath: path).resolvingSymlinksInPath().path == directory.resolvingSymlinksInPath().path {
            throw .notRestorable(path: path, reason: "it is the caseload itself")
        }
        return path
    }

    /// Replaces the caseload with `backup`, which must read cleanly: first makes a backup of the
    /// caseload as it is (not pruned, so it cannot take the place of the one being restored), then
    /// writes each record file that differs durably, removes record files the backup does not have,
    /// and replaces the audit log and the settings with the backup's (removing them when it has none).
    ///
    /// Every file is always whole, old or new. If it stops part way the caseload is a mixture, and
    /// the error names the safety backup that puts it back; running the restore again finishes it.
    public func restore(_ backup: CaseloadContents, at now: Date) throws(BackupError) -> RestoreOutcome {
        if let refusal = writeRefusal() { throw BackupError(refusal) }
        guard backup.problems.isEmpty else { throw .unusable(path: backup.path, problems: backup.problems) }
        let safety = try makeBackup(at: now)
        var counts = (written: 0, removed: 0, unchanged: 0)
        do {
            for folder in BackupFolder.recordFolders {
                try restoreRecords(in: folder, from: backup.path, counts: &counts)
            }
            for name in [AuditLog.fileName, SettingsFile.fileName] {
                try restoreFile(name, from: backup.path)
            }
        } catch {
            throw .restoreFailed(path: error.path, reason: error.reason, safety: safety.backup.name)
        }
        return RestoreOutcome(safetyBackup: safety, written: counts.written, removed: counts.removed,
                              unchanged: counts.unchanged)
    }

    /// Files written per folder sync: one sync per file would take minutes at 100,000 clients.
    private static let restoreBatchSize = 256

    private func restoreRecords(
        in folder: String, from backupPath: String, counts: inout (written: Int, removed: Int, unchanged: Int)
    ) throws(BackupStepFailure) {
        let source = backupPath + "/" + folder
        let target = directory.path + "/" + folder
        let wanted = try recordNames(in: source)
        var pending: [(name: String, bytes: [UInt8])] = []

        func writePending() throws(BackupStepFailure) {
            guard !pending.isEmpty else { return }
            do {
                try operations.writeDurably(pending, in: target)
            } catch {
                let failed = error.failedFile.map { pending[$0].name }
                throw BackupStepFailure(path: target + (failed.map { "/" + $0 } ?? ""), reason: error.failure.reason)
            }
            counts.written += pending.count
            pending.removeAll(keepingCapacity: true)
        }

        for name in wanted.sorted() {
            let from = source + "/" + name, to = target + "/" + name
            // A file the backup shares with the caseload (a hard link) is the same record.
            if Self.isSameFile(from, to) {
                counts.unchanged += 1
                continue
            }
            let bytes: [UInt8]
            do {
                bytes = try operations.readFile(from, RecordFileReader<Client>.sizeLimit)
            } catch {
                throw BackupStepFailure(path: from, reason: error)
            }
            if (try? operations.readFile(to, RecordFileReader<Client>.sizeLimit)) == bytes {
                counts.unchanged += 1
                continue
            }
            pending.append((name, bytes))
            if pending.count == Self.restoreBatchSize { try writePending() }
        }
        try writePending()

        // Removed last, so that a restore cut short leaves a record too many rather than one missing.
        let extra = try recordNames(in: target).subtracting(wanted)
        for name in extra.sorted() {
            do {
                try operations.unlink(target + "/" + name)
            } catch {
                if error.code != ENOENT { throw BackupStepFailure(path: target + "/" + name, reason: error) }
            }
            counts.removed += 1
        }
        if !extra.isEmpty { try sync(target) }
    }

    /// Replaces the caseload's `name` with the backup's, or removes it when the backup has none.
    private func restoreFile(_ name: String, from backupPath: String) throws(BackupStepFailure) {
        let source = backupPath + "/" + name
        let bytes: [UInt8]
        do {
            bytes = try operations.readFile(source, BackupFolder.copyLimit)
        } catch {
            guard error.code == ENOENT else { throw BackupStepFailure(path: source, reason: error) }
            do {
                try operations.unlink(directory.path + "/" + name)
            } catch {
                if error.code == ENOENT { return }
                throw BackupStepFailure(path: directory.path + "/" + name, reason: error)
            }
            try sync(directory.path)
            return
        }
        do {
            try operations.writeDurably(bytes, to: name, in: directory.path)
        } catch {
            throw BackupStepFailure(path: directory.path + "/" + name, reason: error.reason)
        }
    }

    private func recordNames(in folder: String) throws(BackupStepFailure) -> Set<String> {
        do {
            return Set(try operations.listDirectory(folder).filter(BackupFolder.isRecordFile))
        } catch {
            if error.code == ENOENT { return [] }
            throw BackupStepFailure(path: folder, reason: error)
        }
    }

    private func sync(_ folder: String) throws(BackupStepFailure) {
        do {
            try operations.syncDirectory(folder)
        } catch {
            throw BackupStepFailure(path: folder, reason: error)
        }
    }

    private static func isSameFile(_ first: String, _ second: String) -> Bool {
        var a = stat(), b = stat()
        return lstat(first, &a) == 0 && lstat(second, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }

    /// A damaged `settings.json`, if it is; a missing one is fine.
    private static func settingsProblem(in path: String, operations: FileOperations) -> FileProblem? {
        let bytes: [UInt8]
        do {
            bytes = try operations.readFile(path + "/" + SettingsFile.fileName, SettingsFile.sizeLimit)
        } catch {
            return error.code == ENOENT ? nil : FileProblem(fileName: SettingsFile.fileName, reason: "cannot be read: \(error)")
        }
        do {
            _ = try StoreJSON.decoder().decode(WorkerSettings.self, from: Data(bytes))
            return nil
        } catch {
            return FileProblem(fileName: SettingsFile.fileName, reason: DecodingProblem.reason(for: error, in: bytes))
        }
    }
}
