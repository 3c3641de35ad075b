import Foundation
import Glibc

/// Unsaved text kept in `<dir>/recovery/` when the app was stopped mid-edit, to offer on the next start.
public struct RecoveryFile: Equatable, Sendable {
    public let name: String
    public let modified: Date
    /// Exactly what was written; its format is the app's business.
    public let data: Data

    public init(name: String, modified: Date, data: Data) {
        self.name = name
        self.modified = modified
        self.data = data
    }
}

enum Recovery {
    static let folderName = "recovery"
    /// Far above any draft a person could type.
    static let sizeLimit = 16 << 20

    /// One plain file name that cannot be mistaken for a temporary file: leaves room for the
    /// temporary prefix and suffix within the 255-byte limit on names.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 200 && !name.hasPrefix(".")
            && !name.contains("/") && !name.contains("\0")
    }
}

extension ClientStore {
    private var recoveryFolder: String { directory.path + "/" + Recovery.folderName }

    /// Keeps `data` as `recovery/<name>` (0600, in a 0700 folder), durably, replacing any draft of
    /// that name. Meant for shutdown on a signal, so it does only that. A read-only window writes
    /// nothing into the data folder and throws `.readOnly`. `name` must be a plain file name, not
    /// starting with a dot.
    public func writeRecovery(_ data: Data, name: String) throws(StoreError) {
        if let refusal = writeRefusal() { throw refusal.error("the unsaved text \"\(name)\"") }
        guard Recovery.isValidName(name) else {
            throw .cannotWriteRecovery(name: name, failure: WriteFailure(step: .createTemporaryFile, reason: SystemError(EINVAL)))
        }
        let folder = recoveryFolder
        do {
            // A new folder's entry in the data folder must reach the disk too, or the draft goes with it.
            if try Folders.ensure(folder) { try operations.syncDirectory(directory.path) }
        } catch {
            throw .cannotWriteRecovery(name: name, failure: WriteFailure(step: .createTemporaryFile, reason: error))
        }
        do {
            try operations.writeDurably(Array(data), to: name, in: folder)
        } catch {
            throw .cannotWriteRecovery(name: name, failure: error)
        }
    }

    /// Every kept draft, oldest first. Reading is allowed in a read-only window, but only the writer
    /// can remove a draft, so only the writer should offer them. Throws when a draft cannot be read,
    /// rather than silently offering fewer than there are.
    public func listRecoveries() throws(StoreError) -> [RecoveryFile] {
        let folder = recoveryFolder
        let names: [String]
        do {
            names = try operations.listDirectory(folder)
        } catch {
            if error.code == ENOENT { return [] }
            throw .cannotReadRecovery(path: folder, reason: error)
        }
        var files: [RecoveryFile] = []
        // Names the store would not write include its own temporary files.
        for name in names where Recovery.isValidName(name) {
            let path = folder + "/" + name
            do {
                let bytes = try operations.readFile(path, Recovery.sizeLimit)
                files.append(RecoveryFile(name: name, modified: try operations.modificationDate(path), data: Data(bytes)))
            } catch {
                switch error.code {
                // Removed since the listing; but a link to a missing draft is text that cannot be offered.
                case ENOENT where SystemFiles.danglingLinkTarget(path) == nil: continue
                case EISDIR, EINVAL: continue  // not a file, so not one the store wrote
                default: throw .cannotReadRecovery(path: path, reason: error)
                }
            }
        }
        return files.sorted { ($0.modified, $0.name) < ($1.modified, $1.name) }
    }

    /// Deletes `recovery/<name>` durably, once its text has been saved or discarded. A draft that is
    /// already gone is not an error.
    public func removeRecovery(name: String) throws(StoreError) {
        if let refusal = writeRefusal() { throw .cannotRemoveRecovery(name: name, reason: refusal.reason) }
        guard Recovery.isValidName(name) else {
            throw .cannotRemoveRecovery(name: name, reason: "not a name used for unsaved text")
        }
        let folder = recoveryFolder
        do {
            try operations.unlink(folder + "/" + name)
        } catch {
            if error.code == ENOENT { return }
            throw .cannotRemoveRecovery(name: name, reason: error.description)
        }
        do {
            try operations.syncDirectory(folder)
        } catch {
            throw .cannotRemoveRecovery(name: name, reason: "the disk did not confirm the removal (\(error))")
        }
    }
}
