import CaseloadKit
import Foundation

/// `<dir>/settings.json`: the link worker's name, role, organisation and contact details, used in
/// every export. Small, so it is read and written whole.
enum SettingsFile {
    static let fileName = "settings.json"
    static let sizeLimit = 1 << 20

    /// The settings in `directory`, or empty ones when none have been saved yet. A damaged file (or
    /// one from a newer Caseload) throws `.unreadableSettings` and is left as it is.
    static func read(in directory: String, operations: FileOperations) throws(StoreError) -> WorkerSettings {
        let path = directory + "/" + fileName
        let bytes: [UInt8]
        do {
            bytes = try operations.readFile(path, sizeLimit)
        } catch {
            guard let reason = ReadProblem.reason(for: error, at: path, file: "the settings file", limit: sizeLimit)
            else { return WorkerSettings() }
            throw .unreadableSettings(path: path, reason: reason)
        }
        if let problem = DecodingProblem.encodingProblem(in: bytes) {
            throw .unreadableSettings(path: path, reason: problem)
        }
        do {
            return try StoreJSON.decoder().decode(WorkerSettings.self, from: Data(bytes))
        } catch {
            throw .unreadableSettings(path: path, reason: DecodingProblem.reason(for: error, in: bytes))
        }
    }
}

extension ClientStore {
    /// The saved settings, or empty ones when none have been saved yet. A damaged file (or one from
    /// a newer Caseload) throws `.unreadableSettings` and is left as it is.
    public func loadSettings() throws(StoreError) -> WorkerSettings {
        try SettingsFile.read(in: directory.path, operations: operations)
    }

    /// Replaces the settings durably (0600). Only the window holding the lock may.
    public func saveSettings(_ settings: WorkerSettings) throws(StoreError) {
        let subject = "your settings"
        if let refusal = writeRefusal() { throw refusal.error(subject) }
        let bytes: [UInt8]
        do {
            bytes = try StoreJSON.encode(settings)
        } catch {
            throw .cannotEncode(reference: subject, reason: "\(error)")
        }
        do {
            try operations.writeDurably(bytes, to: SettingsFile.fileName, in: directory.path)
        } catch {
            throw .saveFailed(reference: subject, failure: error)
        }
    }
}
