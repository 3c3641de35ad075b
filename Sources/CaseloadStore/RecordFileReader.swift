import Foundation
import Glibc

/// A kind of record the store keeps one to a file, named `<uuid lowercased>.json`, in a folder of
/// its own: clients and assets. What the shared reading and saving need to know about each.
protocol StoredRecord: Codable, Identifiable, Sendable where ID == UUID {
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
        let (files, listingProblem) = listRecordFiles()
        if let listingProblem { return Load(problems: [listingProblem]) }
        let (decoded, problems) = read(files)
        let resolution = Self.resolve(decoded.map {
            LoadedFile(fileName: $0.fileName, id: $0.record.id, problemLabel: $0.record.problemLabel,
                       reservedReference: $0.record.reservedReference)
        })
        var load = Load()
        for index in resolution.kept {
            load.records.append(decoded[index].record)
            load.unknownFields[decoded[index].record.id] = decoded[index].unknownFields
        }
        load.problems = (problems + resolution.problems).sorted { $0.fileName < $1.fileName }
        return load
    }

    /// A record as read from its file, named relative to the data folder (`clients/….json`).
    struct ReadRecord: Sendable {
        var fileName: String
        var record: Record
        var unknownFields: UnknownFields?
    }

    /// Reads and decodes `names` (see `decode`), the records apart from the files that could not be
    /// used; files deleted since the listing are neither.
    func read(_ names: [String], knownWhole: [FileIdentity?] = []) -> (records: [ReadRecord], problems: [FileProblem]) {
        var records: [ReadRecord] = []
        var problems: [FileProblem] = []
        for (name, outcome) in zip(names, decode(names, knownWhole: knownWhole)) {
            let relative = Self.folderName + "/" + name
            switch outcome {
            case .record(let record, let unknownFields):
                records.append(ReadRecord(fileName: relative, record: record, unknownFields: unknownFields))
            case .problem(let reason, let reference):
                problems.append(FileProblem(fileName: relative, reason: reason, reference: reference))
            case .vanished: break
            }
        }
        return (records, problems)
    }

    /// The record files' names, sorted, or why the folder cannot be listed. No folder is no files.
    func listRecordFiles() -> (names: [String], problem: FileProblem?) {
        do {
            // Dot-files include our own temporary files; anything not .json is not ours to judge.
            let names = try operations.listDirectory(directory + "/" + Self.folderName)
            return (names.filter { !$0.hasPrefix(".") && $0.hasSuffix(".json") }.sorted(), nil)
        } catch {
            if error.code == ENOENT { return ([], nil) }
            let reason = error.code == ENOTDIR ? "a file where the \(Self.folderName) folder should be"
                : "cannot be read: \(error)"
            return ([], FileProblem(fileName: Self.folderName, reason: reason))
        }
    }

    /// A file that held a record, as far as telling copies and misnamed files apart needs.
    struct LoadedFile {
        var fileName: String
        var id: UUID
        var problemLabel: String
        var reservedReference: String?
    }

    /// Which of `files` to load. The file named after its id wins; any other file with that id (a
    /// copy, say) is a problem, and so is a misnamed file, because saving it would create a second
    /// file for the same record.
    static func resolve(_ files: [LoadedFile]) -> (kept: [Int], problems: [FileProblem]) {
        let properlyNamed = Dictionary(
            files.filter { $0.fileName == relativePath(for: $0.id) }.map { ($0.id, $0.fileName) },
            uniquingKeysWith: { first, _ in first })
        var kept: [Int] = []
        var problems: [FileProblem] = []
        var firstFile: [UUID: String] = [:]
        for (index, file) in files.enumerated() {
            let expected = relativePath(for: file.id)
            if file.fileName == expected {
                kept.append(index)
            } else if let other = properlyNamed[file.id] ?? firstFile[file.id] {
                problems.append(FileProblem(
                    fileName: file.fileName,
                    reason: "holds \(file.problemLabel) with the same id as \(other); only \(other) was loaded",
                    reference: file.reservedReference))
            } else {
                firstFile[file.id] = file.fileName
                problems.append(FileProblem(
                    fileName: file.fileName,
                    reason: "holds \(file.problemLabel) whose id does not match the file name; rename it to \(expected)",
                    reference: file.reservedReference))
            }
        }
        return (kept, problems)
    }

    /// Reads and decodes each of `names` (in the record folder), spread over every core: decoding
    /// is most of the cost of opening a large caseload. Outcomes come back in the order of `names`.
    /// `knownWhole` (one for each name, when given) holds, for a file found free of unknown fields
    /// by this build (see `SummaryCache`), the identity it had then: while the file still has it
    /// when read, that check, which encodes the record again, is skipped.
    func decode(_ names: [String], knownWhole: [FileIdentity?] = []) -> [Outcome] {
        let folder = directory + "/" + Self.folderName
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, names.count / 64))
        let results = WorkerResults<Outcome>(workers: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let decoder = StoreJSON.decoder()
            var outcomes: [Outcome] = []
            outcomes.reserveCapacity(names.count / workers + 1)
            for index in stride(from: worker, to: names.count, by: workers) {
                outcomes.append(read(folder + "/" + names[index], decoder: decoder,
                                     knownWholeAs: index < knownWhole.count ? knownWhole[index] : nil))
            }
            results.set(outcomes, for: worker)
        }
        return results.interleaved(count: names.count)
    }

    /// `<folder>/<uuid lowercased>.json`, relative to the data folder.
    static func relativePath(for id: UUID) -> String {
        folderName + "/" + fileName(for: id)
    }

    static func fileName(for id: UUID) -> String { UUIDText.lowercased(id) + ".json" }

    static func reference(in bytes: [UInt8]) -> String? { Record.reservedReference(in: bytes) }

    enum Outcome: Sendable {
        case record(Record, unknownFields: UnknownFields?)
        case problem(String, reference: String?)
        /// Deleted between listing and reading: not a problem with the data.
        case vanished
    }

    private func read(_ path: String, decoder: JSONDecoder, knownWholeAs identity: FileIdentity?) -> Outcome {
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
        // Looked at after reading, so a file replaced since it was vouched for is always checked.
        if let identity, (try? operations.identity(path)) == identity { return .record(record, unknownFields: nil) }
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
