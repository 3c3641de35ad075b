import CaseloadKit
import Foundation
import Glibc

/// The caseload on disk: one JSON file per client under `clients/`, one per community asset under
/// `assets/`, a `manifest.json`, and a `.lock` held by the one window allowed to write.
///
///     <dir>/manifest.json           {"application":"caseload","schemaVersion":1,"createdAt":...}
///     <dir>/clients/<uuid>.json     one client, pretty-printed with sorted keys
///     <dir>/assets/<uuid>.json      one community asset, likewise (see AssetStore.swift)
///     <dir>/audit.jsonl             one line per save of a client or asset: what changed, before and
///                                   after (append only)
///     <dir>/recovery/<name>         unsaved text kept when the app was stopped mid-edit
///     <dir>/.lock                   flock'd by the writer, which writes its pid in it
///
/// Folders are 0700 and files 0600. Not `Sendable`: one owner (the app shell) opens, saves and closes.
public final class ClientStore {
    public let directory: URL
    /// Read-write only while this store holds the lock; fixed at open.
    public let access: StoreAccess
    let operations: FileOperations
    private var lock: DirectoryLock?
    /// Whether an append in this session has made the audit log's folder entry durable.
    private var auditFolderSynced = false
    /// Fields from a newer Caseload in the records last loaded, by folder (`clients`) and id, which
    /// saving puts back (see `UnknownFields`).
    private var unknownFields: [String: [UUID: UnknownFields]] = [:]

    private init(directory: URL, access: StoreAccess, operations: FileOperations, lock: DirectoryLock?) {
        self.directory = directory
        self.access = access
        self.operations = operations
        self.lock = lock
    }

    deinit { close() }

    /// Opens the caseload in `directory`, creating the folder (0700) and the manifest when missing.
    /// Opens read-only, rather than failing, when another window holds the lock, the folder is not
    /// writable, or a newer Caseload wrote it. Throws when the folder cannot be created or the
    /// manifest is damaged (which is left untouched). `now` stamps a new manifest.
    public static func open(
        directory: URL, fileOperations operations: FileOperations = .system, now: Date
    ) throws(StoreError) -> ClientStore {
        let directory = directory.standardizedFileURL
        let path = directory.path
        do {
            try Folders.ensure(path)
        } catch {
            throw .cannotCreateDirectory(path: path, reason: error)
        }

        var access = StoreAccess.readWrite
        var lock: DirectoryLock?
        switch DirectoryLock.acquire(in: path, operations: operations) {
        case .locked(let acquired): lock = acquired
        case .readOnly(let reason): access = .readOnly(reason)
        }

        do {
            switch try Manifest.read(in: path, operations: operations) {
            case .missing where lock != nil:
                try Manifest.create(in: path, now: now, operations: operations)
            case .found(let version) where version > Manifest.currentSchemaVersion:
                // Let go of the lock: the newer Caseload that owns this folder may want it.
                lock?.release(operations: operations)
                lock = nil
                access = .readOnly(.newerSchema(found: version))
            case .missing, .found:
                break
            }
            if lock != nil { try prepareFolders(in: path, operations: operations) }
        } catch {
            lock?.release(operations: operations)
            throw error
        }
        return ClientStore(directory: directory, access: access, operations: operations, lock: lock)
    }

    /// Reads every client file. Files that cannot be used are reported in `problems`, never changed.
    public func loadClients() -> ClientLoad {
        let load = loadRecords(Client.self)
        return ClientLoad(clients: load.records, problems: load.problems)
    }

    /// Reads every file of one kind, keeping the unknown fields of each record for its next save.
    func loadRecords<Record: StoredRecord>(_: Record.Type) -> RecordFileReader<Record>.Load {
        let load = RecordFileReader<Record>(directory: directory.path, operations: operations).load()
        unknownFields[Record.folderName] = load.unknownFields
        return load
    }

    /// Writes `client` to its own file durably, then appends what changed since `previous` (nil for a
    /// new client) to the audit log, stamped `now`. Afterwards the file holds the new version in full;
    /// on any failure before the final rename it still holds the previous one, byte for byte, and the
    /// log is untouched. When only the audit entry fails, throws `.auditNotWritten`: the client is saved.
    public func save(_ client: Client, previous: Client?, at now: Date) throws(StoreError) {
        try saveRecord(client, previous: previous, at: now)
    }

    /// `save` for any record kept one to a file: clients and assets.
    func saveRecord<Record: StoredRecord>(_ record: Record, previous: Record?, at now: Date) throws(StoreError) {
        let label = record.saveLabel
        if let refusal = writeRefusal() { throw refusal.error(label) }
        let encoded = try encode(record, previous: previous, at: now)
        let fileName = RecordFileReader<Record>.fileName(for: record.id)
        do {
            try operations.writeDurably(encoded.file, to: fileName, in: folder(of: Record.self))
        } catch {
            // Past the rename the new version is in place, so the log records it even though the save
            // reports the unconfirmed disk; that error is the one the person needs to see.
            if error.replacedTarget {
                keepUnknownFields(encoded.unknownFields, of: record)
                try? appendToAudit(encoded.auditLine)
            }
            throw .saveFailed(reference: label, failure: error)
        }
        keepUnknownFields(encoded.unknownFields, of: record)
        do {
            try appendToAudit(encoded.auditLine)
        } catch {
            throw .auditNotWritten(reference: label, reason: error)
        }
    }

    /// The file's bytes and the audit line for saving `record` over `previous`: everything is encoded
    /// before anything is written, so that a failure here changes nothing. The file keeps the unknown
    /// fields the record was loaded with that still have a place in it, returned as `unknownFields`
    /// for `keepUnknownFields` once written; the audit line leaves them out, as this save did not
    /// change them.
    func encode<Record: StoredRecord>(
        _ record: Record, previous: Record?, at now: Date
    ) throws(StoreError) -> (file: [UInt8], auditLine: [UInt8], unknownFields: UnknownFields?) {
        if let previous, previous.id != record.id {
            throw .cannotEncode(
                reference: record.saveLabel,
                reason: "the earlier version given for the audit log is of another \(Record.kindName)")
        }
        do {
            let bytes = try StoreJSON.encode(record)
            let auditLine = try AuditLog.line(for: record.auditSubject, encoded: bytes, previous: previous, at: now)
            guard let unknown = unknownFields[Record.folderName]?[record.id] else { return (bytes, auditLine, nil) }
            let merged = try unknown.merged(into: bytes)
            return (merged.bytes, auditLine, merged.kept)
        } catch {
            throw .cannotEncode(reference: record.saveLabel, reason: "\(error)")
        }
    }

    /// Remembers the unknown fields of records read in the background (see `adopt`).
    func keepUnknownFields(_ found: [UUID: UnknownFields], in folder: String) {
        unknownFields[folder, default: [:]].merge(found) { _, new in new }
    }

    /// Remembers what `record`'s file now holds of its unknown fields.
    func keepUnknownFields<Record: StoredRecord>(_ unknown: UnknownFields?, of record: Record) {
        unknownFields[Record.folderName, default: [:]][record.id] = unknown
    }

    /// The absolute path of the folder holding `Record`'s files.
    func folder<Record: StoredRecord>(of _: Record.Type) -> String {
        directory.path + "/" + Record.folderName
    }

    /// Appends one or more whole lines in one write.
    func appendToAudit(_ lines: [UInt8]) throws(SystemError) {
        try AuditLog.append(lines, in: directory.path, syncFolder: !auditFolderSynced, operations: operations)
        auditFolderSynced = true
    }

    /// Every audit entry for the client with `id` (for all clients when nil), oldest first. Reading
    /// is allowed in a read-only window. A missing log means nothing has been saved yet.
    public func auditEntries(for id: UUID?) throws(StoreError) -> AuditHistory<AuditEntry> {
        try AuditLog.clientEntries(in: directory.path, for: id, operations: operations)
    }

    /// Why this window may not write now, if it may not.
    enum WriteRefusal {
        case readOnly(ReadOnlyReason)
        case closed

        /// The refusal of a change to `subject`, as a save reports it.
        func error(_ subject: String) -> StoreError {
            switch self {
            case .readOnly(let reason): .readOnly(reference: subject, reason: reason)
            case .closed: .closed(reference: subject)
            }
        }

        /// As words to follow "Could not … :".
        var reason: String {
            switch self {
            case .readOnly(let reason): "the caseload is \(reason)"
            case .closed: "the caseload has been closed"
            }
        }
    }

    func writeRefusal() -> WriteRefusal? {
        if case .readOnly(let reason) = access { return .readOnly(reason) }
        return lock == nil ? .closed : nil
    }

    /// Releases the lock; later saves throw. Safe to call more than once.
    public func close() {
        lock?.release(operations: operations)
        lock = nil
    }

    /// Where a client's file lives, relative to the data folder: `clients/<uuid lowercased>.json`.
    public static func relativePath(for id: UUID) -> String {
        ClientFileReader.relativePath(for: id)
    }

    /// Creates `clients/` and `assets/` and removes temporary files left by a crash mid-save. Safe
    /// only while holding the lock, when no other save can be in progress.
    private static func prepareFolders(in path: String, operations: FileOperations) throws(StoreError) {
        let recordFolders = [Client.folderName, Asset.folderName].map { path + "/" + $0 }
        for folder in recordFolders {
            do {
                try Folders.ensure(folder)
            } catch {
                throw .cannotCreateDirectory(path: folder, reason: error)
            }
        }
        for folder in [path, path + "/" + Recovery.folderName, path + "/" + SummaryCache.folderName] + recordFolders {
            for name in (try? operations.listDirectory(folder)) ?? [] where TemporaryFile.isTemporary(name) {
                try? operations.unlink(folder + "/" + name)
            }
        }
    }
}

/// Creating folders with mode 0700 whatever the umask.
enum Folders {
    /// Like `mkdir -p`, but every folder it creates (not those already there) gets exactly 0700.
    /// True when `path` itself was created, so that the caller can make that durable.
    @discardableResult
    static func ensure(_ path: String) throws(SystemError) -> Bool {
        if mkdir(path, 0o700) == 0 {
            _ = chmod(path, 0o700)
            return true
        }
        let error = SystemError.current
        switch error.code {
        case EEXIST:
            var info = stat()
            guard stat(path, &info) == 0 else { throw .current }
            guard info.st_mode & S_IFMT == S_IFDIR else { throw SystemError(ENOTDIR) }
            return false
        case ENOENT:
            let parent = (path as NSString).deletingLastPathComponent
            guard !parent.isEmpty, parent != path else { throw error }
            try ensure(parent)
            guard mkdir(path, 0o700) == 0 else {
                if errno == EEXIST { return false }
                throw .current
            }
            _ = chmod(path, 0o700)
            return true
        default:
            throw error
        }
    }
}
