import CaseloadKit
import CaseloadStore
import Foundation
import Glibc

/// Starts `caseload-crash-worker` on one caseload again and again, kills it with SIGKILL at a
/// random moment, and after every kill checks what is on disk against what the worker said.
///
/// A killed process's writes stay in the kernel's cache, so this proves that saves are atomic and
/// ordered (old or new file in full, the audit entry after the file), not that they reach the disk
/// itself: the fsyncs are covered by the fault-injection tests of each step.
struct CrashHarness {
    struct Figures: CustomStringConvertible {
        var kills = 0
        /// Kills that landed between a save's start and its acknowledgement.
        var killsMidSave = 0
        /// Kills before the worker had opened and loaded the caseload.
        var killsDuringStart = 0
        var acknowledgedSaves = 0
        /// Temporary files found after a kill (tidied by the next open), and the most after one kill.
        var temporaryFilesLeft = 0
        var inFlightSavesThatLanded = 0
        /// Audit appends cut short by a kill, each ended by the next append.
        var interruptedAuditLines = 0

        var description: String {
            "\(kills) kills (\(killsMidSave) mid-save, \(killsDuringStart) during start-up), "
                + "\(acknowledgedSaves) acknowledged saves all present, "
                + "\(inFlightSavesThatLanded) unacknowledged saves that landed whole, "
                + "\(temporaryFilesLeft) temporary files left by kills and tidied, "
                + "\(interruptedAuditLines) audit appends cut short"
        }
    }

    let directory: URL
    let worker: URL
    var random: SplitMix64

    /// The newest save acknowledged for each record (client or asset), and every save begun.
    private var acknowledged: [UUID: UInt64] = [:]
    private var begun: [UUID: Set<UInt64>] = [:]
    /// Acknowledged saves per record, which the audit log must hold at least as many entries for.
    private var acknowledgedCount: [UUID: Int] = [:]
    private var nextCounter: UInt64 = 1
    private(set) var figures = Figures()

    init(directory: URL, worker: URL, seed: UInt64) {
        self.directory = directory
        self.worker = worker
        random = SplitMix64(seed: seed)
    }

    /// Writes the demo caseload that every later run saves over.
    func prepare() throws {
        let process = Process()
        process.executableURL = worker
        process.arguments = [directory.path, "prepare"]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CrashHarnessError("the worker could not prepare the caseload") }
    }

    /// One start, kill and check. Throws a description of the first thing found wrong. One kill in
    /// five comes at any moment of start-up; the others wait until the worker is saving, then up to
    /// `maximumDelay` microseconds more.
    mutating func killOnce(maximumDelay: useconds_t) throws {
        let process = Process()
        process.executableURL = worker
        process.arguments = [directory.path, String(random.next()), String(nextCounter)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var received = Data()
        if random.next() % 5 != 0 {
            while !received.contains(Array("ready\n".utf8)) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                received.append(chunk)
            }
        }
        usleep(useconds_t(random.next() % UInt64(maximumDelay)))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        received.append(output.fileHandleForReading.readDataToEndOfFile())
        var lines = String(decoding: received, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        // What follows the last newline is empty, or a line the kill cut short: never a whole report.
        lines.removeLast()
        guard process.terminationReason == .uncaughtSignal else {
            throw CrashHarnessError("the worker exited by itself (status \(process.terminationStatus)) before the kill")
        }
        figures.kills += 1
        try record(lines)
        try checkDisk()
    }

    private mutating func record(_ lines: [Substring]) throws {
        if !lines.contains("ready") { figures.killsDuringStart += 1 }
        var lastWasBegin = false
        for line in lines {
            let words = line.split(separator: " ")
            guard words.count == 4, let counter = UInt64(words[3]) else {
                lastWasBegin = false
                continue
            }
            let ids = try words[2].split(separator: ",").map { text in
                guard let id = UUID(uuidString: String(text)) else { throw CrashHarnessError("bad id in \(line)") }
                return id
            }
            nextCounter = max(nextCounter, counter + 1)
            for id in ids {
                if words[0] == "begin" {
                    begun[id, default: []].insert(counter)
                } else {
                    acknowledged[id] = counter
                    acknowledgedCount[id, default: 0] += 1
                    figures.acknowledgedSaves += 1
                }
            }
            lastWasBegin = words[0] == "begin"
        }
        if lastWasBegin { figures.killsMidSave += 1 }
    }

    private mutating func checkDisk() throws {
        for folder in ["", "/clients", "/assets"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path + folder)) ?? []
            figures.temporaryFilesLeft += names.filter { $0.hasPrefix(".") && $0.hasSuffix(".tmp") }.count
        }
        // Opening tidies the temporary files; loading must then find every file whole.
        let store = try openAfterKill()
        defer { store.close() }
        let clients = store.loadClients()
        let assets = store.loadAssets()
        if let problem = (clients.problems + assets.problems).first {
            throw CrashHarnessError("after kill \(figures.kills): \(problem)")
        }
        guard clients.clients.count == 60 else {
            throw CrashHarnessError("after kill \(figures.kills): \(clients.clients.count) clients, not 60")
        }
        for client in clients.clients {
            try checkRecord(client.id, text: client.riskNote, name: client.reference)
        }
        for asset in assets.assets {
            try checkRecord(asset.id, text: asset.description, name: asset.name)
        }
        // An append cut short and ended by the next one is allowed; a damaged line is not.
        let clientAudit = try store.auditEntries(for: nil)
        let assetAudit = try store.auditEntries(forAsset: nil)
        let unreadable = clientAudit.unreadableLines + assetAudit.unreadableLines
        guard unreadable == 0 else {
            throw CrashHarnessError("after kill \(figures.kills): \(unreadable) unreadable lines in the audit log")
        }
        figures.interruptedAuditLines = clientAudit.interruptedLines
        let updates = clientAudit.entries.filter { $0.action == .updated }.map(\.clientId)
            + assetAudit.entries.filter { $0.action == .updated }.map(\.assetId)
        let updateCounts = Dictionary(updates.map { ($0, 1) }, uniquingKeysWith: +)
        for (id, count) in acknowledgedCount where (updateCounts[id] ?? 0) < count {
            throw CrashHarnessError(
                "after kill \(figures.kills): \(count) acknowledged saves of \(id) but \(updateCounts[id] ?? 0) audit entries")
        }
    }

    /// Opens the caseload for writing. The kernel lets go of the killed worker's lock as the process
    /// is torn down, which on a loaded machine can trail its exit being reported: a lock still held
    /// is tried again for a few seconds.
    private func openAfterKill() throws -> ClientStore {
        for _ in 1..<50 {
            let store = try ClientStore.open(directory: directory, now: Date())
            guard case .readOnly(.otherInstance) = store.access else {
                guard store.access == .readWrite else { throw CrashHarnessError("opened \(store.access) after a kill") }
                return store
            }
            usleep(100_000)
        }
        throw CrashHarnessError("after kill \(figures.kills): the caseload stayed locked")
    }

    /// The record holds its newest acknowledged save, or a later one that was begun.
    private mutating func checkRecord(_ id: UUID, text: String, name: String) throws {
        let found = text.hasPrefix("save ") ? UInt64(text.dropFirst(5).prefix(while: \.isNumber)) : nil
        if let expected = acknowledged[id] {
            guard let found, found >= expected else {
                throw CrashHarnessError(
                    "after kill \(figures.kills): \(name) holds \(found.map { "save \($0)" } ?? "its original text"), "
                        + "but save \(expected) was acknowledged")
            }
        }
        if let found {
            guard begun[id]?.contains(found) == true else {
                throw CrashHarnessError("after kill \(figures.kills): \(name) holds save \(found), which was never begun")
            }
            if found != acknowledged[id] {
                figures.inFlightSavesThatLanded += 1
                // The landed save is now the one any later check must find (or better).
                acknowledged[id] = found
            }
        }
    }

    /// The worker, built beside the test executable.
    static func locateWorker() throws -> URL {
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        var directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("caseload-crash-worker")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        throw CrashHarnessError("caseload-crash-worker was not found beside \(executable); run `swift build` first")
    }
}

struct CrashHarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
