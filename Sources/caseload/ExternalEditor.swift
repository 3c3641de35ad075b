import Foundation
import Glibc

/// Why an external edit gave nothing back. In every case the text being edited is unchanged.
enum ExternalEditorError: Error, Equatable, CustomStringConvertible {
    case noEditor
    case commandNotFound(String)
    case exited(status: Int32)
    case killed(signal: Int32)
    case couldNotStart(String)
    case temporaryFile(String)
    case notUTF8

    var description: String {
        switch self {
        case .noEditor: "No editor found: set $EDITOR"
        case .commandNotFound(let command): "The editor \"\(command)\" was not found; your text was not changed"
        case .exited(let status): "The editor exited with status \(status); your text was not changed"
        case .killed(let signal): "The editor was ended by signal \(signal); your text was not changed"
        case .couldNotStart(let reason): "Could not start the editor (\(reason)); your text was not changed"
        case .temporaryFile(let reason): "Could not use a temporary file (\(reason)); your text was not changed"
        case .notUTF8: "The edited file is not UTF-8 text; your text was not changed"
        }
    }
}

/// Edits text in the user's own editor (Ctrl-E). The caller suspends the terminal before and
/// resumes it after: the editor gets the terminal as the shell would give it.
enum ExternalEditor {
    static func edit(_ text: String, environment: [String: String], fileNameHint: String) -> Result<String, ExternalEditorError> {
        guard let command = command(environment: environment) else { return .failure(.noEditor) }
        let directory: String
        switch makePrivateDirectory(environment: environment) {
        case .success(let path): directory = path
        case .failure(let error): return .failure(error)
        }
        // The text may be a client's private notes: nothing of it stays on disk.
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/" + fileName(fileNameHint)
        // A final line break makes it a proper text file; editors that add one then change nothing.
        if let error = write(text + "\n", to: file) { return .failure(error) }
        if let error = run(command, file: file, environment: environment) { return .failure(error) }
        return read(file)
    }

    /// `$VISUAL`, else `$EDITOR` (either may carry arguments, as in "code -w"), else the first
    /// of Debian's `editor` alternative, `nano` and `vi` on the PATH.
    static func command(environment: [String: String]) -> String? {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return ["editor", "nano", "vi"].first { name in
            directories.contains { access("\($0)/\(name)", X_OK) == 0 }
        }
    }

    /// Letters, digits, dot, dash and underscore only: the name shows in the editor and may tell it the file type.
    private static func fileName(_ hint: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        let cleaned = String(hint.map { allowed.contains($0) ? $0 : "-" }).trimmingCharacters(in: CharacterSet(charactersIn: ".-"))
        let name = cleaned.isEmpty ? "caseload" : cleaned
        return name.contains(".") ? name : name + ".txt"
    }

    /// A new directory only this user can enter (mkdtemp makes it 0700).
    private static func makePrivateDirectory(environment: [String: String]) -> Result<String, ExternalEditorError> {
        let base = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(base)/caseload-edit-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else { return .failure(.temporaryFile(String(cString: strerror(errno)))) }
        return .success(template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
    }

    private static func write(_ text: String, to path: String) -> ExternalEditorError? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return .temporaryFile(String(cString: strerror(errno))) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                return .temporaryFile(String(cString: strerror(errno)))
            }
            written += result
        }
        return nil
    }

    /// Reads the file by name: editors often save by writing a new file and renaming it over the old.
    private static func read(_ path: String) -> Result<String, ExternalEditorError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.temporaryFile("the edited file could not be read"))
        }
        guard var text = String(validating: data, as: UTF8.self) else { return .failure(.notUTF8) }
        if text.last == "\n" || text.last == "\r\n" { text.removeLast() }
        return .success(text)
    }

    /// Runs the command through `sh` (so "code -w" works) on the file, with the terminal, and waits.
    /// Like system(3), Caseload ignores Ctrl-C and Ctrl-\ meanwhile, which the terminal sends to it
    /// as well as to the editor; Ctrl-Z stops both (curses' own handler would repaint over the
    /// editor on `fg`); the editor starts with the default dispositions.
    private static func run(_ command: String, file: String, environment: [String: String]) -> ExternalEditorError? {
        let saved = SignalDispositions()
        defer { saved.restore() }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in saved.signalsToDefaultInChild { sigaddset(&defaults, signal) }
        var noneBlocked = sigset_t()
        sigemptyset(&noneBlocked)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &noneBlocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let arguments = ["/bin/sh", "-c", command + " \"$1\"", "sh", file]
        let variables = environment.map { "\($0.key)=\($0.value)" }
        var pid = pid_t()
        let spawned = withCStrings(arguments) { argv in
            withCStrings(variables) { envp in posix_spawn(&pid, "/bin/sh", nil, &attributes, argv, envp) }
        }
        guard spawned == 0 else { return .couldNotStart(String(cString: strerror(spawned))) }

        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return .couldNotStart(String(cString: strerror(errno))) }
        }
        // What WIFEXITED, WEXITSTATUS and WTERMSIG say; Swift does not import those macros.
        let signal = status & 0x7F
        let exitStatus = (status >> 8) & 0xFF
        if signal != 0 { return .killed(signal: signal) }
        switch exitStatus {
        case 0: return nil
        case 127: return .commandNotFound(command)
        // How sh reports a command a signal ended.
        case 129...192: return .killed(signal: exitStatus - 128)
        default: return .exited(status: exitStatus)
        }
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }
}

/// The parent's dispositions for the signals a terminal sends from the keyboard, changed for the
/// editor's run and put back afterwards.
private struct SignalDispositions {
    private var saved: [(signal: Int32, action: sigaction)] = []
    /// Signals the editor must not inherit as ignored. Left out: those ignored before Caseload
    /// changed anything (started under nohup or without job control), as system(3) does.
    private(set) var signalsToDefaultInChild: [Int32] = [SIGPIPE]

    init() {
        for signal in [SIGINT, SIGQUIT, SIGTSTP] {
            var previous = sigaction()
            sigaction(signal, nil, &previous)
            saved.append((signal, previous))
            // SIG_IGN is the handler "address" 1; function pointers cannot be compared directly.
            if let handler = previous.__sigaction_handler.sa_handler, unsafeBitCast(handler, to: Int.self) == 1 { continue }
            signalsToDefaultInChild.append(signal)
            var action = sigaction()
            sigemptyset(&action.sa_mask)
            action.__sigaction_handler.sa_handler = signal == SIGTSTP ? SIG_DFL : SIG_IGN
            sigaction(signal, &action, nil)
        }
    }

    func restore() {
        for (signal, action) in saved {
            var action = action
            sigaction(signal, &action, nil)
        }
    }
}
