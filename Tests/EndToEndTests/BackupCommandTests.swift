import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `caseload backup`, `caseload restore` and the backup the app makes when it opens the caseload.
@Suite(.timeLimit(.minutes(3)))
struct BackupCommandTests {
    /// The backup name of `EndToEnd.now`.
    static let stamp = "2026-11-21T100000Z"

    static func backupNames(in data: URL) throws -> [String] {
        let folder = data.appendingPathComponent("backups")
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    static func clientFiles(in data: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("clients").path).sorted()
    }

    @Test("caseload backup makes a 0600 backup and says what it holds; --list shows it; old ones are pruned")
    func backupListAndPrune() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = try world.makeDemo()
        let assets = try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("assets").path).count
        let made = try world.run(["backup", "--data-dir", data.path])
        #expect(made.status == 0, "\(made.stderr)")
        let backup = data.appendingPathComponent("backups/\(Self.stamp)")
        #expect(made.stdout == "Backed up \(data.path) to \(backup.path): 60 clients, \(assets) assets.\n")
        #expect(try permissions(of: backup.path) == 0o700)
        #expect(try permissions(of: backup.appendingPathComponent("audit.jsonl").path) == 0o600)
        #expect(try Self.clientFiles(in: backup) == Self.clientFiles(in: data))
        let checked = try world.run(["check", backup.path])
        #expect(checked.status == 0, "a backup reads as a caseload: \(checked.stdout)\(checked.stderr)")

        let listed = try world.run(["backup", "--list", "--data-dir", data.path])
        #expect(listed.status == 0, "\(listed.stderr)")
        let lines = listed.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Backup  ") == true, "\(listed.stdout)")
        #expect(lines.dropFirst().first?.hasPrefix("\(Self.stamp)  21-Nov-2026 10:00  60 ") == true, "\(listed.stdout)")
        #expect(lines.last?.hasPrefix("1 backup in \(data.path)/backups, taking ") == true, "\(listed.stdout)")

        // One backup a day for ten more days: the last 7 days, and the newest of the week before.
        var last = made
        for day in 22...31 {
            let now = day <= 30 ? "2026-11-\(day)T10:00:00Z" : "2026-12-01T10:00:00Z"
            last = try world.run(["backup", "--data-dir", data.path], environment: ["CASELOAD_NOW": now])
            #expect(last.status == 0, "\(last.stderr)")
        }
        #expect(last.stdout.contains("Removed 1 older backup: 2026-11-24T100000Z."), "\(last.stdout)")
        #expect(try Self.backupNames(in: data) == ["2026-11-22T100000Z"]
            + (25...30).map { "2026-11-\($0)T100000Z" } + ["2026-12-01T100000Z"])
    }

    @Test("The app backs up once a day when it opens the caseload, prunes, and never backs up the demo")
    func dailyBackupWhenTheAppOpens() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            let lastWeek = (14...20).map { "2026-11-\($0)T100000Z" }
            for name in lastWeek {
                let now = name.replacingOccurrences(of: "T100000Z", with: "T10:00:00Z")
                #expect(try world.run(["backup", "--data-dir", data.path], environment: ["CASELOAD_NOW": now]).status == 0)
            }
            #expect(try Self.backupNames(in: data) == lastWeek)
            // Today's backup makes eight days: the oldest goes, its week's newest being among the seven.
            for _ in 1...2 {
                let pane = try await world.open(data)
                #expect(try Self.backupNames(in: data) == lastWeek.dropFirst() + [Self.stamp])
                try pane.press("q")
                #expect(try await pane.waitForExit() == 0)
            }
            let tomorrow = try world.launch(["--data-dir", data.path], environment: ["CASELOAD_NOW": "2026-11-22T08:00:00Z"])
            try await tomorrow.waitFor("Caseload · ")
            #expect(try Self.backupNames(in: data) == lastWeek.dropFirst() + [Self.stamp, "2026-11-22T080000Z"],
                    "the 15th stays as the newest of its week")

            let demo = try world.launch(["--demo"])
            try await demo.waitFor("DEMO (synthetic)")
            let demoFolder = world.home.appendingPathComponent(".local/share/caseload-demo")
            #expect(FileManager.default.fileExists(atPath: demoFolder.appendingPathComponent("manifest.json").path))
            #expect(try Self.backupNames(in: demoFolder).isEmpty)
        }
    }

    @Test("When the backup cannot be made the app still opens, and says so")
    func theAppOpensWhenTheBackupFails() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            try Data("in the way".utf8).write(to: data.appendingPathComponent("backups"))
            let pane = try await world.open(data, width: 160)
            let screen = try await pane.waitFor("Today's backup was not made. Could not read \(data.path)/backups: Not a directory.")
            #expect(screen.contains("60 clients"), "the caseload is there:\n\(screen)")
            try pane.press("q")
            #expect(try await pane.waitForExit() == 0)
        }
    }

    @Test("backup and restore refuse while the caseload is open in another window; --list still works")
    func refusedWhileOpen() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            let pane = try await world.open(data)
            let pid = try world.writerPID(of: data)
            let before = try snapshot(of: data)
            let refusal = "caseload: The caseload is open in another window (pid \(pid)); "
                + "quit Caseload there (q) and try again. Nothing was changed.\n"
            for arguments in [["backup"], ["restore", Self.stamp, "--yes"]] {
                let result = try world.run(arguments + ["--data-dir", data.path])
                #expect(result.status == 1)
                #expect(result.stderr == refusal, "\(arguments)")
            }
            #expect(try snapshot(of: data) == before)
            let listed = try world.run(["backup", "--list", "--data-dir", data.path])
            #expect(listed.status == 0)
            #expect(listed.stdout.contains("\(Self.stamp)  21-Nov-2026 10:00  60 "), "\(listed.stdout)")
            try pane.press("q")
            #expect(try await pane.waitForExit() == 0)
        }
    }

    @Test("restore without a terminal needs --yes; with it, restores and names the backup that undoes it")
    func restoreForScripts() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = try world.makeDemo()
        #expect(try world.run(["backup", "--data-dir", data.path]).status == 0)
        let original = try Self.clientFiles(in: data)
        try FileManager.default.removeItem(at: data.appendingPathComponent("clients/\(original[0])"))

        let asked = try world.run(["restore", Self.stamp, "--data-dir", data.path])
        #expect(asked.status == 1)
        #expect(asked.stderr == "caseload: restore replaces the caseload, so it asks first: "
            + "run it in a terminal, or add --yes. Nothing was changed.\n")
        #expect(try Self.clientFiles(in: data).count == 59)

        let restored = try world.run(["restore", Self.stamp, "--yes", "--data-dir", data.path])
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout.hasPrefix("Restored \(data.path) from the backup from 21-Nov-2026 10:00 (60 clients): "
            + "1 file written, 0 removed, "), "\(restored.stdout)")
        let safety = Self.stamp + "-2-before-restore"
        #expect(restored.stdout.contains("kept as backup \(safety); `caseload restore \(safety)` puts it back."))
        #expect(try Self.clientFiles(in: data) == original)

        let undone = try world.run(["restore", safety, "--yes", "--data-dir", data.path])
        #expect(undone.status == 0, "\(undone.stderr)")
        #expect(undone.stdout.contains("1 removed (moved to quarantine/\(Self.stamp))"), "\(undone.stdout)")
        #expect(try Self.clientFiles(in: data) == Array(original.dropFirst()))
    }

    @Test("restore refuses a backup that does not read cleanly, naming the files, and changes nothing")
    func restoreRefusesADamagedBackup() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = try world.makeDemo()
        #expect(try world.run(["backup", "--data-dir", data.path]).status == 0)
        let name = try Self.clientFiles(in: data)[0]
        let damaged = data.appendingPathComponent("backups/\(Self.stamp)/clients/\(name)")
        try FileManager.default.removeItem(at: damaged)  // a new file: the old one is also the caseload's
        try Data("{".utf8).write(to: damaged)
        // Everything but the lock, which each run that takes it stamps with its pid.
        let before = try snapshot(of: data).filter { $0.key != ".lock" }

        let result = try world.run(["restore", Self.stamp, "--yes", "--data-dir", data.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot be restored because it does not read cleanly:\n  clients/\(name): not valid JSON"),
                "\(result.stderr)")
        #expect(result.stderr.hasSuffix("Nothing was changed.\n"))
        #expect(try snapshot(of: data).filter { $0.key != ".lock" } == before)
    }

    @Test("restore in a terminal asks, naming both caseloads; only yes restores")
    func restoreAsksFirst() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            #expect(try world.run(["backup", "--data-dir", data.path]).status == 0)
            let original = try Self.clientFiles(in: data)
            try FileManager.default.removeItem(at: data.appendingPathComponent("clients/\(original[0])"))
            let question = "Replace the caseload in \(data.path) (59 clients, last saved 21-Nov-2026 10:00) "
                + "with the backup from 21-Nov-2026 10:00 (60 clients)? A backup of the current caseload is made first. "
                + "Type yes to restore:"

            for answer in ["y", "YES", "yes please"] {
                let pane = try world.launch(["restore", Self.stamp, "--data-dir", data.path], width: 400, height: 10)
                try await pane.waitFor(question)
                try pane.type(answer)
                try pane.press("Enter")
                #expect(try await pane.waitForExit() == 1, "\(answer)")
                #expect(pane.standardError.contains("not restored (only yes restores). Nothing was changed."))
                #expect(try Self.clientFiles(in: data).count == 59)
                #expect(try Self.backupNames(in: data) == [Self.stamp], "no safety backup for a restore not made")
            }

            let pane = try world.launch(["restore", Self.stamp, "--data-dir", data.path], width: 400, height: 10)
            try await pane.waitFor(question)
            try pane.type("yes")
            try pane.press("Enter")
            #expect(try await pane.waitForExit() == 0, "\(pane.standardError)")
            try await pane.waitFor("The caseload as it was is kept as backup \(Self.stamp)-2")
            #expect(try Self.clientFiles(in: data) == original)
        }
    }
}
