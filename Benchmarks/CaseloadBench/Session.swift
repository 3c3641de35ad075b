import CaseloadApp
import CaseloadKit
import CaseloadStore
import Foundation
import Glibc
import TerminalUI

/// One opening of a caseload as `caseload` does it, minus the terminal: the store, the rows, the
/// assets and settings, the first frame drawn into a buffer, then every client read in full.
/// Run in a child process, so that "open to first frame" includes starting the process.
enum Session {
    static let screen = Size(width: 100, height: 30)

    /// Prints `frame`, then `loaded`, each with milliseconds since `main` began, then what `measure`
    /// finds, then the peak resident set.
    enum Stage { case firstFrame, loaded, keysTimed }

    static func run(directory: URL, started: UInt64, until last: Stage) throws {
        let now = Date()
        report("startMain", milliseconds(since: started))
        let store = try ClientStore.open(directory: directory, now: now)
        defer { store.close() }
        let load = store.loadSummaries()
        report("startRows", milliseconds(since: started))
        let assets = store.loadAssets()
        let settings = (try? store.loadSettings()) ?? WorkerSettings()
        report("startAssets", milliseconds(since: started))
        var state = AppState(summaries: load.summaries, assets: assets.assets, now: now, size: screen,
                             dataFolder: directory.path, settings: settings)
        report("startState", milliseconds(since: started))
        let frame = state.render().buffer.text
        guard frame.contains("\(load.summaries.count) client") else {
            throw BenchFailure("the first frame does not show the caseload:\n\(frame)")
        }
        report("frame", milliseconds(since: started))
        report("cached", Double(load.cachedCount))
        if last == .firstFrame { return }

        load.cacheUpdate?.write()
        let full = load.remainder.load()
        store.adopt(full)
        _ = state.update(.clientsLoaded(LoadedClients(clients: full.clients, summaries: full.summaries)))
        report("loaded", milliseconds(since: started))
        report("rssLoaded", residentMegabytes())

        if last == .keysTimed {
            KeyTimings.measure(&state)
            SaveTimings.measure(state, store: store)
        }
        report("peakRSS", peakResidentMegabytes())
    }

    static func report(_ name: String, _ value: Double) {
        print("\(name) \(value)")
        fflush(nil)
    }

    static func report(_ name: String, _ values: [Double]) {
        print("\(name) " + values.map { String($0) }.joined(separator: " "))
        fflush(nil)
    }

    static func milliseconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    /// The resident set now, from /proc.
    static func residentMegabytes() -> Double {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    static func peakResidentMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
