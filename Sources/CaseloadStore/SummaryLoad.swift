import CaseloadKit
import Foundation
import Glibc

/// The first, quick reading of the clients: a list row for each, from the summary cache where a
/// file is unchanged since it was cached, and from the file itself where not. Problem files are
/// always read, so they are all reported now, as `loadClients` would report them.
public struct SummaryLoad: Sendable {
    public var summaries: [ClientSummary]
    public var problems: [FileProblem]
    /// How many rows came from the cache, and how many files had to be decoded.
    public var cachedCount: Int
    public var decodedCount: Int
    /// The rest of the reading, to run off the main thread.
    public var remainder: PendingClients
    /// The cache rebuilt from what was read, when the one on disk is out of date and this window
    /// may write: `write` it off the main thread, or straight away where nothing is waiting.
    public var cacheUpdate: SummaryCacheUpdate?
}

/// A summary cache to write. Best effort: a cache that cannot be written only means the next start
/// reads more files.
public struct SummaryCacheUpdate: Sendable {
    let directory: String
    let operations: FileOperations
    let cache: SummaryCache

    public func write() {
        let folder = directory + "/" + SummaryCache.folderName
        do {
            try Folders.ensure(folder)
            try operations.writeDurably(cache.encoded(), to: SummaryCache.fileName, in: folder)
        } catch {
            return
        }
    }
}

/// Decodes the client files the cache stood in for. `Sendable` and free of the store, so that it
/// runs on a background thread while the list is in use.
public struct PendingClients: Sendable {
    let reader: RecordFileReader<Client>
    /// Files whose rows came from the cache, in the clients folder.
    let files: [String]
    /// For each of `files` the cache found free of unknown fields, the identity it had then.
    let knownWhole: [FileIdentity?]
    /// Clients decoded already, because the cache had no good row for them.
    let decoded: [Client]
    let decodedUnknownFields: [UUID: UnknownFields]
    public func load() -> FullClientLoad {
        let (records, problems) = reader.read(files, knownWhole: knownWhole)
        var full = FullClientLoad(clients: decoded, problems: problems, unknownFields: decodedUnknownFields)
        for file in records {
            guard file.fileName == RecordFileReader<Client>.relativePath(for: file.record.id) else {
                // Rewritten since it was listed, with another id: it was not loaded, and the next
                // start says whether it is a copy or misnamed.
                full.problems.append(FileProblem(
                    fileName: file.fileName, reason: "changed while Caseload was opening and now holds "
                        + "\(file.record.problemLabel), whose id does not match the file name; it was not loaded",
                    reference: file.record.reference))
                continue
            }
            full.clients.append(file.record)
            full.unknownFields[file.record.id] = file.unknownFields
        }
        full.summaries = full.clients.map(\.summary)
        return full
    }

}

/// Every client decoded in full, once the background reading is done.
public struct FullClientLoad: Sendable {
    public var clients: [Client]
    /// Each client's summary, in the order of `clients`.
    public var summaries: [ClientSummary] = []
    /// Files that turned out unreadable only now, having changed since they were listed.
    public var problems: [FileProblem]
    var unknownFields: [UUID: UnknownFields]
}

extension ClientStore {
    /// Reads a row for every client file quickly: see `SummaryLoad`. Saving waits for `adopt`,
    /// which hands over what the full reading found.
    public func loadSummaries() -> SummaryLoad {
        let reader = RecordFileReader<Client>(directory: directory.path, operations: operations)
        let folder = directory.path + "/" + Client.folderName
        var load = SummaryLoad(
            summaries: [], problems: [], cachedCount: 0, decodedCount: 0,
            remainder: PendingClients(reader: reader, files: [], knownWhole: [], decoded: [], decodedUnknownFields: [:]))
        let (names, listingProblem) = reader.listRecordFiles()
        if let listingProblem {
            load.problems = [listingProblem]
            return load
        }

        let cache = (try? operations.readFile(directory.path + "/" + SummaryCache.relativePath, 1 << 30))
            .flatMap(SummaryCache.decode)
        let identities = Self.identities(of: names, in: folder, operations: operations)
        var cached: [ClientSummary] = []
        var cachedNames: [String] = []
        var knownWhole: [FileIdentity?] = []
        var misses: [String] = []
        // The listing and the cache are both in name order: one pass matches them.
        let rows = cache?.rows ?? []
        var next = rows.startIndex
        var matched: [SummaryCache.Entry?] = []
        matched.reserveCapacity(names.count)
        for (name, identity) in zip(names, identities) {
            while next < rows.endIndex && rows[next].name < name { next += 1 }
            let entry = next < rows.endIndex && rows[next].name == name ? rows[next].entry : nil
            matched.append(entry)
            // A cached row's file is named after its id: the cache takes the id from the name.
            if let identity, let entry, entry.identity == identity {
                cached.append(entry.summary)
                cachedNames.append(name)
                knownWhole.append(entry.hasUnknownFields ? nil : identity)
            } else {
                misses.append(name)
            }
        }

        let (decoded, problems) = reader.read(misses)
        // Cached rows are named after their ids, so only decoded files can be copies or misnamed;
        // the cached rows are brought in only when a decoded file needs checking against them.
        let decodedFiles = decoded.map {
            RecordFileReader<Client>.LoadedFile(fileName: $0.fileName, id: $0.record.id, problemLabel: $0.record.problemLabel,
                                                reservedReference: $0.record.reservedReference)
        }
        let allProperlyNamed = decodedFiles.allSatisfy { $0.fileName == RecordFileReader<Client>.relativePath(for: $0.id) }
        let cachedFiles = allProperlyNamed ? [] : cached.map {
            RecordFileReader<Client>.LoadedFile(fileName: RecordFileReader<Client>.relativePath(for: $0.id), id: $0.id,
                                                problemLabel: "client \($0.reference)", reservedReference: $0.reference)
        }
        let resolution = RecordFileReader<Client>.resolve(cachedFiles + decodedFiles)
        let keptDecoded = resolution.kept.filter { $0 >= cachedFiles.count }.map { decoded[$0 - cachedFiles.count] }
        load.summaries = cached + keptDecoded.map(\.record.summary)
        load.problems = (problems + resolution.problems).sorted { $0.fileName < $1.fileName }
        load.cachedCount = cached.count
        load.decodedCount = misses.count
        let unknownFields = Dictionary(keptDecoded.compactMap { file in file.unknownFields.map { (file.record.id, $0) } },
                                       uniquingKeysWith: { first, _ in first })
        keepUnknownFields(unknownFields, in: Client.folderName)
        load.remainder = PendingClients(reader: reader, files: cachedNames, knownWhole: knownWhole,
                                        decoded: keptDecoded.map(\.record),
                                        decodedUnknownFields: unknownFields)
        let isStale = cache == nil || !keptDecoded.isEmpty || rows.count != cached.count
        if isStale && !access.isReadOnly {
            let decodedRows = Dictionary(
                keptDecoded.map { (RecordFileReader<Client>.fileName(for: $0.record.id), $0) },
                uniquingKeysWith: { first, _ in first })
            var update = SummaryCache()
            for (index, name) in names.enumerated() {
                guard let identity = identities[index] else { continue }
                if let file = decodedRows[name] {
                    update.rows.append(SummaryCache.Row(name: name, entry: SummaryCache.Entry(
                        identity: identity, summary: file.record.summary, hasUnknownFields: file.unknownFields != nil)))
                } else if let entry = matched[index], entry.identity == identity {
                    update.rows.append(SummaryCache.Row(name: name, entry: entry))
                }
            }
            load.cacheUpdate = SummaryCacheUpdate(directory: directory.path, operations: operations, cache: update)
        }
        return load
    }

    /// Takes in what the full reading found, so that saves keep each client's unknown fields.
    public func adopt(_ full: FullClientLoad) {
        keepUnknownFields(full.unknownFields, in: Client.folderName)
    }

    /// `stat` of each file, spread over every core; nil where it fails (the file is read instead,
    /// and reading says what is wrong).
    private static func identities(of names: [String], in folder: String, operations: FileOperations) -> [FileIdentity?] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, names.count / 1024))
        let results = WorkerResults<FileIdentity?>(workers: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var found: [FileIdentity?] = []
            for index in stride(from: worker, to: names.count, by: workers) {
                found.append(try? operations.identity(folder + "/" + names[index]))
            }
            results.set(found, for: worker)
        }
        return results.interleaved(count: names.count)
    }
}
