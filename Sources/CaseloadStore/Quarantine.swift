import CaseloadKit
import Foundation
import Glibc

/// What moving unreadable files aside did: the files moved, where to, and those that could not be.
public struct QuarantineResult: Equatable, Sendable {
    /// The folder they went to, relative to the data folder: `quarantine/2026-11-21T100000Z`.
    public var folder: String
    /// Relative paths as given, such as `clients/5f0c….json`.
    public var moved: [String]
    /// Relative path and why it stayed where it was.
    public var notMoved: [(file: String, reason: String)]

    public static func == (lhs: QuarantineResult, rhs: QuarantineResult) -> Bool {
        lhs.folder == rhs.folder && lhs.moved == rhs.moved
            && lhs.notMoved.map(\.file) == rhs.notMoved.map(\.file) && lhs.notMoved.map(\.reason) == rhs.notMoved.map(\.reason)
    }
}

/// Moving record files that cannot be used out of the way, unchanged, into
/// `quarantine/<when>/<clients|assets>/<name>`, so that they stop being reported at every start but
/// are never lost. Only ever done when the person has agreed to it.
extension ClientStore {
    public static let quarantineFolderName = "quarantine"

    /// Whether `relativePath` names a record file that may be moved aside: directly inside
    /// `clients/` or `assets/`, nothing else (not the manifest, settings or a theme).
    public static func canQuarantine(_ relativePath: String) -> Bool {
        let parts = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, [Client.folderName, Asset.folderName].contains(String(parts[0])) else { return false }
        let name = parts[1]
        return !name.isEmpty && name != "." && name != ".."
    }

    /// Moves each file by renaming it, so the bytes (or the link, for a symbolic link) are kept
    /// exactly. A file that has gone meanwhile, or cannot be moved, is listed in `notMoved` and left.
    public func quarantine(_ relativePaths: [String], at now: Date) throws(StoreError) -> QuarantineResult {
        if let refusal = writeRefusal() {
            throw .cannotQuarantine(reason: refusal.reason)
        }
        let folder = Self.quarantineFolderName + "/" + Self.quarantineStamp(now)
        var result = QuarantineResult(folder: folder, moved: [], notMoved: [])
        var sourceFolders: Set<String> = []
        var targetFolders: Set<String> = []
        for relative in relativePaths {
            guard Self.canQuarantine(relative) else {
                result.notMoved.append((relative, "not a client or asset file"))
                continue
            }
            let source = directory.path + "/" + relative
            let target = directory.path + "/" + folder + "/" + relative
            let targetFolder = (target as NSString).deletingLastPathComponent
            do throws(SystemError) {
                if !targetFolders.contains(targetFolder) { try ensureDurably(targetFolder) }
                var info = stat()
                // Never over a file already moved there under the same name.
                if lstat(target, &info) == 0 { throw SystemError(EEXIST) }
                try operations.rename(source, target)
                result.moved.append(relative)
                sourceFolders.insert((source as NSString).deletingLastPathComponent)
                targetFolders.insert(targetFolder)
            } catch {
                result.notMoved.append((relative, error.description))
            }
        }
        // The new names first, then the old folders: a power cut in between leaves a file in both
        // places, never in neither. The files are moved either way, so a failed sync is not reported.
        for folder in targetFolders.sorted() + sourceFolders.sorted() { try? operations.syncDirectory(folder) }
        return result
    }

    /// `Folders.ensure`, with each folder it creates made durable in its parent, so that the path
    /// to a moved file survives a power cut.
    private func ensureDurably(_ folder: String) throws(SystemError) {
        let parent = (folder as NSString).deletingLastPathComponent
        if parent != directory.path, !FileManager.default.fileExists(atPath: parent) { try ensureDurably(parent) }
        if try Folders.ensure(folder) { try operations.syncDirectory(parent) }
    }

    /// `2026-11-21T100000Z`: sorts by time, and has no colons, which some file systems refuse.
    static func quarantineStamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return String(format: "%04d", parts.year ?? 0) + "-" + two(parts.month) + "-" + two(parts.day)
            + "T" + two(parts.hour) + two(parts.minute) + two(parts.second) + "Z"
    }

    /// The client references held by files moved aside earlier: kept out of use, as they were while
    /// the files sat among the clients, so a damaged client's number is never given to somebody else.
    public func quarantinedReferences() -> [String] {
        let root = directory.path + "/" + Self.quarantineFolderName
        var references: [String] = []
        for stamp in (try? operations.listDirectory(root)) ?? [] {
            let folder = root + "/" + stamp + "/" + Client.folderName
            for name in (try? operations.listDirectory(folder)) ?? [] {
                guard let bytes = try? operations.readFile(folder + "/" + name, RecordFileReader<Client>.sizeLimit),
                      let reference = Client.reservedReference(in: bytes) else { continue }
                references.append(reference)
            }
        }
        return references
    }
}
