import ArgumentParser
import CaseloadKit
import CaseloadStore
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write a demo caseload of about 60 synthetic clients into a folder.",
        discussion: "The folder must be new or empty of clients, so real data is never mixed with or overwritten by the demo."
    )

    @Option(name: .long, help: ArgumentHelp("The folder to write the demo caseload into.", valueName: "path"))
    var dir: String

    func run() throws {
        let clock = try Clock(environment: ProcessInfo.processInfo.environment)
        let directory = URL(fileURLWithPath: dir)
        let count = try DemoCommand.writeDemo(in: directory, clock: clock)
        print("Wrote a demo caseload of \(count) synthetic clients to \(directory.path)")
        print("Open it with: caseload --data-dir \(directory.path)")
    }

    /// Next to the real caseload, never inside it: `$XDG_DATA_HOME/caseload-demo` or `~/.local/share/caseload-demo`.
    static func demoDirectory(environment: [String: String]) throws -> URL {
        var stripped = environment
        stripped["CASELOAD_DIR"] = nil
        let real = try DataDirectory.resolve(flag: nil, environment: stripped)
        return real.deletingLastPathComponent().appendingPathComponent("caseload-demo")
    }

    static func writeDemoIfMissing(in directory: URL, clock: Clock) throws {
        let manifest = directory.appendingPathComponent("manifest.json").path
        guard !FileManager.default.fileExists(atPath: manifest) else { return }
        try writeDemo(in: directory, clock: clock)
    }

    @discardableResult
    static func writeDemo(in directory: URL, clock: Clock) throws -> Int {
        let now = clock.now()
        let store = try ClientStore.open(directory: directory, now: now)
        defer { store.close() }
        if case .readOnly(let reason) = store.access {
            throw CommandFailure("cannot write the demo to \(directory.path): \(reason)")
        }
        let existing = store.loadClients()
        guard existing.clients.isEmpty && existing.problems.isEmpty else {
            throw CommandFailure("\(directory.path) already holds a caseload; choose a new or empty folder for the demo")
        }
        let today = CalendarDate(now)
        // The directory first, so that every connection the clients carry points at a saved asset.
        try store.saveAssets(DemoDirectory.make(today: today, now: now).map { AssetChange(asset: $0, previous: nil) }, at: now)
        try store.saveSettings(DemoCaseload.worker)
        let clients = DemoCaseload.make(today: today, now: now, timeZone: .current)
        for client in clients { try store.save(client, previous: nil, at: now) }
        return clients.count
    }
}

/// A failure the person can act on: printed as one line, no stack trace, exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
