import CaseloadKit
import Foundation
import Glibc

/// Why `writeGenerated` wrote nothing, or stopped part way.
public enum GeneratedCaseloadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The store may not write; `reason` follows "Could not …:" ("the caseload is read-only: …").
    case refused(reason: String)
    /// `clients/` already holds something, which generated clients must never mix with.
    case clientsFolderNotEmpty(path: String)
    case cannotReadClientsFolder(path: String, reason: SystemError)
    case cannotEncode(reference: String, reason: String)
    /// Writing one client's file failed; the `written` before it are in place.
    case cannotWrite(reference: String, written: Int, reason: SystemError)
    /// Every file was written but the disk did not confirm them.
    case notConfirmed(written: Int, reason: SystemError)

    public var description: String {
        switch self {
        case .refused(let reason):
            "Could not write generated clients: \(reason)."
        case .clientsFolderNotEmpty(let path):
            "Could not write generated clients: \(path) is not empty; choose a new or empty folder."
        case .cannotReadClientsFolder(let path, let reason):
            "Could not write generated clients: cannot read \(path): \(reason)."
        case .cannotEncode(let reference, let reason):
            "Could not write generated client \(reference): \(reason)."
        case .cannotWrite(let reference, let written, let reason):
            "Wrote \(written) generated clients, then could not write \(reference): \(reason)."
        case .notConfirmed(let written, let reason):
            "Wrote \(written) generated clients but the disk did not confirm them (\(reason))."
        }
    }
}

/// What `writeGenerated` wrote.
public struct GeneratedCaseloadWrite: Equatable, Sendable {
    /// The clients folder they went into.
    public var folder: String
    public var clients: Int
    /// The bytes of the files, not the disk space they take.
    public var bytes: Int
}

extension ClientStore {
    /// Writes `clients` into an empty `clients/` folder, taking them from the sequence as it makes
    /// them, a batch at a time: for trying Caseload at scale and for benchmarks. Each file holds
    /// the bytes `save` would write for a new client, named as `save` names it, mode 0600.
    ///
    /// A generated caseload is synthetic and made in one go, so it is written without what keeps
    /// real work safe: no fsync per file (each one costs a disk flush, minutes at 100,000 clients)
    /// and no audit lines (there is no history to keep). The file system is synced once at the end.
    /// Each file is created new (`O_EXCL`), so nothing already there can be overwritten. Cut short,
    /// the folder holds whole files and perhaps one partial one, and is best made again elsewhere.
    ///
    /// Refuses unless the store is read-write and `clients/` is empty.
    @discardableResult
    public func writeGenerated(_ clients: some Sequence<Client>) throws(GeneratedCaseloadError) -> GeneratedCaseloadWrite {
        if let refusal = writeRefusal() { throw .refused(reason: refusal.reason) }
        let folder = folder(of: Client.self)
        let existing: [String]
        do {
            existing = try operations.listDirectory(folder)
        } catch {
            throw .cannotReadClientsFolder(path: folder, reason: error)
        }
        guard existing.isEmpty else { throw .clientsFolderNotEmpty(path: folder) }

        var written = GeneratedCaseloadWrite(folder: folder, clients: 0, bytes: 0)
        func write(_ batch: EncodingBatch) throws(GeneratedCaseloadError) {
            for (client, encoded) in zip(batch.clients, batch.encoded()) {
                let bytes: [UInt8]
                switch encoded {
                case .success(let encoded): bytes = encoded
                case .failure(let error): throw .cannotEncode(reference: client.reference, reason: "\(error)")
                }
                do {
                    try writeNewFile(bytes, at: folder + "/" + RecordFileReader<Client>.fileName(for: client.id))
                } catch {
                    throw .cannotWrite(reference: client.reference, written: written.clients, reason: error)
                }
                written.clients += 1
                written.bytes += bytes.count
            }
        }
        // While one batch is encoded, the next is made and the one before written.
        var batch: [Client] = []
        var encoding: EncodingBatch?
        for client in clients {
            batch.append(client)
            guard batch.count == EncodingBatch.size else { continue }
            let next = EncodingBatch(batch)
            if let encoding { try write(encoding) }
            encoding = next
            batch = []
        }
        if let encoding { try write(encoding) }
        if !batch.isEmpty { try write(EncodingBatch(batch)) }
        do {
            try Self.syncFileSystem(holding: folder)
        } catch {
            throw .notConfirmed(written: written.clients, reason: error)
        }
        return written
    }

    /// Creates `path` with `bytes`, mode 0600, without fsync. A failed write leaves no file behind.
    private func writeNewFile(_ bytes: [UInt8], at path: String) throws(SystemError) {
        let fd = try operations.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        do {
            try operations.writeAll(bytes, to: fd)
        } catch {
            try? operations.close(fd)
            try? operations.unlink(path)
            throw error
        }
        do {
            try operations.close(fd)
        } catch {
            try? operations.unlink(path)
            throw error
        }
    }

    /// `syncfs(2)` on the file system holding `path`: every file just written reaches the disk in
    /// one call, and write-back errors are reported. Swift's Glibc module leaves out GNU extensions
    /// such as this one, so it is looked up by name.
    private static func syncFileSystem(holding path: String) throws(SystemError) {
        typealias SyncFileSystem = @convention(c) (Int32) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "syncfs") else { throw SystemError(ENOSYS) }
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .current }
        defer { _ = Glibc.close(fd) }
        guard unsafeBitCast(symbol, to: SyncFileSystem.self)(fd) == 0 else { throw .current }
    }
}

/// Clients being encoded as `save` encodes them, in the background on every core: encoding is most
/// of the work of writing a generated caseload.
private final class EncodingBatch: Sendable {
    /// Enough to keep every core busy, few enough to hold in memory.
    static let size = 256

    let clients: [Client]
    private let results: WorkerResults<Result<[UInt8], any Error>>
    private let done = DispatchGroup()

    init(_ clients: [Client]) {
        self.clients = clients
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, clients.count))
        results = WorkerResults(workers: workers)
        DispatchQueue.global().async(group: done) { [clients, results] in
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let encoded = stride(from: worker, to: clients.count, by: workers).map { index in
                    Result { try StoreJSON.encode(clients[index]) }
                }
                results.set(encoded, for: worker)
            }
        }
    }

    /// Each client's bytes, in order, once all are encoded.
    func encoded() -> [Result<[UInt8], any Error>] {
        done.wait()
        return results.interleaved(count: clients.count)
    }
}
