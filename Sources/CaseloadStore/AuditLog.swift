import Foundation
import Glibc

/// One save of one client, as recorded in `audit.jsonl`.
///
/// The log holds one JSON object per line, keys sorted. A client's line names it by `clientId`
/// and `reference`:
///
///     {"action":"updated","at":"2026-09-09T14:05:00Z","changes":[{"after":"Walks","before":"Lonely",
///      "path":"referral.reason"}],"clientId":"5F0C…","reference":"C-0042"}
///
/// A community asset's line names it by `assetId` and `name` instead, and is otherwise the same
/// (read with `ClientStore.auditEntries(forAsset:)`, as an `AssetAuditEntry`):
///
///     {"action":"updated","assetId":"9A1B…","at":"2026-09-09T14:05:00Z","changes":[{"after":"full",
///      "before":"accepting","path":"capacity"}],"name":"Walking for Health"}
///
/// Reading for clients skips asset lines and the other way round; a line that names neither (or
/// both) is counted as unreadable. Caseload versions from before assets count asset lines as
/// unreadable too, and lose nothing by it.
///
/// `changes` compares the two versions as the store writes them, leaving out `updatedAt`:
/// - objects field by field, the path joined with dots: `referral.reason`;
/// - lists whose items all carry a distinct text `"id"` item by item: `contacts[<id>].notes`;
///   an added item has only `after`, a removed one only `before`; if kept items change order,
///   `contacts[]` lists their ids before and after;
/// - any other list, and any other value, whole.
///
/// A new record (`created`) lists each top-level field with only `after`, so that its first
/// version reads field by field like every later change. A record a restore removed (its file moved
/// into `quarantine/`) is `updated` with each top-level field with only `before`: there is no
/// `removed` action, because earlier versions of Caseload would count such a line as damage.
/// The log is only ever appended to.
public struct AuditEntry: Equatable, Sendable {
    public enum Action: String, Codable, Sendable {
        case created, updated
    }

    /// `before` and `after` as compact JSON (`"Lonely"`, `true`, `{"id":"…"}`); nil when absent.
    public struct Change: Equatable, Sendable {
        public let path: String
        public let before: String?
        public let after: String?

        public init(path: String, before: String?, after: String?) {
            self.path = path
            self.before = before
            self.after = after
        }
    }

    public let at: Date
    public let clientId: UUID
    public let reference: String
    public let action: Action
    public let changes: [Change]

    public init(at: Date, clientId: UUID, reference: String, action: Action, changes: [Change]) {
        self.at = at
        self.clientId = clientId
        self.reference = reference
        self.action = action
        self.changes = changes
    }
}

/// One save of one community asset, as recorded in `audit.jsonl` (see `AuditEntry` for the format).
public struct AssetAuditEntry: Equatable, Sendable {
    public let at: Date
    public let assetId: UUID
    /// The asset's name as it was saved.
    public let name: String
    public let action: AuditEntry.Action
    public let changes: [AuditEntry.Change]

    public init(at: Date, assetId: UUID, name: String, action: AuditEntry.Action, changes: [AuditEntry.Change]) {
        self.at = at
        self.assetId = assetId
        self.name = name
        self.action = action
        self.changes = changes
    }
}

/// What the audit log holds for the clients (`AuditEntry`) or assets (`AssetAuditEntry`) asked
/// about, in the order it was written.
public struct AuditHistory<Entry: Equatable & Sendable>: Equatable, Sendable {
    public var entries: [Entry]
    /// Complete lines that could not be read, whoever they were about: damage worth reporting. An
    /// unfinished last line (an append cut short by a crash) is not counted; it never held a confirmed entry.
    public var unreadableLines: Int
    /// Appends cut short by a crash that the next append ended with a newline: not damage, since
    /// they never held a confirmed entry.
    public var interruptedLines: Int

    public init(entries: [Entry] = [], unreadableLines: Int = 0, interruptedLines: Int = 0) {
        self.entries = entries
        self.unreadableLines = unreadableLines
        self.interruptedLines = interruptedLines
    }
}

/// Whose save a line records.
enum AuditSubject: Equatable {
    case client(id: UUID, reference: String)
    case asset(id: UUID, name: String)
}

/// The line as stored. Property names are the JSON keys; the subject's pair that does not apply is
/// nil and so left out, which keeps client lines exactly as they were before assets.
struct AuditRecord: Codable {
    var action: AuditEntry.Action
    var at: Date
    var changes: [AuditChange]
    var clientId: UUID?
    var reference: String?
    var assetId: UUID?
    var name: String?

    init(subject: AuditSubject, action: AuditEntry.Action, at: Date, changes: [AuditChange]) {
        self.action = action
        self.at = at
        self.changes = changes
        switch subject {
        case .client(let id, let reference):
            clientId = id
            self.reference = reference
        case .asset(let id, let name):
            assetId = id
            self.name = name
        }
    }

    /// Nil when the line names no one, or two at once: not a line the store wrote.
    var subject: AuditSubject? {
        switch (clientId, reference, assetId, name) {
        case let (id?, reference?, nil, nil): .client(id: id, reference: reference)
        case let (nil, nil, id?, name?): .asset(id: id, name: name)
        default: nil
        }
    }

    /// The changes as compact JSON, as entries show them.
    var entryChanges: [AuditEntry.Change] {
        changes.map { AuditEntry.Change(path: $0.path, before: $0.before?.compactText, after: $0.after?.compactText) }
    }
}

/// `<dir>/audit.jsonl`: appended to after each save, never rewritten or truncated.
enum AuditLog {
    static let fileName = "audit.jsonl"
    /// Only a guard against exhausting memory: years of saves come to tens of megabytes.
    static let readLimit = 1 << 30
    static let newline = UInt8(ascii: "\n")

    /// The line recording a save of `subject`, `encoded` being the bytes about to be written for it.
    static func line<Record: Encodable>(
        for subject: AuditSubject, encoded: [UInt8], previous: Record?, at now: Date
    ) throws -> [UInt8] {
        let current = try JSONDecoder().decode(JSONValue.self, from: Data(encoded))
        let before: JSONValue? = if let previous { try JSONValue.of(previous) } else { nil }
        let record = AuditRecord(
            subject: subject, action: before == nil ? .created : .updated, at: now,
            changes: AuditDiff.changes(from: before, to: current))
        return Array(try StoreJSON.compactEncoder().encode(record)) + [newline]
    }

    /// The line recording that a restore removed `previous`, the record `subject` names: every
    /// top-level field goes, as `changes` for a new record has each arrive.
    static func removalLine<Record: Encodable>(
        for subject: AuditSubject, previous: Record, at now: Date
    ) throws -> [UInt8] {
        let record = AuditRecord(
            subject: subject, action: .updated, at: now,
            changes: AuditDiff.changes(from: try JSONValue.of(previous), to: .object([:])))
        return Array(try StoreJSON.compactEncoder().encode(record)) + [newline]
    }

    /// Appends `lines` (one or more, each ending in a newline) durably: one `O_APPEND` write of them
    /// all, fsync, close, and fsync of the folder when this created the file or `syncFolder` asks (an
    /// earlier append may have created the file and failed before confirming it). Only ever called
    /// by the holder of the lock.
    static func append(
        _ lines: [UInt8], in directory: String, syncFolder: Bool, operations: FileOperations
    ) throws(SystemError) {
        let path = directory + "/" + fileName
        var bytes = lines
        let creating: Bool
        do {
            // A crash mid-append can leave a line without its newline; end it so this entry stays whole.
            let tail = try operations.readTail(path, 1)
            if let last = tail.last, last != newline { bytes.insert(newline, at: 0) }
            creating = false
        } catch {
            guard error.code == ENOENT else { throw error }
            creating = true
        }
        let fd = try operations.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        do {
            try operations.writeAll(bytes, to: fd)
            try operations.fsync(fd)
        } catch {
            try? operations.close(fd)
            throw error
        }
        try operations.close(fd)
        if creating || syncFolder { try operations.syncDirectory(directory) }
    }

    /// The entries `entry` makes of the lines it is asked about, returning nil for the others.
    /// A missing log is an empty one.
    static func read<Entry>(
        in directory: String, operations: FileOperations, entry: (AuditRecord, AuditSubject) -> Entry?
    ) throws(StoreError) -> AuditHistory<Entry> {
        let path = directory + "/" + fileName
        let bytes: [UInt8]
        do {
            bytes = try operations.readFile(path, readLimit)
        } catch {
            // A link to a missing log is not "nothing saved yet": the history is somewhere else.
            if error.code == ENOENT, SystemFiles.danglingLinkTarget(path) == nil { return AuditHistory() }
            throw .cannotReadAudit(path: path, reason: error)
        }
        let decoder = StoreJSON.decoder()
        var history = AuditHistory<Entry>()
        for line in completeLines(of: bytes) {
            guard let (record, subject) = record(in: line.text, decoder: decoder) else {
                if isInterrupted(line.text) {
                    history.interruptedLines += 1
                } else {
                    history.unreadableLines += 1
                }
                continue
            }
            if let entry = entry(record, subject) { history.entries.append(entry) }
        }
        return history
    }

    /// The log's complete lines that are not empty, numbered from 1. Whatever follows the last
    /// newline is empty, or an append cut short: never a whole entry.
    static func completeLines(of bytes: [UInt8]) -> [(number: Int, text: ArraySlice<UInt8>)] {
        var lines = bytes.split(separator: newline, omittingEmptySubsequences: false)
        lines.removeLast()
        return lines.enumerated().filter { !$0.element.isEmpty }.map { ($0.offset + 1, $0.element) }
    }

    /// A line that is the start of an entry and nothing else: what an append cut short by a crash
    /// leaves, before the next append ends it with a newline.
    static func isInterrupted(_ line: ArraySlice<UInt8>) -> Bool {
        line.first == UInt8(ascii: "{") && JSONShape.scan(Array(line), nestingLimit: 512).unfinished
    }

    /// The entry a line holds, and whom it is about; nil for a line the store did not write.
    static func record(
        in line: ArraySlice<UInt8>, decoder: JSONDecoder
    ) -> (record: AuditRecord, subject: AuditSubject)? {
        guard let record = try? decoder.decode(AuditRecord.self, from: Data(line)),
              let subject = record.subject else { return nil }
        return (record, subject)
    }

    /// The entries for the client with `id`, or for every client when nil.
    static func clientEntries(
        in directory: String, for id: UUID?, operations: FileOperations
    ) throws(StoreError) -> AuditHistory<AuditEntry> {
        try read(in: directory, operations: operations) { record, subject in
            guard case .client(let clientId, let reference) = subject, id == nil || id == clientId else { return nil }
            return AuditEntry(
                at: record.at, clientId: clientId, reference: reference, action: record.action,
                changes: record.entryChanges)
        }
    }

    /// The entries for the asset with `id`, or for every asset when nil.
    static func assetEntries(
        in directory: String, for id: UUID?, operations: FileOperations
    ) throws(StoreError) -> AuditHistory<AssetAuditEntry> {
        try read(in: directory, operations: operations) { record, subject in
            guard case .asset(let assetId, let name) = subject, id == nil || id == assetId else { return nil }
            return AssetAuditEntry(
                at: record.at, assetId: assetId, name: name, action: record.action, changes: record.entryChanges)
        }
    }
}
