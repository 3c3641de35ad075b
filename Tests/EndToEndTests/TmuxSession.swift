import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One private tmux server (its socket lives in the test's own temporary folder), in which every
/// launch of the binary gets its own session and pane. Nothing here is shared between tests.
final class TmuxSession {
    let tmux: URL
    let socket: String
    /// Where each launch records its standard error, exit status and `stty -a` after exit.
    private let recordsRoot: URL
    private let wrapper: URL
    private var started = false
    private var launches = 0
    private(set) var panes: [Pane] = []

    init(in root: URL) throws {
        tmux = try Self.locateTmux()
        socket = root.appendingPathComponent("tmux.sock").path
        recordsRoot = root.appendingPathComponent("launches", isDirectory: true)
        wrapper = root.appendingPathComponent("wrapper.sh")
        try FileManager.default.createDirectory(at: recordsRoot, withIntermediateDirectories: true)
        try Self.wrapperScript.write(to: wrapper, atomically: true, encoding: .utf8)
    }

    /// Runs `command` in a new session of `width` x `height`, inside a wrapper that keeps the pane
    /// alive after the program ends and records how it ended (see `wrapperScript`).
    func launch(_ command: [String], environment: [String: String], width: Int, height: Int,
                stdinFromDevNull: Bool = false) throws -> Pane {
        launches += 1
        let record = recordsRoot.appendingPathComponent("\(launches)", isDirectory: true)
        try FileManager.default.createDirectory(at: record, withIntermediateDirectories: true)
        let env = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let program = ["/usr/bin/env", "-i"] + env
            + ["/bin/sh", wrapper.path, record.path, stdinFromDevNull ? "null" : "tty"] + command
        // Several arguments after the options: tmux runs them directly, with no shell quoting involved.
        let options = ["-d", "-s", "s\(launches)", "-x", "\(width)", "-y", "\(height)", "-P", "-F", "#{pane_id}"]
        let id: String
        if started {
            id = try run(["new-session"] + options + ["--"] + program)
        } else {
            // Marked first, so that `kill()` tries even if this command fails half-way.
            started = true
            // No client ever attaches, so each session keeps the -x/-y it was made with until
            // `resize-window` (which makes that window's size manual). Setting `window-size manual`
            // globally instead crashes tmux 3.3a at the next `new-session -d -x -y`.
            id = try run(["-f", "/dev/null", "new-session"] + options + ["--"] + program)
        }
        let pane = Pane(session: self, id: id.trimmingCharacters(in: .whitespacesAndNewlines), record: record,
                        command: command)
        panes.append(pane)
        let size = try pane.format("#{pane_width}x#{pane_height}")
        guard size == "\(width)x\(height)" else {
            throw HarnessError("tmux made a \(size) pane where \(width)x\(height) was asked for")
        }
        return pane
    }

    /// Ends the server and with it every program still running in it (they get SIGHUP), and waits
    /// for those programs to end: one with a form open writes its draft to `<data>/recovery` on the
    /// way out, and would otherwise make that folder again after the test removed it.
    func kill() {
        guard started else { return }
        let programs = panes.flatMap { $0.programIDs() }
        _ = try? run(["kill-server"])
        started = false
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, programs.contains(where: Self.isRunning) { usleep(20_000) }
    }

    /// Whether `pid` is a live process (not gone, not a zombie waiting to be reaped).
    private static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let end = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: end)...].trimmingCharacters(in: .whitespaces).first != "Z"
    }

    /// Runs one tmux command against this server and returns its standard output.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        environment["TMUX_PANE"] = nil
        environment["LC_ALL"] = "C.UTF-8"
        let result = try Command.run(tmux, ["-u", "-S", socket] + arguments, environment: environment)
        guard result.status == 0 else {
            throw HarnessError("tmux \(arguments.joined(separator: " ")) failed (exit \(result.status)): \(result.stderr)")
        }
        return result.stdout
    }

    private static func locateTmux() throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] {
            let candidate = URL(fileURLWithPath: directory).appendingPathComponent("tmux")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw HarnessError("""
            tmux is needed for the end-to-end tests but was not found in PATH (\(path)). \
            Install it (for example `apt-get install tmux`); these tests fail rather than skip without it.
            """)
    }

    /// `wrapper.sh <record dir> <tty|null> <program> [arguments...]`: runs the program with its
    /// standard error in a file, then records the exit status and the terminal modes it left behind,
    /// prints `EXITED <status>` as a person would see in a shell, and keeps the pane open.
    static let wrapperScript = #"""
        record=$1
        stdin=$2
        shift 2
        if [ "$stdin" = null ]; then
            "$@" 2>"$record/stderr" </dev/null
        else
            "$@" 2>"$record/stderr"
        fi
        status=$?
        stty -a >"$record/stty" 2>&1
        echo "$status" >"$record/status.tmp" && mv "$record/status.tmp" "$record/status"
        printf '\nEXITED %s\n' "$status"
        exec sleep 3600
        """#
}

/// One pane running one launch of the program: what a person would type and see.
final class Pane {
    unowned let session: TmuxSession
    let id: String
    let record: URL
    let command: [String]
    /// The most recent capture, for failure messages.
    private(set) var lastScreen: Screen?

    init(session: TmuxSession, id: String, record: URL, command: [String]) {
        self.session = session
        self.id = id
        self.record = record
        self.command = command
    }

    /// Presses keys by tmux name: `Enter`, `Escape`, `Tab`, `BTab`, `Down`, `Up`, `Space`, `C-s`, `j` ...
    func press(_ keys: String...) throws {
        try session.run(["send-keys", "-t", id] + keys)
    }

    /// Types text literally, Unicode included, as if typed (or pasted without bracketing).
    func type(_ text: String) throws {
        try session.run(["send-keys", "-t", id, "-l", "--", text])
    }

    /// What the pane shows now.
    func screen() throws -> Screen {
        let text = try session.run(["capture-pane", "-p", "-t", id])
        let size = try session.run(["display-message", "-p", "-t", id, "#{pane_width}x#{pane_height}"])
        let screen = Screen(text: text, size: size.trimmingCharacters(in: .whitespacesAndNewlines))
        lastScreen = screen
        return screen
    }

    /// What the pane shows now with its colours and attributes, as SGR escape sequences.
    func styledScreen() throws -> StyledScreen {
        StyledScreen(text: try session.run(["capture-pane", "-p", "-e", "-t", id]))
    }

    /// A tmux format about the pane, such as `#{alternate_on}` or `#{cursor_flag}`.
    func format(_ format: String) throws -> String {
        try session.run(["display-message", "-p", "-t", id, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The programs the wrapper is running now (its children), by pid; none once they ended.
    func programIDs() -> [Int32] {
        guard let shell = try? format("#{pane_pid}"),
              let children = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        else { return [] }
        return children.split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    func resize(width: Int, height: Int) throws {
        try session.run(["resize-window", "-t", id, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen every 50 ms until `text` shows.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = Pane.defaultTimeout) async throws -> Screen {
        try await waitUntil("the screen to show \"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Polls the screen every 50 ms until `condition` holds on a settled screen (the same on two
    /// captures in a row, so not a frame tmux has only half received); on time-out throws with the
    /// last screen.
    @discardableResult
    func waitUntil(_ description: String, timeout: Duration = Pane.defaultTimeout,
                   _ condition: (Screen) -> Bool) async throws -> Screen {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            let current = try screen()
            if condition(current), try screen().text == current.text { return current }
            if clock.now >= deadline {
                throw HarnessError("Timed out after \(timeout) waiting for \(description).\n\(report())")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Waits for the program to end and returns its exit status (from the wrapper's record, not
    /// the screen: a program that leaves the terminal in a mess must still be seen to end).
    func waitForExit(timeout: Duration = Pane.defaultTimeout) async throws -> Int32 {
        let status = record.appendingPathComponent("status")
        try await waitUntil("the program to exit", timeout: timeout) { _ in
            FileManager.default.fileExists(atPath: status.path)
        }
        let text = try String(contentsOf: status, encoding: .utf8)
        guard let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw HarnessError("unreadable exit status \"\(text)\"\n\(report())")
        }
        return status
    }

    /// The program's standard error so far.
    var standardError: String {
        (try? String(contentsOf: record.appendingPathComponent("stderr"), encoding: .utf8)) ?? ""
    }

    /// `stty -a` as the wrapper found the terminal right after the program ended.
    func terminalModesAfterExit() throws -> String {
        try String(contentsOf: record.appendingPathComponent("stty"), encoding: .utf8)
    }

    /// The last screen and the standard error, for failure messages.
    func report() -> String {
        var text = "--- pane \(id) running \(command.joined(separator: " "))"
        if let lastScreen {
            text += ", screen \(lastScreen.size) ---\n\(lastScreen.text)"
        } else {
            text += " --- (never captured)\n"
        }
        let errors = standardError
        if !errors.isEmpty { text += "--- its standard error ---\n\(errors)" }
        return text
    }

    static let defaultTimeout: Duration = .seconds(15)
}

/// A capture of the pane as plain text, one string per row.
struct Screen: CustomStringConvertible {
    let text: String
    /// `WIDTHxHEIGHT` of the pane when captured.
    let size: String

    var lines: [String] {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    func contains(_ fragment: String) -> Bool { text.contains(fragment) }

    /// The caseload row marked as selected: the list draws `▶` in its first column.
    var selectedRow: String? {
        let rows = lines.filter { $0.hasPrefix("▶") }
        return rows.count == 1 ? rows[0] : nil
    }

    var selectionMarkerCount: Int { lines.filter { $0.hasPrefix("▶") }.count }

    /// The text inside a dialog box (`│ … │` rows), its wrapped lines joined with spaces.
    var dialogText: String {
        lines.compactMap { line -> String? in
            guard let first = line.firstIndex(of: "│"), let last = line.lastIndex(of: "│"), first < last else { return nil }
            let inside = line[line.index(after: first)..<last].trimmingCharacters(in: .whitespaces)
            return inside.isEmpty ? nil : inside
        }.joined(separator: " ")
    }

    /// The message line, just above the hint bar.
    var messageLine: String {
        let lines = self.lines
        return lines.count >= 2 ? lines[lines.count - 2] : ""
    }

    /// The label of the form field that has focus, from the `›` marker in front of it.
    var focusedFormLabel: String? {
        for line in lines {
            let row = line.dropFirst()
            guard row.hasPrefix("›") else { continue }
            var label = String(row.dropFirst())
            if let gap = label.range(of: "  ") { label = String(label[..<gap.lowerBound]) }
            if label.hasSuffix(" *") { label.removeLast(2) }
            return label
        }
        return nil
    }

    /// Whether this is a full frame of the app drawn for the pane's current size: the title on the
    /// first row and the hint bar (which always ends with a way out) on the last row.
    func isFullFrame(width: Int, height: Int, hint: String = "q Quit") -> Bool {
        size == "\(width)x\(height)" && lines.count == height && lines.last?.contains(hint) == true
    }

    var description: String { text }
}
