import CNCurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether the full-screen interface can start here, asked before starting it so that the user
/// gets one line naming the problem instead of a garbled screen or curses' own exit.
public enum TerminalCheck {
    static let alternatives = #"use "caseload list" or "caseload --help" for commands that work without one"#

    /// The checks that need no terminal database. nil when nothing is wrong.
    public static func problem(environment: [String: String], stdinIsTTY: Bool, stdoutIsTTY: Bool) -> String? {
        if !stdoutIsTTY { return "standard output is not a terminal; \(alternatives)" }
        if !stdinIsTTY { return "standard input is not a terminal; \(alternatives)" }
        guard let term = environment["TERM"], !term.isEmpty else {
            return "TERM is not set, so the terminal type is unknown; set it (for example TERM=xterm-256color) or \(alternatives)"
        }
        if term == "dumb" {
            return #"the terminal type is "dumb" (TERM), which cannot show a full screen; "#
                + "set TERM (for example TERM=xterm-256color) or \(alternatives)"
        }
        return nil
    }

    /// All checks, for this process: the pure ones on its standard input and output, then whether
    /// terminfo knows TERM.
    public static func problem(environment: [String: String]) -> String? {
        if let problem = problem(environment: environment, stdinIsTTY: isatty(0) == 1, stdoutIsTTY: isatty(1) == 1) {
            return problem
        }
        let term = environment["TERM"] ?? ""
        switch caseload_terminfo_status(term) {
        case 1:
            return nil
        case -1:
            return "no terminfo database was found to describe the terminal; install ncurses-base (or ncurses-term) or \(alternatives)"
        default:
            return #"the terminal type "\#(term)" (TERM) is not in the terminfo database, or cannot show a full screen; "#
                + "set TERM to a known type (for example xterm-256color) or \(alternatives)"
        }
    }
}
