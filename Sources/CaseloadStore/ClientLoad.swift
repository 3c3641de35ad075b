import CaseloadKit
import Foundation

/// The result of reading every client file: the clients that could be read, and a problem for each
/// file that could not. A bad file never stops the others from loading and is never changed.
public struct ClientLoad: Equatable, Sendable {
    /// In file-name order; sorting for display is the caller's business.
    public var clients: [Client]
    public var problems: [FileProblem]

    public init(clients: [Client] = [], problems: [FileProblem] = []) {
        self.clients = clients
        self.problems = problems
    }
}

/// A client or asset file that could not be used, and why, in words.
public struct FileProblem: Equatable, Sendable, CustomStringConvertible {
    /// Relative to the data folder, such as `clients/5f0c….json`.
    public let fileName: String
    /// Such as "field `referral.date`: expected a date as YYYY-MM-DD".
    public let reason: String
    /// The client reference the file seems to hold, when one can be made out. Callers keep it out of
    /// use, so a damaged client's number is never handed to somebody else. Nil for asset files:
    /// assets have no reference to keep.
    public let reference: String?

    public init(fileName: String, reason: String, reference: String? = nil) {
        self.fileName = fileName
        self.reason = reason
        self.reference = reference
    }

    public var description: String { "\(fileName): \(reason)" }
}

/// Reads `clients/*.json`.
typealias ClientFileReader = RecordFileReader<Client>

extension Client: StoredRecord {
    static let folderName = "clients"
    static let kindName = "client"
    static let fileDescription = "a client file"
    var saveLabel: String { reference.isEmpty ? "client \(id.uuidString.lowercased())" : reference }
    var auditSubject: AuditSubject { .client(id: id, reference: reference) }
    var problemLabel: String { "client \(reference)" }
    /// Kept out of use even when the file cannot be loaded, so a damaged client's number is never reissued.
    var reservedReference: String? { reference }

    /// The `"reference": "C-0042"` of a file that does not decode, found by pattern rather than by parsing.
    static func reservedReference(in bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes.prefix(1 << 20), as: UTF8.self)
        guard let match = text.firstMatch(of: #/"reference"\s*:\s*"([^"\\]{1,40})"/#) else { return nil }
        return String(match.output.1)
    }
}
