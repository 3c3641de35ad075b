import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One test's world: a temporary folder (HOME, data folders, the tmux socket), a private tmux
/// server, and the pinned environment every run of the binary gets.
///
/// Use through `withEndToEnd`, which tears everything down however the test ends and adds the
/// last screen of every pane to any error thrown.
final class EndToEnd {
    /// The clock every run sees: a Saturday, so "today" is 21-Nov-2026.
    static let now = "2026-11-21T10:00:00Z"

    let root: URL
    let home: URL
    let binary: URL
    private var tmuxSession: TmuxSession?

    init() throws {
        binary = try Self.locateBinary()
        let id = UUID().uuidString.prefix(8).lowercased()
        // Short: the tmux socket path must fit in a sockaddr_un.
        root = URL(fileURLWithPath: "/tmp/caseload-e2e-\(id)", isDirectory: true)
        home = root.appendingPathComponent("home", isDirectory: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    var tmux: TmuxSession {
        get throws {
            if let tmuxSession { return tmuxSession }
            let created = try TmuxSession(in: root)
            tmuxSession = created
            return created
        }
    }

    /// The environment of every run: nothing inherited from whoever runs the tests.
    /// `XDG_DATA_HOME` and `CASELOAD_DIR` are unset, so the default data folder is under `home`.
    func environment(_ overrides: [String: String?] = [:]) -> [String: String] {
        var environment = [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": home.path,
            "LC_ALL": "C.UTF-8",
            "TERM": "xterm-256color",
            "CASELOAD_NOW": Self.now,
        ]
        for (key, value) in overrides { environment[key] = value }
        return environment
    }

    /// Starts `caseload <arguments>` in its own tmux session and pane.
    func launch(_ arguments: [String], width: Int = 100, height: Int = 30,
                environment overrides: [String: String?] = [:], stdinFromDevNull: Bool = false) throws -> Pane {
        try tmux.launch([binary.path] + arguments, environment: environment(overrides), width: width, height: height,
                        stdinFromDevNull: stdinFromDevNull)
    }

    /// Starts the caseload on `dataDirectory` and waits until the list shows.
    func open(_ dataDirectory: URL, width: Int = 100, height: Int = 30) async throws -> Pane {
        let pane = try launch(["--data-dir", dataDirectory.path], width: width, height: height)
        try await pane.waitFor("Caseload · ")
        try await pane.waitUntil("the hint bar") { $0.lines.last?.contains("q Quit") == true }
        return pane
    }

    /// Runs `caseload <arguments>` without a terminal (pipes and files), as a script would.
    func run(_ arguments: [String], environment overrides: [String: String?] = [:],
             stdin: String = "/dev/null") throws -> CommandResult {
        try Command.run(binary, arguments, environment: environment(overrides), stdin: stdin)
    }

    /// A fresh demo caseload written with `caseload demo --dir`.
    func makeDemo(_ name: String = "data") throws -> URL {
        let directory = root.appendingPathComponent(name, isDirectory: true)
        let result = try run(["demo", "--dir", directory.path])
        guard result.status == 0 else {
            throw HarnessError("caseload demo --dir \(directory.path) failed (exit \(result.status)): \(result.stderr)")
        }
        return directory
    }

    func tearDown() {
        tmuxSession?.kill()
        try? FileManager.default.removeItem(at: root)
    }

    /// Every pane's last screen, for failure messages.
    func report() -> String {
        (tmuxSession?.panes ?? []).map { $0.report() }.joined(separator: "\n")
    }

    /// The built `caseload`, next to the test bundle: the test target depends on the executable
    /// target, so `swift build`/`swift test` put it in the same folder
    /// (`<scratch>/debug/caseload` beside `<scratch>/debug/CaseloadPackageTests.xctest`).
    static func locateBinary() throws -> URL {
        var starts: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(URL(fileURLWithPath: exe))
        }
        if let first = CommandLine.arguments.first {
            starts.append(URL(fileURLWithPath: first).standardizedFileURL)
        }
        var looked: [String] = []
        for start in starts {
            // On macOS the test executable sits inside the bundle (…xctest/Contents/MacOS/…): climb out.
            var directory = start.deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = directory.appendingPathComponent("caseload")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                   FileManager.default.isExecutableFile(atPath: candidate.path) {
                    return candidate
                }
                looked.append(candidate.path)
                directory = directory.deletingLastPathComponent()
            }
        }
        throw HarnessError("""
            The caseload binary was not found next to the test executable (looked at \(looked.joined(separator: ", "))). \
            Build it first: `swift build` (the EndToEndTests target depends on the caseload executable target).
            """)
    }
}

/// Runs `body` in a fresh world and always tears it down. Errors come back with every pane's last
/// screen attached (time-outs already carry theirs).
func withEndToEnd(_ body: (EndToEnd) async throws -> Void) async throws {
    let world = try EndToEnd()
    defer { world.tearDown() }
    do {
        try await body(world)
    } catch let error as HarnessError {
        throw error
    } catch {
        throw HarnessError("\(error)\n\(world.report())")
    }
}

/// A failure of the harness or a time-out, with the evidence in its description.
struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

struct CommandResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum Command {
    /// Runs a program to completion with `posix_spawn` and `waitpid`. Output goes through files, so
    /// neither stream can fill a pipe and stall the other.
    ///
    /// Not Foundation's `Process`: on Linux it notices the end of a child through a socket the child
    /// inherits, so it never returns when the child leaves a daemon behind (as `tmux new-session`
    /// does with its server).
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String],
                    stdin: String = "/dev/null") throws -> CommandResult {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("caseload-e2e-cmd-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Nothing else of the test process leaks into the child (a tmux server would keep it open).
        // (glibc ignores closing a descriptor another thread closed meanwhile.)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
            if let fd = Int32(name), fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        }
        // The test runner's threads block most signals, and a blocked mask survives exec: without
        // this a tmux server started from here ignores kill-server (SIGTERM) and outlives the test.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw HarnessError("cannot run \(executable.path): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw HarnessError("waitpid failed for \(executable.path): errno \(errno)") }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import.
        let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return CommandResult(status: exitStatus,
                             stdout: try String(contentsOf: out, encoding: .utf8),
                             stderr: try String(contentsOf: err, encoding: .utf8))
    }
}

// MARK: Files the app wrote

/// `st_mode & 0o777` of a path.
func permissions(of path: String) throws -> Int {
    var info = stat()
    guard stat(path, &info) == 0 else { throw HarnessError("cannot stat \(path): errno \(errno)") }
    return Int(info.st_mode) & 0o777
}

/// A client file as JSON, with the path it was read from.
struct ClientFile {
    let url: URL
    let json: [String: Any]

    var name: String? { json["name"] as? String }
    var reference: String? { json["reference"] as? String }
    var status: String? { json["status"] as? String }
    var referral: [String: Any] { json["referral"] as? [String: Any] ?? [:] }
    var discharge: [String: Any]? { json["discharge"] as? [String: Any] }

    /// Every `clients/*.json` in a data folder.
    static func all(in dataDirectory: URL) throws -> [ClientFile] {
        let folder = dataDirectory.appendingPathComponent("clients", isDirectory: true)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .map { name in
                let url = folder.appendingPathComponent(name)
                guard let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
                    throw HarnessError("\(url.path) does not hold a JSON object")
                }
                return ClientFile(url: url, json: json)
            }
    }

    static func named(_ name: String, in dataDirectory: URL) throws -> ClientFile? {
        try all(in: dataDirectory).first { $0.name == name }
    }
}

/// Names, sizes and modification times of everything in a folder tree: equal snapshots mean
/// nothing was written.
func snapshot(of directory: URL) throws -> [String: String] {
    var result: [String: String] = [:]
    let manager = FileManager.default
    guard let enumerator = manager.enumerator(atPath: directory.path) else { return result }
    while let relative = enumerator.nextObject() as? String {
        let attributes = try manager.attributesOfItem(atPath: directory.appendingPathComponent(relative).path)
        let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        result[relative] = "\(size) \(modified)"
    }
    return result
}
