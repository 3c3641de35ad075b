import Foundation
import Glibc

/// `<dir>/exports/`: session summaries, letters and reports written for the person to read, send or
/// file. Kept beside the data they come from, with the same care: 0700 folder, 0600 files, durable.
enum ExportFolder {
    static let name = "exports"

    /// A plain file name: no folders, nothing hidden, nothing the store would take for a temporary file.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 200 && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\0")
    }
}

extension ClientStore {
    /// The folder exports are written to.
    public var exportsFolder: String { directory.path + "/" + ExportFolder.name }

    /// Writes `bytes` as `exports/<name>`, replacing a file of that name in one step, and returns its
    /// path. Allowed in a read-only window too: an export never changes the records.
    @discardableResult
    public func writeExport(_ bytes: [UInt8], name: String) throws(StoreError) -> String {
        let folder = exportsFolder
        let path = folder + "/" + name
        guard ExportFolder.isValidName(name) else {
            throw .cannotWriteExport(path: path, failure: WriteFailure(step: .createTemporaryFile, reason: SystemError(EINVAL)))
        }
        do {
            // A new folder's entry must reach the disk too, or the export could vanish with it.
            if try Folders.ensure(folder) { try operations.syncDirectory(directory.path) }
        } catch {
            throw .cannotWriteExport(path: path, failure: WriteFailure(step: .createTemporaryFile, reason: error))
        }
        do {
            try operations.writeDurably(bytes, to: name, in: folder)
        } catch {
            throw .cannotWriteExport(path: path, failure: error)
        }
        return path
    }
}
