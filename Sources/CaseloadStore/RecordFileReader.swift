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

    /// What one reading of the folder found. `unknownFields` are those of the loaded records that
    /// have any, by id, for saving to put back.
    struct Load {
        var records: [Record] = []
        var problems: [FileProblem] = []
        var unknownFields: [UUID: UnknownFields] = [:]
    }

    func load() -> Load {
        let folder = directory + "/" + Self.folderName
        let names: [String]
        do {
            names = try operations.listDirectory(folder)
        } catch {
            if error.code == ENOENT { return Load() }
            let reason = error.code == ENOTDIR ? "a file where the \(Self.folderName) folder should be"
                : "cannot be read: \(error)"
            return Load(problems: [FileProblem(fileName: Self.folderName, reason: reason)])
        }

        let decoder = StoreJSON.decoder()
        var decoded: [(fileName: String, record: Record, unknownFields: UnknownFields?)] = []
        var problems: [FileProblem] = []
        // Dot-files include our own temporary files; anything not .json is not ours to judge.
        for name in names.sorted() where !name.hasPrefix(".") && name.hasSuffix(".json") {
            let relative = Self.folderName + "/" + name
            switch read(folder + "/" + name, decoder: decoder) {
            case .record(let record, let unknownFields): decoded.append((relative, record, unknownFields))
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
        var load = Load()
        var firstFile: [UUID: String] = [:]
        for (fileName, record, unknownFields) in decoded {
            let expected = Self.relativePath(for: record.id)
            if fileName == expected {
                load.records.append(record)
                load.unknownFields[record.id] = unknownFields
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
        load.problems = problems.sorted { $0.fileName < $1.fileName }
        return load
    }

    /// `<folder>/<uuid lowercased>.json`, relative to the data folder.
    static func relativePath(for id: UUID) -> String {
        folderName + "/" + fileName(for: id)
    }

    static func fileName(for id: UUID) -> String { id.uuidString.lowercased() + ".json" }

    static func reference(in bytes: [UInt8]) -> String? { Record.reservedReference(in: bytes) }

    private enum Outcome {
        case record(Record, unknownFields: UnknownFields?)
        case problem(String, reference: String?)
        /// Deleted between listing and reading: not a problem with the data.
        case vanished
    }

    private func read(_ path: String, decoder: JSONDecoder) -> Outcome {
        let bytes: [UInt8]
        do {
            bytes = try operations.readFile(path, Self.sizeLimit)
        } catch {
            guard let reason = ReadProblem.reason(
                for: error, at: path, file: Record.fileDescription, limit: Self.sizeLimit) else { return .vanished }
            return .problem(reason, reference: nil)
        }
        if let problem = DecodingProblem.encodingProblem(in: bytes) {
            return .problem(problem, reference: Self.reference(in: bytes))
        }
        // The version first, so that a newer file is reported as newer and not as a type error.
        switch SchemaProbe.check(bytes, decoder: decoder, current: Record.currentSchemaVersion) {
        case .newer(let found)?:
            return .problem(
                "written by a newer version of Caseload (schema \(found))", reference: Self.reference(in: bytes))
        case .invalid(let reason)?: return .problem(reason, reference: Self.reference(in: bytes))
        case .supported?, nil: break
        }
        let record: Record
        do {
            record = try decoder.decode(Record.self, from: Data(bytes))
        } catch {
            return .problem(DecodingProblem.reason(for: error, in: bytes), reference: Self.reference(in: bytes))
        }
        do {
            return .record(record, unknownFields: try UnknownFields.of(record, in: bytes))
        } catch UnknownFields.Unkeepable.fieldsInListWithoutIDs(let path) {
            // Loading it would let the next save drop what it cannot carry; a newer Caseload reads it.
            return .problem(
                "holds fields from a newer Caseload inside \(path) that this version could not keep when saving, "
                    + "so it was not loaded", reference: record.reservedReference)
        } catch {
            // The same: a number it would change, or one it cannot hold at all.
            return .problem(
                "holds a value this version of Caseload could not keep when saving (such as a number too large "
                    + "for it), so it was not loaded", reference: record.reservedReference)
        }
    }
}
