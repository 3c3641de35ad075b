import CaseloadKit
import Foundation
import Glibc

/// One backup as `caseload backup --list` shows it.
public struct BackupSummary: Equatable, Sendable {
    public let backup: Backup
    public let clients: Int
    public let assets: Int
    /// Every file's size added up, shared or not: what a copy of the backup elsewhere would take.
    public let bytes: Int
}

/// Every backup, newest first, and what they take together.
public struct BackupListing: Equatable, Sendable {
    public let summaries: [BackupSummary]
    /// Disk space the backups take beyond the caseload's own files: their folders, and each file
    /// counted once however many backups share it, and not at all while the caseload still has it.
    public let extraBytes: Int
}

extension ClientStore {
    /// Lists the backups with what each holds. Allowed in a read-only window; changes nothing.
    public func backupListing() throws(BackupError) -> BackupListing {
        let live = Set(BackupFolder.recordFolders.flatMap { recordFiles(in: directory.path + "/" + $0) }.map(\.id))
        var counted: Set<FileID> = []
        var extraBytes = 0
        var summaries: [BackupSummary] = []
        for backup in try backups() {
            // Its folders are the backup's own: one of 100,000 names takes a few megabytes.
            let folders = [backup.path] + BackupFolder.recordFolders.map { backup.path + "/" + $0 }
            extraBytes += folders.compactMap(Self.status(of:)).map(\.diskBytes).reduce(0, +)
            var found = files(in: backup.path, named: BackupFolder.copiedFiles.contains)
            var recordCounts: [String: Int] = [:]
            for folder in BackupFolder.recordFolders {
                let records = recordFiles(in: backup.path + "/" + folder)
                recordCounts[folder] = records.count
                found += records
            }
            for file in found where !live.contains(file.id) && counted.insert(file.id).inserted {
                extraBytes += file.diskBytes
            }
            summaries.append(BackupSummary(backup: backup, clients: recordCounts[Client.folderName] ?? 0,
                                           assets: recordCounts[Asset.folderName] ?? 0,
                                           bytes: found.map(\.size).reduce(0, +)))
        }
        return BackupListing(summaries: summaries, extraBytes: extraBytes)
    }

    private func recordFiles(in folder: String) -> [FileInfo] { files(in: folder, named: BackupFolder.isRecordFile) }

    /// The regular files in `folder` (not in folders below it) whose names pass `wanted`. An
    /// unreadable folder counts as empty: the listing is for information.
    private func files(in folder: String, named wanted: (String) -> Bool) -> [FileInfo] {
        guard let names = try? operations.listDirectory(folder) else { return [] }
        return names.compactMap { name in
            guard wanted(name), let file = Self.status(of: folder + "/" + name), file.isRegular else { return nil }
            return file
        }
    }

    private static func status(of path: String) -> FileInfo? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return FileInfo(id: FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)), size: Int(info.st_size),
                        diskBytes: Int(info.st_blocks) * 512, isRegular: info.st_mode & S_IFMT == S_IFREG)
    }
}

/// A file whatever its names: hard links share one.
private struct FileID: Hashable {
    let device: UInt64
    let inode: UInt64
}

private struct FileInfo {
    let id: FileID
    /// The length of its contents.
    let size: Int
    /// What it takes on disk: whole blocks (`st_blocks` counts 512-byte units).
    let diskBytes: Int
    let isRegular: Bool
}
