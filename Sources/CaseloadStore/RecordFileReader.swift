import Foundation
import Glibc

/// A kind of record the store keeps one to a file, named `<uuid lowercased>.json`, in a folder of
/// its own: clients and assets. What the shared reading and saving need to know about each.
protocol StoredRecord: Codable, Identifiable where ID == UUID {
    /// Files with a higher `schemaVersion` are reported as written by a newer Caseload.
    static var currentSchemaVersion: Int { get }
    /// "client", as in "the earlier version given is of another client".
    static var kindName: String { get }
    /// The record as save errors name it: `C-0042`.
    var saveLabel: String { get }
    var auditSubject: AuditSubject { get }
    /// The folder in the data folder: `clients`.
    static var folderName: String { get }
    /// One file in words, for problems: "a client file".
    static var fileDescription: String { get }
    /// The record in words, for problems: `client C-0042`.
    var problemLabel: String { get }
    /// What a problem with the file should keep out of use (a client's reference), if anything.
    var reservedReference: String? { get }
    /// The same for a file that does not decode, made out of its bytes as far as possible.
    static func reservedReference(in bytes: [UInt8]) -> String?
}

/// Reads every file in a record folder. Each file is decoded on its own, so one failure affects one
/// file, and nothing is ever changed: a file that cannot be used is only reported.
struct RecordFileReader<Record: StoredRecord> {
    /// Far above any real record; stops a stray huge file from eating memory.
    static var sizeLimit: Int { 16 << 20 }
    static var folderName: String { Record.folderName }

    let directory: String
    let operations: FileOperations

    func load() -> (records: [Record], problems: [FileProblem]) {
        let folder = directory + "/" + Self.folderName
        let names: [String]
        do {
            names = try operations.listDirectory(folder)
        } catch {
            if error.code == ENOENT { return ([], []) }
            let reason = error.code == ENOTDIR ? "a file where the \(Self.folderName) folder should be"
                : "cannot be read: \(error)"
            return ([], [FileProblem(fileName: Self.folderName, reason: reason)])
        }

        let decoder = StoreJSON.decoder()
        var decoded: [(fileName: String, record: Record)] = []
        var problems: [FileProblem] = []
        // Dot-files include our own temporary files; anything not .json is not ours to judge.
        for name in names.sorted() where !name.hasPrefix(".") && name.hasSuffix(".json") {
            let relative = Self.folderName + "/" + name
            switch read(folder + "/" + name, decoder: decoder) {
            case .record(let record): decoded.append((relative, record))
            case .problem(let reason, let reference):
                problems.append(FileProblem(fileName: relative, reason: reason, reference: reference))
            case .vanished: break
            }
        }

        // The file named after its id wins; any other file with that id (a copy, say) is a problem,
        // and so is a misnamed file, because saving it would create a second file for the same record.
        let properlyNamed = Dictionary(
            decoded.filter { $0.fileName == Self.relativePath(for: $0.record.id) }.map { ($0.record.id, $0.fileName) },
            uniquingKeysWith: { first, _ in first })
        var records: [Record] = []
        var firstFile: [UUID: String] = [:]
        for (fileName, record) in decoded {
            let expected = Self.relativePath(for: record.id)
            if fileName == expected {
                records.append(record)
            } else if let other = properlyNamed[record.id] ?? firstFile[record.id] {
                problems.append(FileProblem(
                    fileName: fileName,
                    reason: "holds \(record.problemLabel) with the same id as \(other); only \(other) was loaded",
                    reference: record.reservedReference))
            } else {
                firstFile[record.id] = fileName
                problems.append(FileProblem(
                    fileName: fileName,
                    reason: "holds \(record.problemLabel) whose id does not match the file name; "
                        + "rename it to \(expected)",
                    reference: record.reservedReference))
            }
        }
        problems.sort { $0.fileName < $1.fileName }
        return (records, problems)
    }

    /// `<folder>/<uuid lowercased>.json`, relative to the data folder.
    static func relativePath(for id: UUID) -> String {
        folderName + "/" + fileName(for: id)
    }

    static func fileName(for id: UUID) -> String { id.uuidString.lowercased() + ".json" }

    static func reference(in bytes: [UInt8]) -> String? { Record.reservedReference(in: bytes) }

    private enum Outcome {
        case record(Record)
        case problem(String, reference: String?)
        /// Deleted between listing and reading: not a problem with the data.
        case vanished
    }

    private func read(_ path: String, decoder: JSONDecoder) -> Outcome {
        let bytes: [UInt8]
        do {
            bytes = try operations.readFile(path, Self.sizeLimit)
        } catch {
            let file = Record.fileDescription
            switch error.code {
            case ENOENT: return .vanished
            case EISDIR: return .problem("a folder where \(file) should be", reference: nil)
            case EINVAL: return .problem("not a regular file", reference: nil)
            case EFBIG: return .problem("too large to be \(file) (over \(Self.sizeLimit >> 20) MB)", reference: nil)
            default: return .problem("cannot be read: \(error)", reference: nil)
            }
        }
        // The version first, so that a newer file is reported as newer and not as a type error.
        switch SchemaProbe.check(bytes, decoder: decoder, current: Record.currentSchemaVersion) {
        case .newer(let found)?:
            return .problem(
                "written by a newer version of Caseload (schema \(found))", reference: Self.reference(in: bytes))
        case .invalid(let reason)?: return .problem(reason, reference: Self.reference(in: bytes))
        case .supported?, nil: break
        }
        do {
            return .record(try decoder.decode(Record.self, from: Data(bytes)))
        } catch {
            return .problem(DecodingProblem.reason(for: error, in: bytes), reference: Self.reference(in: bytes))
        }
    }
}
