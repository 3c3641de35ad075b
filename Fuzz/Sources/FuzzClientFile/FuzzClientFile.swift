import CaseloadStore
import Foundation

/// Every input is stored as this client's file, so the reader finds exactly one file each time.
private let clientID = UUID(uuidString: "5F0C2D3E-8B7A-4C1D-9E2F-0123456789AB")!

/// One data folder for the whole run (under $TMPDIR; scripts/fuzz.sh points that into Fuzz/.work),
/// removed when libFuzzer exits normally.
private let dataFolder = FileManager.default.temporaryDirectory
    .appendingPathComponent("caseload-fuzz-\(getpid())", isDirectory: true)

/// Opened once, as the app does: the lock and the folders stay, only the client file changes.
/// `ClientStore` is not Sendable, but libFuzzer calls the entry point from one thread only.
nonisolated(unsafe) private let store: ClientStore = {
    do {
        let store = try ClientStore.open(directory: dataFolder, now: Date(timeIntervalSince1970: 1_788_962_700))
        atexit { try? FileManager.default.removeItem(at: dataFolder) }
        return store
    } catch {
        fatalError("cannot open a data folder in \(dataFolder.path): \(error)")
    }
}()

/// Reads the input as a client file through `ClientStore.loadClients`, the path the app takes at
/// start. Whatever the bytes, the load must finish with either that client or one problem that
/// says why the file cannot be used; anything else (a crash, a hang, a second outcome) is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // Through the store, so that the folder exists before the first write.
    let clientFile = store.directory.appendingPathComponent(ClientStore.relativePath(for: clientID))
    let bytes = Data(bytes: data, count: size)
    do {
        try bytes.write(to: clientFile)
    } catch {
        fatalError("cannot write \(clientFile.path): \(error)")
    }
    let load = store.loadClients()
    switch (load.clients.count, load.problems.count) {
    case (1, 0):
        precondition(load.clients[0].id == clientID, "a client was loaded from a file named for another id")
    case (0, 1):
        precondition(!load.problems[0].reason.isEmpty, "a problem without a reason")
    case let (clients, problems):
        fatalError("one file gave \(clients) clients and \(problems) problems: \(load.problems)")
    }
    return 0
}
