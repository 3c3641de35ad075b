import CaseloadStore
import Foundation

/// Every client file read and decoded into clients, as `caseload` does after the first frame and
/// `caseload report` does before it prints: the side compared with Python's `json.load`.
enum LoadAll {
    static func run(directory: URL) throws {
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("manifest.json").path) else {
            throw BenchFailure("no caseload at \(directory.path)")
        }
        let store = try ClientStore.open(directory: directory, now: Date())
        defer { store.close() }
        let load = store.loadClients()
        print("\(load.clients.count) clients, \(load.problems.count) problems")
    }
}
