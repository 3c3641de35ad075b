import ArgumentParser
import CaseloadKit
import CaseloadStore
import Foundation
import Glibc

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write a demo caseload of about 60 synthetic clients into a folder, or with --clients as many as you need.",
        discussion: """
            The folder must be new or empty of clients, so real data is never mixed with or overwritten by the demo.

            With --clients N the folder gets N synthetic clients instead (1 to 1,000,000), for trying Caseload at scale \
            and for benchmarks: every client has a full history (contacts with long notes, a plan, follow-ups, \
            measures, connections to the demo's community assets), and the same --seed gives the same caseload. \
            Being made up, these files are written without the fsync per file and the audit trail that protect real work.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The folder to write the demo caseload into.", valueName: "path"))
    var dir: String

    @Option(name: .long, help: ArgumentHelp(
        "Write this many synthetic clients (1 to 1,000,000) instead of the 60-client demo: for trying Caseload at scale and for benchmarks.",
        valueName: "N"))
    var clients: Int?

    @Option(name: .long, help: ArgumentHelp(
        "With --clients: what the clients are made from; the same seed gives the same caseload. (default: 1)", valueName: "S"))
    var seed: UInt64?

    func validate() throws {
        if let clients, !(1...SyntheticCaseload.maximumCount).contains(clients) {
            throw ValidationError("--clients must be from 1 to 1,000,000, not \(clients)")
        }
        if seed != nil && clients == nil { throw ValidationError("--seed goes with --clients") }
    }

    func run() throws {
        let clock = try Clock(environment: ProcessInfo.processInfo.environment)
        let directory = URL(fileURLWithPath: dir)
        if let clients {
            let started = ContinuousClock.now
            let written = try DemoCommand.writeSynthetic(clients, seed: seed ?? 1, in: directory, clock: clock)
            let seconds = (ContinuousClock.now - started) / .seconds(1)
            let onDisk = BackupCommand.size(Self.diskUsage(of: written.folder))
            print("Wrote \(Self.grouped(written.clients)) synthetic clients (\(onDisk) on disk) to \(directory.path) "
                  + "in \(String(format: "%.1f", seconds)) s")
        } else {
            let count = try DemoCommand.writeDemo(in: directory, clock: clock)
            print("Wrote a demo caseload of \(count) synthetic clients to \(directory.path)")
        }
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
        let (store, _) = try openForDemo(directory, now: now)
        defer { store.close() }
        let clients = DemoCaseload.make(today: CalendarDate(now), now: now, timeZone: .current)
        for client in clients { try store.save(client, previous: nil, at: now) }
        return clients.count
    }

    /// `count` clients of `SyntheticCaseload`, made and written one at a time.
    static func writeSynthetic(_ count: Int, seed: UInt64, in directory: URL, clock: Clock) throws -> GeneratedCaseloadWrite {
        let now = clock.now()
        let (store, assets) = try openForDemo(directory, now: now)
        defer { store.close() }
        let caseload = SyntheticCaseload(seed: seed, today: CalendarDate(now), now: now, assets: assets, timeZone: .current)
        return try store.writeGenerated(caseload.clients(count: count))
    }

    /// Opens `directory` for a demo, refusing one that already holds a caseload, and writes the demo's
    /// link worker and community assets (first, so that every connection the clients carry points at
    /// a saved asset).
    private static func openForDemo(_ directory: URL, now: Date) throws -> (ClientStore, [Asset]) {
        let store = try ClientStore.open(directory: directory, now: now)
        do {
            if case .readOnly(let reason) = store.access {
                throw CommandFailure("cannot write the demo to \(directory.path): \(reason)")
            }
            let existing = store.loadClients()
            guard existing.clients.isEmpty && existing.problems.isEmpty else {
                throw CommandFailure("\(directory.path) already holds a caseload; choose a new or empty folder for the demo")
            }
            let assets = DemoDirectory.make(today: CalendarDate(now), now: now)
            try store.saveAssets(assets.map { AssetChange(asset: $0, previous: nil) }, at: now)
            try store.saveSettings(DemoCaseload.worker)
            return (store, assets)
        } catch {
            store.close()
            throw error
        }
    }

    /// The disk space the files in `folder` take, as `du` counts it.
    private static func diskUsage(of folder: String) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return ([folder] + names.map { folder + "/" + $0 }).reduce(0) { total, path in
            var info = stat()
            return total + (lstat(path, &info) == 0 ? Int(info.st_blocks) * 512 : 0)
        }
    }

    /// `100,000`.
    private static func grouped(_ number: Int) -> String {
        let digits = String(number)
        return digits.enumerated().map { index, digit in
            index > 0 && (digits.count - index) % 3 == 0 ? ",\(digit)" : String(digit)
        }.joined()
    }
}

/// A failure the person can act on: printed as one line, no stack trace, exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
