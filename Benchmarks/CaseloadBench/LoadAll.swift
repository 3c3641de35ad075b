import CaseloadStore
import Foundation

/// Every client file read and decoded into clients, as `caseload` does when it opens: rows from
/// the summary cache (written now when missing or stale), then every client in full. The side
/// compared with Python's `json.load` by scripts/peers.sh.
enum LoadAll {
    static func run(directory: URL) throws {
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("manifest.json").path) else {
            throw BenchFailure("no caseload at \(directory.path)")
        }
        let store = try ClientStore.open(directory: directory, now: Date())
        defer { store.close() }
        let load = store.loadSummaries()
        load.cacheUpdate?.write()
        let full = load.remainder.load()
        print("\(full.clients.count) clients, \(load.problems.count + full.problems.count) problems")
    }
}
