import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Leaving the app, however it ends, gives the person their terminal back as it was; and where no
/// full screen is possible it says so in one line instead of starting.
@Suite(.timeLimit(.minutes(3)))
struct TerminalRestoreTests {
    @Test("Ctrl-C quits from any screen and restores the terminal (modes, screen, cursor)")
    func controlCRestoresTerminal() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            let pane = try await world.open(data)
            #expect(try pane.format("#{alternate_on}") == "1", "the app draws on the alternate screen")
            try await pane.openClient("lukasz", title: "Łukasz Nowak (C-0001)")

            try pane.press("C-c")
            #expect(try await pane.waitForExit() == 0)
            try await Self.expectTerminalRestored(pane)
        }
    }

    @Test("SIGTERM ends the app and restores the terminal; the exit status says it was a signal")
    func sigtermRestoresTerminal() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            let pane = try await world.open(data)
            // The writer's pid is in the lock file; make sure it is this test's caseload before signalling it.
            let lock = try String(contentsOf: data.appendingPathComponent(".lock"), encoding: .utf8)
            let pid = try #require(Int32(lock.trimmingCharacters(in: .whitespacesAndNewlines)), "pid in .lock: \(lock)")
            let commandLine = try String(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"), encoding: .utf8)
                .replacingOccurrences(of: "\0", with: " ")
            try #require(commandLine.contains(world.binary.path) && commandLine.contains(data.path),
                         "pid \(pid) is not this test's caseload: \(commandLine)")

            #expect(kill(pid, SIGTERM) == 0)
            #expect(try await pane.waitForExit() == 128 + SIGTERM)
            try await Self.expectTerminalRestored(pane)
        }
    }

    @Test("TERM=dumb: one line on stderr naming the problem and `caseload list`; the terminal is untouched")
    func dumbTerminalRefusesToStart() async throws {
        try await withEndToEnd { world in
            let data = world.root.appendingPathComponent("never-created")
            let pane = try world.launch(["--data-dir", data.path], environment: ["TERM": "dumb"])
            let status = try await pane.waitForExit()
            #expect(status != 0)
            let lines = pane.standardError.split(separator: "\n")
            #expect(lines.count == 1, "one line on stderr:\n\(pane.standardError)")
            #expect(pane.standardError.contains("dumb") && pane.standardError.contains("terminal"), "\(pane.standardError)")
            #expect(pane.standardError.contains("caseload list"), "points to what works without a terminal:\n\(pane.standardError)")
            #expect(!FileManager.default.fileExists(atPath: data.path), "no data folder is made for a session that never starts")
            try await Self.expectTerminalRestored(pane)
        }
    }

    @Test("Standard input not a terminal (caseload < /dev/null): one line on stderr pointing to `caseload list`")
    func stdinNotATerminalRefusesToStart() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            let pane = try world.launch(["--data-dir", data.path], stdinFromDevNull: true)
            #expect(try await pane.waitForExit() != 0)
            let errors = pane.standardError
            #expect(errors.split(separator: "\n").count == 1, "one line on stderr:\n\(errors)")
            #expect(errors.contains("standard input is not a terminal"), "\(errors)")
            #expect(errors.contains("caseload list"), "\(errors)")
            try await Self.expectTerminalRestored(pane)
        }
    }

    /// After the program ended: the shell's screen is back (no app frame, normal screen, cursor
    /// shown, ordinary cursor keys), and the line discipline is cooked again.
    static func expectTerminalRestored(_ pane: Pane, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let screen = try pane.screen()
        #expect(!screen.contains("q Quit") && !screen.contains("Esc Back") && !screen.contains(" clients"),
                "the app's frame is gone:\n\(screen)", sourceLocation: sourceLocation)
        #expect(screen.lines.contains { $0.hasPrefix("EXITED ") }, "\(screen)", sourceLocation: sourceLocation)
        #expect(try pane.format("#{alternate_on}") == "0", "back on the normal screen", sourceLocation: sourceLocation)
        #expect(try pane.format("#{cursor_flag}") == "1", "the cursor is shown again", sourceLocation: sourceLocation)
        #expect(try pane.format("#{keypad_cursor_flag}") == "0", "cursor keys back in normal mode", sourceLocation: sourceLocation)

        let modes = try pane.terminalModesAfterExit()
        let flags = Set(modes.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        let missing = ["icanon", "echo", "isig", "icrnl", "ixon", "opost"].filter { !flags.contains($0) }
        #expect(missing.isEmpty, "stty -a after exit shows \(missing) still off:\n\(modes)", sourceLocation: sourceLocation)
    }
}
