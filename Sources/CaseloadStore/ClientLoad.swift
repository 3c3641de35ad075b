import CaseloadKit
import Foundation
import Glibc

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

/// A file in the data folder that could not be used, and why, in words.
public struct FileProblem: Equatable, Sendable, CustomStringConvertible {
    /// Relative to the data folder, such as `clients/5f0c….json`.
    public let fileName: String
    /// Such as "field `referral.date`: expected a date as YYYY-MM-DD".
    public let reason: String
    /// The client reference the file seems to hold, when one can be made out. Callers keep it out of
    /// use, so a damaged client's number is never handed to somebody else.
    public let reference: String?

    public init(fileName: String, reason: String, reference: String? = nil) {
        self.fileName = fileName
        self.reason = reason
        self.reference = reference
    }

    public var description: String { "\(fileName): \(reason)" }
}

/// Reads `clients/*.json`. Each file is decoded on its own, so one failure affects one file.
struct ClientFileReader {
    static let folderName = "clients"
    /// Far above any real client record; stops a stray huge file from eating memory.
    static let sizeLimit = 16 << 20

    let directory: String
    let operations: FileOperations

    func load() -> ClientLoad {
        let folder = directory + "/" + Self.folderName
        let names: [String]
        do {
            names = try operations.listDirectory(folder)
        } catch {
            if error.code == ENOENT { return ClientLoad() }
            let reason = error.code == ENOTDIR ? "a file where the clients folder should be"
                : "cannot be read: \(error)"
            return ClientLoad(problems: [FileProblem(fileName: Self.folderName, reason: reason)])
        }

        let decoder = StoreJSON.decoder()
        var decoded: [(fileName: String, client: Client)] = []
        var problems: [FileProblem] = []
        // Dot-files include our own temporary files; anything not .json is not ours to judge.
        for name in names.sorted() where !name.hasPrefix(".") && name.hasSuffix(".json") {
            let relative = Self.folderName + "/" + name
            switch read(folder + "/" + name, decoder: decoder) {
            case .client(let client): decoded.append((relative, client))
            case .problem(let reason, let reference):
                problems.append(FileProblem(fileName: relative, reason: reason, reference: reference))
            case .vanished: break
            }
        }

        // The file named after its id wins; any other file with that id (a copy, say) is a problem,
        // and so is a misnamed file, because saving it would create a second file for the same person.
        let properlyNamed = Dictionary(
            decoded.filter { $0.fileName == Self.relativePath(for: $0.client.id) }.map { ($0.client.id, $0.fileName) },
            uniquingKeysWith: { first, _ in first })
        var clients: [Client] = []
        var firstFile: [UUID: String] = [:]
        for (fileName, client) in decoded {
            let expected = Self.relativePath(for: client.id)
            if fileName == expected {
                clients.append(client)
            } else if let other = properlyNamed[client.id] ?? firstFile[client.id] {
                problems.append(FileProblem(
                    fileName: fileName,
                    reason: "holds client \(client.reference) with the same id as \(other); only \(other) was loaded",
                    reference: client.reference))
            } else {
                firstFile[client.id] = fileName
                problems.append(FileProblem(
                    fileName: fileName,
                    reason: "holds client \(client.reference) whose id does not match the file name; "
                        + "rename it to \(expected)",
                    reference: client.reference))
            }
        }
        problems.sort { $0.fileName < $1.fileName }
        return ClientLoad(clients: clients, problems: problems)
    }

    static func relativePath(for id: UUID) -> String {
        folderName + "/" + id.uuidString.lowercased() + ".json"
    }

    private enum Outcome {
        case client(Client)
        case problem(String, reference: String?)
        /// Deleted between listing and reading: not a problem with the data.
        case vanished
    }

    private func read(_ path: String, decoder: JSONDecoder) -> Outcome {
        let bytes: [UInt8]
        do {
            bytes = try operations.readFile(path, Self.sizeLimit)
        } catch {
            switch error.code {
            case ENOENT: return .vanished
            case EISDIR: return .problem("a folder where a client file should be", reference: nil)
            case EINVAL: return .problem("not a regular file", reference: nil)
            case EFBIG: return .problem("too large to be a client file (over \(Self.sizeLimit >> 20) MB)", reference: nil)
            default: return .problem("cannot be read: \(error)", reference: nil)
            }
        }
        // The version first, so that a newer file is reported as newer and not as a type error.
        switch SchemaProbe.check(bytes, decoder: decoder, current: Client.currentSchemaVersion) {
        case .newer(let found)?:
            return .problem("written by a newer version of Caseload (schema \(found))", reference: Self.reference(in: bytes))
        case .invalid(let reason)?: return .problem(reason, reference: Self.reference(in: bytes))
        case .supported?, nil: break
        }
        do {
            return .client(try decoder.decode(Client.self, from: Data(bytes)))
        } catch {
            return .problem(DecodingProblem.reason(for: error, in: bytes), reference: Self.reference(in: bytes))
        }
    }

    /// The `"reference": "C-0042"` of a file that does not decode, found by pattern rather than by parsing.
    static func reference(in bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes.prefix(1 << 20), as: UTF8.self)
        guard let match = text.firstMatch(of: #/"reference"\s*:\s*"([^"\\]{1,40})"/#) else { return nil }
        return String(match.output.1)
    }
}
