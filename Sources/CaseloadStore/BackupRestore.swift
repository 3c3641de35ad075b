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
    /// Record files written from the backup, moved aside because the backup did not have them, and
    /// left as they were because they already held the backup's bytes.
    public let written: Int
    public let removed: Int
    public let unchanged: Int
    /// Where the removed record files were moved, relative to the data folder
    /// (`quarantine/2026-11-21T100000Z`); nil when none were removed.
    public let removedTo: String?
}

extension ClientStore {
    /// Reads the caseload folder at `path` (a backup, usually) as `caseload check` does, so that a
    /// restore refuses whatever the check would report. Temporary files and unsaved text are notes
    /// there, not problems. Reading changes nothing.
    public static func contents(of path: String, operations: FileOperations = .system) -> CaseloadContents {
        do {
            let scan = try DataCheck.scanWithLastSaved(directory: URL(fileURLWithPath: path), operations: operations)
            return CaseloadContents(path: path, clients: scan.report.clients, assets: scan.report.assets,
                                    lastSaved: scan.lastSaved, problems: scan.report.problems)
        } catch {
            let problem = switch error {
            case .notACaseload: FileProblem(fileName: Manifest.fileName, reason: "missing, and so is the clients folder: "
                                                + "not a caseload or a backup of one")
            case .cannotRead(_, let reason): FileProblem(fileName: ".", reason: reason)
            }
            return CaseloadContents(path: path, clients: 0, assets: 0, lastSaved: nil, problems: [problem])
        }
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

    /// Replaces the caseload's records and settings with `backup`'s, which must read cleanly.
    ///
    /// Before anything changes: every record-file name in the caseload must be a regular file (a
    /// folder or a link there could not be replaced or moved safely), and the work is planned, audit
    /// lines included. Then a backup of the caseload as it is is made (named `-before-restore`, so that
    /// retention keeps it), each record file that differs is written durably and its audit line
    /// appended, record files the backup lacks are moved into `quarantine/<stamp>/` (their references
    /// stay out of use, and nothing is deleted) with a line each, and the settings are replaced.
    ///
    /// The audit log is never rewritten: it is only appended to, so the history of everything undone
    /// stays. The backup's own log is not restored.
    ///
    /// Every file is always whole. If it stops part way the caseload is a mixture, and the error
    /// names the safety backup that puts it back; running the restore again finishes it.
    public func restore(_ backup: CaseloadContents, at now: Date) throws(BackupError) -> RestoreOutcome {
        if let refusal = writeRefusal() { throw BackupError(refusal) }
        guard backup.problems.isEmpty else { throw .unusable(path: backup.path, problems: backup.problems) }
        try refuseEntriesInTheWay()
        let plans = [try plan(Client.self, from: backup.path, at: now), try plan(Asset.self, from: backup.path, at: now)]
        let safety = try makeBackup(at: now, beforeRestore: true)
        let removedTo = Self.quarantineFolderName + "/" + Self.quarantineStamp(now)
        var counts = (written: 0, removed: 0, unchanged: plans.map(\.unchanged).reduce(0, +))
        do {
            for plan in plans {
                try apply(plan, from: backup.path, removingTo: removedTo, counts: &counts)
            }
            try restoreFile(SettingsFile.fileName, from: backup.path)
        } catch {
            throw .restoreFailed(path: error.path, reason: error.reason, safety: safety.backup.name)
        }
        return RestoreOutcome(safetyBackup: safety, written: counts.written, removed: counts.removed,
                              unchanged: counts.unchanged, removedTo: counts.removed > 0 ? removedTo : nil)
    }

    /// Files written per folder sync: one sync per file would take minutes at 100,000 clients.
    private static let restoreBatchSize = 256

    /// Refuses when a record-file name in the caseload is not a regular file: the restore replaces or
    /// moves only regular files, and finding one half way would leave the caseload a mixture.
    private func refuseEntriesInTheWay() throws(BackupError) {
        for folder in BackupFolder.recordFolders {
            let path = directory.path + "/" + folder
            let names: Set<String>
            do {
                names = try recordNames(in: path)
            } catch {
                throw .cannotRead(path: error.path, reason: error.reason)
            }
            for name in names.sorted() {
                var info = stat()
                guard lstat(path + "/" + name, &info) == 0 else {
                    if errno == ENOENT { continue }
                    throw .cannotRead(path: path + "/" + name, reason: .current)
                }
                if info.st_mode & S_IFMT == S_IFREG { continue }
                let what = switch info.st_mode & S_IFMT {
                case S_IFDIR: "a folder"
                case S_IFLNK: "a symbolic link"
                default: "not a regular file"
                }
                throw .inTheWay(path: path + "/" + name, what: what)
            }
        }
    }

    /// Works out what restoring `Record`'s folder will do, with the audit line of each change, before
    /// anything is changed.
    private func plan<Record: StoredRecord>(
        _: Record.Type, from backupPath: String, at now: Date
    ) throws(BackupError) -> RecordFolderPlan {
        let source = backupPath + "/" + Record.folderName
        let target = folder(of: Record.self)
        // Keyed by file name; a live file that does not read cleanly is absent, and so has no history to diff against.
        func byFileName(_ directory: String) -> [String: Record] {
            let records = RecordFileReader<Record>(directory: directory, operations: operations).load().records
            return Dictionary(records.map { (RecordFileReader<Record>.fileName(for: $0.id), $0) }, uniquingKeysWith: { a, _ in a })
        }
        let wanted = byFileName(backupPath)
        let live = byFileName(directory.path)
        var plan = RecordFolderPlan(folder: Record.folderName)
        for (name, record) in wanted.sorted(by: { $0.key < $1.key }) {
            let from = source + "/" + name, to = target + "/" + name
            // A file the backup shares with the caseload (a hard link) is the same record.
            if Self.isSameFile(from, to) {
                plan.unchanged += 1
                continue
            }
            let bytes: [UInt8]
            do {
                bytes = try operations.readFile(from, RecordFileReader<Record>.sizeLimit)
            } catch {
                throw .cannotRead(path: from, reason: error)
            }
            if (try? operations.readFile(to, RecordFileReader<Record>.sizeLimit)) == bytes {
                plan.unchanged += 1
                continue
            }
            do {
                plan.writes.append((name, try AuditLog.line(for: record.auditSubject, encoded: bytes,
                                                             previous: live[name], at: now)))
            } catch {
                throw .notRestorable(path: from, reason: "its audit entry could not be made (\(error))")
            }
        }
        let extra: Set<String>
        do {
            extra = try recordNames(in: target).subtracting(wanted.keys)
        } catch {
            throw .cannotRead(path: error.path, reason: error.reason)
        }
        for name in extra.sorted() {
            // A file that does not read cleanly names no one the log could record; it is kept all the same.
            let line: [UInt8]?
            do {
                line = try live[name].map { record throws in
                    try AuditLog.removalLine(for: record.auditSubject, previous: record, at: now)
                }
            } catch {
                throw .notRestorable(path: target + "/" + name, reason: "its audit entry could not be made (\(error))")
            }
            plan.removals.append((name, line))
        }
        return plan
    }

    private func apply(
        _ plan: RecordFolderPlan, from backupPath: String, removingTo removedTo: String,
        counts: inout (written: Int, removed: Int, unchanged: Int)
    ) throws(BackupStepFailure) {
        let source = backupPath + "/" + plan.folder
        let target = directory.path + "/" + plan.folder
        for start in stride(from: 0, to: plan.writes.count, by: Self.restoreBatchSize) {
            let batch = plan.writes[start..<min(start + Self.restoreBatchSize, plan.writes.count)]
            var files: [(name: String, bytes: [UInt8])] = []
            for write in batch {
                do {
                    files.append((write.name, try operations.readFile(source + "/" + write.name,
                                                                      RecordFileReader<Client>.sizeLimit)))
                } catch {
                    throw BackupStepFailure(path: source + "/" + write.name, reason: error)
                }
            }
            do {
                try operations.writeDurably(files, in: target)
            } catch {
                let failed = error.failedFile.map { files[$0].name }
                throw BackupStepFailure(path: target + (failed.map { "/" + $0 } ?? ""), reason: error.failure.reason)
            }
            counts.written += files.count
            try appendAuditLines(batch.map(\.auditLine))
        }

        // Moved last, so that a restore cut short leaves a record too many rather than one missing.
        guard !plan.removals.isEmpty else { return }
        let aside = directory.path + "/" + removedTo + "/" + plan.folder
        do {
            try Folders.ensure(aside)
        } catch {
            throw BackupStepFailure(path: aside, reason: error)
        }
        for removal in plan.removals {
            let from = target + "/" + removal.name, to = aside + "/" + removal.name
            var info = stat()
            guard lstat(from, &info) == 0 else {
                if errno == ENOENT { continue }
                throw BackupStepFailure(path: from, reason: .current)
            }
            // Checked before the restore began; checked again because only a regular file may be moved.
            guard info.st_mode & S_IFMT == S_IFREG else { throw BackupStepFailure(path: from, reason: SystemError(EINVAL)) }
            // Never over a file already moved there under the same name.
            guard lstat(to, &info) != 0 else { throw BackupStepFailure(path: to, reason: SystemError(EEXIST)) }
            do {
                try operations.rename(from, to)
            } catch {
                throw BackupStepFailure(path: from, reason: error)
            }
            counts.removed += 1
        }
        // The move must be durable before the log says so: the folders it left and reached, and the
        // folders above that this may have made.
        var folder = aside
        while folder.count > directory.path.count {
            try sync(folder)
            folder = (folder as NSString).deletingLastPathComponent
        }
        try sync(directory.path)
        try sync(target)
        try appendAuditLines(plan.removals.compactMap(\.auditLine))
    }

    private func appendAuditLines(_ lines: [[UInt8]]) throws(BackupStepFailure) {
        guard !lines.isEmpty else { return }
        do {
            try appendToAudit(Array(lines.joined()))
        } catch {
            throw BackupStepFailure(path: directory.path + "/" + AuditLog.fileName, reason: error)
        }
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
}

/// What a restore will do to one record folder, worked out before anything is changed.
private struct RecordFolderPlan {
    let folder: String
    /// Files to write from the backup, each with its audit line.
    var writes: [(name: String, auditLine: [UInt8])] = []
    /// Files to move aside, each with its audit line when it read cleanly.
    var removals: [(name: String, auditLine: [UInt8]?)] = []
    var unchanged = 0
}
