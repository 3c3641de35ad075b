import CaseloadKit
import Foundation
import Glibc

/// A complete backup: `<dir>/backups/<stamp>/`, laid out like the data folder itself (manifest.json,
/// clients/, assets/, audit.jsonl, settings.json when there is one), so that it can be checked and
/// restored as a caseload. Folders 0700, files 0600.
public struct Backup: Equatable, Sendable {
    public let stamp: BackupStamp
    /// The backup folder's absolute path.
    public let path: String

    public var name: String { stamp.name }
}

/// A backup just made, and what it holds.
public struct MadeBackup: Equatable, Sendable {
    public let backup: Backup
    public let clients: Int
    public let assets: Int
    /// Record files that share the caseload's file (a hard link); the others were copied.
    public let linked: Int
    /// Record files left out because they could not be read for copying (and could not be linked),
    /// relative to the data folder: `clients/5f0c….json`. One such file must not stop every backup.
    public let skipped: [String]
}

/// `<dir>/backups/`.
///
/// Record files are hard-linked, not copied: the store only ever replaces a record file by renaming
/// a new file over it, so a linked file never changes afterwards, and a backup of 100,000 clients
/// takes moments and almost no space. The audit log (appended in place), the manifest and the
/// settings are copied. A backup is written as `<stamp>.partial` and renamed when complete, so a
/// crash never leaves a part backup under a complete name; the next backup removes what is left.
enum BackupFolder {
    static let name = "backups"
    static let partialSuffix = ".partial"
    /// Copied whole, when present.
    static let copiedFiles = [Manifest.fileName, AuditLog.fileName, SettingsFile.fileName]
    static let recordFolders = [Client.folderName, Asset.folderName]
    /// Only a guard against exhausting memory, as for the audit log.
    static let copyLimit = AuditLog.readLimit

    /// A file the store reads as a record; hidden names (temporary files among them) are not.
    static func isRecordFile(_ name: String) -> Bool { !name.hasPrefix(".") && name.hasSuffix(".json") }

    /// Whether `path` is a folder (following symbolic links).
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}

/// Why a backup could not be made, listed, pruned or restored. Descriptions are sentences for the person.
public enum BackupError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Only the window holding the lock may make, prune or restore backups.
    case readOnly(ReadOnlyReason)
    case closed
    /// `path` is the file or folder that could not be written.
    case cannotMake(path: String, reason: SystemError)
    case cannotRead(path: String, reason: SystemError)
    case cannotRemove(name: String, reason: SystemError)
    /// Neither a backup of that name nor a folder at that path.
    case notFound(String, backupsFolder: String)
    /// A folder that must not be restored from, and why.
    case notRestorable(path: String, reason: String)
    /// The backup does not read cleanly; nothing was changed.
    case unusable(path: String, problems: [FileProblem])
    /// A record-file name in the caseload (`path`) that is `what` ("a folder"), not a regular file,
    /// which a restore could neither replace nor move safely; nothing was changed.
    case inTheWay(path: String, what: String)
    /// The restore stopped part way; `safety` names the backup of the caseload as it was before.
    case restoreFailed(path: String, reason: SystemError, safety: String)

    public var description: String {
        switch self {
        case .readOnly(.otherInstance(let pid)):
            "The caseload is open in another window\(pid.map { " (pid \($0))" } ?? ""); "
                + "quit Caseload there (q) and try again. Nothing was changed."
        case .readOnly(let reason):
            "The caseload is \(reason). Nothing was changed."
        case .closed:
            "The caseload has been closed. Nothing was changed."
        case .cannotMake(let path, let reason):
            "Could not make a backup (\(path): \(reason)). The caseload itself is unchanged."
        case .cannotRead(let path, let reason):
            "Could not read \(path): \(reason)."
        case .cannotRemove(let name, let reason):
            "Could not remove the old backup \(name): \(reason)."
        case .notFound(let text, let folder):
            "There is no backup \"\(text)\" in \(folder), nor a folder at that path; `caseload backup --list` shows them."
        case .notRestorable(let path, let reason):
            "Cannot restore from \(path): \(reason). Nothing was changed."
        case .unusable(let path, let problems):
            "The backup in \(path) cannot be restored because it does not read cleanly:\n"
                + problems.map { "  \($0)\n" }.joined() + "Nothing was changed."
        case .inTheWay(let path, let what):
            "Cannot restore: \(path) is \(what), not a record file, so the restore could not replace or move it safely. "
                + "`caseload check` shows it; move it out of the caseload folder and restore again. Nothing was changed."
        case .restoreFailed(let path, let reason, let safety):
            "The restore stopped part way (\(path): \(reason)), so the caseload may be partly restored. "
                + "The caseload as it was before is kept in backup \(safety): `caseload restore \(safety)` puts it back, "
                + "or run this restore again to finish it."
        }
    }

    init(_ refusal: ClientStore.WriteRefusal) {
        switch refusal {
        case .readOnly(let reason): self = .readOnly(reason)
        case .closed: self = .closed
        }
    }
}

extension ClientStore {
    public var backupsFolder: String { directory.path + "/" + BackupFolder.name }

    /// Every complete backup, newest first. Allowed in a read-only window.
    public func backups() throws(BackupError) -> [Backup] {
        let folder = backupsFolder
        let names: [String]
        do {
            names = try operations.listDirectory(folder)
        } catch {
            if error.code == ENOENT { return [] }
            throw .cannotRead(path: folder, reason: error)
        }
        return names.compactMap(BackupStamp.init(name:))
            .map { Backup(stamp: $0, path: folder + "/" + $0.name) }
            .filter { BackupFolder.isFolder($0.path) }
            .sorted { $0.stamp > $1.stamp }
    }

    /// Backs up the caseload as it is now into `backups/<stamp of now>/`. Only the window holding
    /// the lock may: no save can then happen half way through. On failure nothing that looks like
    /// a complete backup is left, and the caseload itself is never changed.
    public func makeBackup(at now: Date) throws(BackupError) -> MadeBackup {
        try makeBackup(at: now, beforeRestore: false)
    }

    /// `beforeRestore`: the safety backup a restore makes, named so that retention keeps it, and
    /// refused rather than made without a record file, since it is all that undoes the restore.
    func makeBackup(at now: Date, beforeRestore: Bool) throws(BackupError) -> MadeBackup {
        if let refusal = writeRefusal() { throw BackupError(refusal) }
        let folder = backupsFolder
        let names: [String]
        do {
            // A new folder's entry must reach the disk too, or every backup could vanish with it.
            if try Folders.ensure(folder) { try operations.syncDirectory(directory.path) }
            names = try operations.listDirectory(folder)
        } catch {
            throw .cannotMake(path: folder, reason: error)
        }
        // Left by a backup or a removal cut short: never complete, so never worth keeping.
        for name in names where name.hasSuffix(BackupFolder.partialSuffix) {
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
        let stamp = BackupStamp.unused(at: now, isBeforeRestore: beforeRestore, taken: Set(names))
        let final = folder + "/" + stamp.name
        let partial = final + BackupFolder.partialSuffix
        var writer = BackupWriter(source: directory.path, target: partial, skipsUnreadable: !beforeRestore,
                                  operations: operations)
        do {
            try writer.write()
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw .cannotMake(path: error.path, reason: error.reason)
        }
        do {
            try operations.rename(partial, final)
            try operations.syncDirectory(folder)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw .cannotMake(path: final, reason: error)
        }
        return MadeBackup(backup: Backup(stamp: stamp, path: final), clients: writer.counts[Client.folderName] ?? 0,
                          assets: writer.counts[Asset.folderName] ?? 0, linked: writer.linked, skipped: writer.skipped)
    }

    /// Removes the backups `BackupRetention` does not keep, and returns them. Each is renamed to a
    /// partial name before it is deleted, so a removal cut short never leaves a part backup that
    /// looks complete.
    @discardableResult
    public func pruneBackups(now: Date, timeZone: TimeZone) throws(BackupError) -> [Backup] {
        if let refusal = writeRefusal() { throw BackupError(refusal) }
        let all = try backups()
        let kept = BackupRetention.kept(all.map(\.stamp), now: now, timeZone: timeZone)
        var removed: [Backup] = []
        for backup in all where !kept.contains(backup.stamp) {
            let doomed = backup.path + BackupFolder.partialSuffix
            do {
                try operations.rename(backup.path, doomed)
            } catch {
                throw .cannotRemove(name: backup.name, reason: error)
            }
            // Whatever cannot be deleted now goes with the next backup's tidying.
            try? FileManager.default.removeItem(atPath: doomed)
            removed.append(backup)
        }
        if !removed.isEmpty { try? operations.syncDirectory(backupsFolder) }
        return removed
    }

    /// Makes a backup when none was made today (in `timeZone`), as the app does when it opens the
    /// caseload; nil when today's backup exists already. Pruning is the caller's next step, so
    /// that its failure is not mistaken for a backup not made.
    public func makeTodaysBackupIfMissing(now: Date, timeZone: TimeZone) throws(BackupError) -> MadeBackup? {
        let today = CalendarDate(now, in: timeZone)
        guard try !backups().contains(where: { CalendarDate($0.stamp.date, in: timeZone) == today }) else { return nil }
        return try makeBackup(at: now)
    }
}

/// The file or folder a backup or a restore could not write or read, and why.
struct BackupStepFailure: Error {
    let path: String
    let reason: SystemError
}

/// Why one file could not be backed up: only a file that cannot be read may be left out.
private enum RecordCopyFailure: Error {
    case unreadable(BackupStepFailure)
    case other(BackupStepFailure)

    var failure: BackupStepFailure {
        switch self {
        case .unreadable(let failure), .other(let failure): failure
        }
    }
}

/// Fills a new backup folder from the data folder.
private struct BackupWriter {
    let source: String
    let target: String
    /// Whether a record file that cannot be read for copying is left out (and listed in `skipped`)
    /// rather than failing the backup.
    let skipsUnreadable: Bool
    let operations: FileOperations
    /// Record files backed up, by folder name.
    private(set) var counts: [String: Int] = [:]
    private(set) var linked = 0
    private(set) var skipped: [String] = []

    init(source: String, target: String, skipsUnreadable: Bool, operations: FileOperations) {
        self.source = source
        self.target = target
        self.skipsUnreadable = skipsUnreadable
        self.operations = operations
    }

    mutating func write() throws(BackupStepFailure) {
        try makeFolder(target)
        for name in BackupFolder.copiedFiles {
            do {
                _ = try copy(source + "/" + name, to: target + "/" + name)
            } catch {
                throw error.failure
            }
        }
        for folder in BackupFolder.recordFolders {
            // Made even when empty, so that the backup has the layout of a caseload.
            try makeFolder(target + "/" + folder)
            let names: [String]
            do {
                names = try operations.listDirectory(source + "/" + folder)
            } catch {
                guard error.code == ENOENT else { throw BackupStepFailure(path: source + "/" + folder, reason: error) }
                names = []
            }
            var count = 0
            for name in names.sorted() where BackupFolder.isRecordFile(name) {
                do {
                    if try add(source + "/" + folder + "/" + name, to: target + "/" + folder + "/" + name) { count += 1 }
                } catch {
                    guard skipsUnreadable, case .unreadable = error else { throw error.failure }
                    skipped.append(folder + "/" + name)
                }
            }
            counts[folder] = count
            try sync(target + "/" + folder)
        }
        try sync(target)
    }

    /// Links a record file into the backup, or copies it where a link cannot be made or would not
    /// be an owner-only regular file. False when there was nothing to back up (gone, or not a file).
    private mutating func add(_ path: String, to destination: String) throws(RecordCopyFailure) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return false }
            throw .other(BackupStepFailure(path: path, reason: .current))
        }
        // A symbolic link would be linked as a link, not as the file it names; other modes would carry over.
        if info.st_mode & S_IFMT == S_IFREG && info.st_mode & 0o7777 == 0o600 {
            do {
                try operations.link(path, destination)
                linked += 1
                return true
            } catch {
                // Another file system, one without hard links, or too many links to this file: copy.
                guard [EXDEV, EPERM, EMLINK].contains(error.code) else {
                    throw .other(BackupStepFailure(path: destination, reason: error))
                }
            }
        }
        return try copy(path, to: destination)
    }

    /// Copies a file into the backup (0600, flushed to disk). False when there is no such file, or
    /// it is not a regular file: nothing the store could read from it either.
    private func copy(_ path: String, to destination: String) throws(RecordCopyFailure) -> Bool {
        let bytes: [UInt8]
        do {
            bytes = try operations.readFile(path, BackupFolder.copyLimit)
        } catch {
            if [ENOENT, EISDIR, EINVAL].contains(error.code) { return false }
            throw .unreadable(BackupStepFailure(path: path, reason: error))
        }
        do {
            try write(bytes, to: destination)
        } catch {
            throw .other(error)
        }
        return true
    }

    private func write(_ bytes: [UInt8], to destination: String) throws(BackupStepFailure) {
        let fd: Int32
        do {
            fd = try operations.open(destination, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        } catch {
            throw BackupStepFailure(path: destination, reason: error)
        }
        do {
            try operations.writeAll(bytes, to: fd)
            try operations.fsync(fd)
        } catch {
            try? operations.close(fd)
            throw BackupStepFailure(path: destination, reason: error)
        }
        do {
            try operations.close(fd)
        } catch {
            throw BackupStepFailure(path: destination, reason: error)
        }
    }

    private func makeFolder(_ path: String) throws(BackupStepFailure) {
        guard mkdir(path, 0o700) == 0 else { throw BackupStepFailure(path: path, reason: .current) }
        _ = chmod(path, 0o700)  // whatever the umask
    }

    private func sync(_ folder: String) throws(BackupStepFailure) {
        do {
            try operations.syncDirectory(folder)
        } catch {
            throw BackupStepFailure(path: folder, reason: error)
        }
    }
}
