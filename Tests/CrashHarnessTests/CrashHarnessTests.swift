import Foundation
import Testing

/// SIGKILL at random moments while the store saves: every file stays whole and every acknowledged
/// save survives. `scripts/crash-stress.sh` runs the same with 1,000 kills or more.
@Suite struct CrashHarnessTests {
    @Test func everyAcknowledgedSaveSurvivesAKill() throws {
        let environment = ProcessInfo.processInfo.environment
        let kills = environment["CASELOAD_CRASH_KILLS"].flatMap(Int.init) ?? 50
        let seed = environment["CASELOAD_CRASH_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-crash-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        var harness = CrashHarness(directory: directory, worker: try CrashHarness.locateWorker(), seed: seed)
        try harness.prepare()
        for _ in 0..<kills {
            do {
                try harness.killOnce(maximumDelay: 150_000)
            } catch {
                Issue.record("\(error) (seed \(seed): CASELOAD_CRASH_SEED=\(seed) repeats this run)")
                return
            }
        }
        print("crash harness: \(harness.figures) (seed \(seed))")
        #expect(harness.figures.kills == kills)
        #expect(harness.figures.killsMidSave > 0)
    }
}
