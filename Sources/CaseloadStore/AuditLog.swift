import CaseloadKit
import Foundation
import Glibc

/// One save of one client, as recorded in `audit.jsonl`.
///
/// The log holds one JSON object per line, keys sorted:
///
///     {"action":"updated","at":"2026-09-09T14:05:00Z","changes":[{"after":"Walks","before":"Lonely",
///      "path":"referral.reason"}],"clientId":"5F0C…","reference":"C-0042"}
///
/// `changes` compares the two versions as the store writes them, leaving out `updatedAt`:
/// - objects field by field, the path joined with dots: `referral.reason`;
/// - lists whose items all carry a distinct text `"id"` item by item: `contacts[<id>].notes`;
///   an added item has only `after`, a removed one only `before`; if kept items change order,
///   `contacts[]` lists their ids before and after;
/// - any other list, and any other value, whole.
///
/// A new client (`created`) lists each top-level field with only `after`, so that its first
/// version reads field by field like every later change. The log is only ever appended to.
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

/// What the audit log holds for the clients asked about, in the order it was written.
public struct AuditHistory: Equatable, Sendable {
    public var entries: [AuditEntry]
    /// Complete lines that could not be read, for any client: damage worth reporting. An unfinished
    /// last line (an append cut short by a crash) is not counted; it never held a confirmed entry.
    public var unreadableLines: Int

    public init(entries: [AuditEntry] = [], unreadableLines: Int = 0) {
        self.entries = entries
        self.unreadableLines = unreadableLines
    }
}

/// The line as stored. Property names are the JSON keys.
struct AuditRecord: Codable {
    var action: AuditEntry.Action
    var at: Date
    var changes: [AuditChange]
    var clientId: UUID
    var reference: String
}

/// `<dir>/audit.jsonl`: appended to after each save, never rewritten or truncated.
enum AuditLog {
    static let fileName = "audit.jsonl"
    /// Only a guard against exhausting memory: years of saves come to tens of megabytes.
    static let readLimit = 1 << 30
    private static let newline = UInt8(ascii: "\n")

    /// The line recording a save, `encoded` being the bytes about to be written for `client`.
    static func line(for client: Client, encoded: [UInt8], previous: Client?, at now: Date) throws -> [UInt8] {
        let current = try JSONDecoder().decode(JSONValue.self, from: Data(encoded))
        let record = AuditRecord(
            action: previous == nil ? .created : .updated, at: now,
            changes: AuditDiff.changes(from: try previous.map(JSONValue.of), to: current),
            clientId: client.id, reference: client.reference)
        return Array(try StoreJSON.compactEncoder().encode(record)) + [newline]
    }

    /// Appends `line` durably: `O_APPEND` write of the whole line, fsync, close, and fsync of the
    /// folder when this created the file or `syncFolder` asks (an earlier append may have created the
    /// file and failed before confirming it). Only ever called by the holder of the lock.
    static func append(
        _ line: [UInt8], in directory: String, syncFolder: Bool, operations: FileOperations
    ) throws(SystemError) {
        let path = directory + "/" + fileName
        var bytes = line
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

    /// The entries for `clientId`, or for everyone when nil. A missing log is an empty one.
    static func read(
        in directory: String, for clientId: UUID?, operations: FileOperations
    ) throws(StoreError) -> AuditHistory {
        let path = directory + "/" + fileName
        let bytes: [UInt8]
        do {
            bytes = try operations.readFile(path, readLimit)
        } catch {
            if error.code == ENOENT { return AuditHistory() }
            throw .cannotReadAudit(path: path, reason: error)
        }
        var lines = bytes.split(separator: newline, omittingEmptySubsequences: false)
        // Whatever follows the last newline is empty, or an append cut short: never a whole entry.
        lines.removeLast()
        let decoder = StoreJSON.decoder()
        var history = AuditHistory()
        for line in lines where !line.isEmpty {
            guard let record = try? decoder.decode(AuditRecord.self, from: Data(line)) else {
                history.unreadableLines += 1
                continue
            }
            if clientId == nil || record.clientId == clientId { history.entries.append(AuditEntry(record)) }
        }
        return history
    }
}

extension AuditEntry {
    init(_ record: AuditRecord) {
        self.init(
            at: record.at, clientId: record.clientId, reference: record.reference, action: record.action,
            changes: record.changes.map {
                Change(path: $0.path, before: $0.before?.compactText, after: $0.after?.compactText)
            })
    }
}
