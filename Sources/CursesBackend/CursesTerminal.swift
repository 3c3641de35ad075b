import CNCurses
import TerminalUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal, through ncursesw. One per process, used from the thread that made it:
/// curses is not thread-safe, and leaving the class non-Sendable lets Swift 6 enforce that
/// (top-level code and `@MainActor` code can own it; nothing can hand it to another task).
///
/// Run `TerminalCheck.problem(environment:)` first: this needs a terminal on stdin and stdout.
public final class CursesTerminal: Terminal {
    public struct StartError: Error, CustomStringConvertible {
        public let term: String
        public var description: String {
            #"caseload: could not start the terminal interface (TERM="\#(term)")"#
        }
    }

    /// The theme in use: the one last asked for, or `Theme.monochrome` (see `ColourMapping.effectiveTheme`).
    public private(set) var theme: Theme
    /// From curses' `COLORS`: `.none` without colour support.
    public let depth: ColourDepth

    private struct ColourPair: Hashable {
        var foreground: Int32
        var background: Int32
    }

    private var roleStyles: [Role: (attributes: attr_t, pair: Int32)] = [:]
    /// Every pair defined so far, numbered from 1 in order, kept across theme changes for reuse.
    private var pairs: [ColourPair: Int32] = [:]
    private let defaultColoursWork: Bool
    private var previous: Buffer?
    private var needsFullRedraw = true
    private var cursorShown: Bool?
    private var decoder = KeyDecoder()
    private var queued: [TerminalEvent] = []
    private var active = true
    private var suspended = false
    private var hungUp = false

    /// Milliseconds to wait after Esc for the rest of a sequence (curses' wait, then ours).
    private static let escapeDelay = 25
    /// An unfinished bracketed paste is delivered after this long without input.
    private static let pasteIdleLimit = 1000
    /// Longest single wait for input, so a termination signal is noticed promptly.
    private static let signalPollInterval = 200
    private static let bracketedPasteOn = "\u{1B}[?2004h"
    private static let bracketedPasteOff = "\u{1B}[?2004l"

    /// Takes over the terminal. `environment` names TERM in errors.
    public init(theme requested: Theme, environment: [String: String]) throws {
        Self.useUTF8Locale()
        // Before newterm: ncurses installs its own SIGINT/SIGTERM handlers only where none exist.
        caseload_install_signal_handlers()
        guard caseload_start_screen() else {
            caseload_remove_signal_handlers()
            throw StartError(term: environment["TERM"] ?? "")
        }
        let screen = caseload_stdscr()
        raw()  // Ctrl-C and Ctrl-S arrive as keys; no signals, no XOFF freeze.
        noecho()
        nonl()  // Lets curses move down with a line feed; Enter arrives as CR, untranslated.
        keypad(screen, true)
        scrollok(screen, false)
        set_escdelay(Int32(Self.escapeDelay))
        typeahead(-1)  // Always finish a frame rather than stop when a key is waiting.

        var colours = 0
        var defaultsWork = false
        if has_colors() {
            start_color()
            colours = Int(caseload_colors())
            defaultsWork = use_default_colors() == OK
        }
        depth = ColourDepth(terminalColours: colours)
        defaultColoursWork = defaultsWork
        theme = ColourMapping.effectiveTheme(requested: requested, depth: depth)
        resolveRoleStyles()
        Self.writeToTerminal(Self.bracketedPasteOn)
    }

    deinit { restore() }

    public var size: Size {
        Size(width: Int(caseload_columns()), height: Int(caseload_lines()))
    }

    /// Also SIGHUP when the terminal has gone away but the signal was ignored (nohup), since
    /// reading would then fail at once, forever.
    public var pendingTerminationSignal: Int32? {
        let signal = caseload_pending_signal()
        if signal != 0 { return signal }
        return hungUp ? SIGHUP : nil
    }

    // MARK: Theme

    public func apply(_ requested: Theme) {
        theme = ColourMapping.effectiveTheme(requested: requested, depth: depth)
        resolveRoleStyles()
        needsFullRedraw = true
    }

    /// The curses attributes and colour pair of every role in `theme`.
    private func resolveRoleStyles() {
        let mapped = Role.allCases.map { role in
            let style = theme.style(for: role)
            let (foreground, background, added) = ColourMapping.colours(for: style, depth: depth)
            return (role: role, attributes: Self.cursesAttributes(style.attributes.union(added)), pair: pairKey(foreground, background))
        }
        // Curses has only COLOR_PAIRS pairs (64 on an 8-colour terminal), and a theme picker
        // previewing theme after theme would run out: start the table again when this theme's new
        // pairs would not fit. Everything is repainted with the new pairs on the next draw.
        let newPairs = Set(mapped.compactMap(\.pair)).subtracting(pairs.keys)
        if !pairs.isEmpty, pairs.count + newPairs.count >= Int(caseload_color_pairs()) {
            reset_color_pairs()
            pairs = [:]
        }
        for (role, attributes, key) in mapped {
            roleStyles[role] = (attributes, key.map(pair) ?? 0)
        }
    }

    // MARK: Drawing

    public func draw(_ buffer: Buffer, cursor: (x: Int, y: Int)?) {
        guard active, !suspended else { return }
        let screen = caseload_stdscr()
        let full = needsFullRedraw || previous?.size != buffer.size
        if full { wclear(screen) }  // Also repaints the real screen, whatever a resize left on it.
        let visible = size
        let width = min(buffer.size.width, visible.width)
        for y in 0..<min(buffer.size.height, visible.height) {
            let row = (y * buffer.size.width)..<((y + 1) * buffer.size.width)
            if full || previous?.cells[row] != buffer.cells[row] {
                drawRow(y, of: buffer, width: width)
            }
        }
        previous = buffer
        needsFullRedraw = false

        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < visible.width, cursor.y < visible.height {
            showCursor(true)
            wmove(screen, Int32(cursor.y), Int32(cursor.x))
        } else {
            showCursor(false)
        }
        wnoutrefresh(screen)
        doupdate()
    }

    private func drawRow(_ y: Int, of buffer: Buffer, width: Int) {
        var x = 0
        while x < width {
            let cell = buffer[x, y]
            let style = roleStyles[cell.style.role] ?? (0, 0)
            let attributes = style.attributes | Self.cursesAttributes(cell.style.attributes)
            // A continuation cell reached here lost its wide character; a wide character cut by
            // the right edge cannot be drawn. Either way, a space keeps the columns.
            let columns = cell.width == 2 && x + 1 < width ? 2 : 1
            let glyph = cell.width == 0 || columns < cell.width
                ? Glyph(characters: [0x20, 0], padding: 0) : Glyph(cell.text, columns: columns)
            put(glyph.characters, x: x, y: y, attributes: attributes, pair: style.pair)
            for offset in (columns - glyph.padding)..<columns {
                put([0x20, 0], x: x + offset, y: y, attributes: attributes, pair: style.pair)
            }
            x += columns
        }
    }

    private func put(_ characters: [wchar_t], x: Int, y: Int, attributes: attr_t, pair: Int32) {
        var cell = cchar_t()
        // The pair goes through `opts` (ncurses' extended colours): the short argument stops at 32767.
        var extendedPair = pair
        setcchar(&cell, characters, attributes, 0, &extendedPair)
        // Returns ERR in the bottom-right corner (the cursor cannot advance past it), but with
        // scrollok off curses still draws that cell, without scrolling.
        mvwadd_wch(caseload_stdscr(), Int32(y), Int32(x), &cell)
    }

    private func showCursor(_ shown: Bool) {
        guard cursorShown != shown else { return }
        curs_set(shown ? 1 : 0)
        cursorShown = shown
    }

    /// The pair to define for these colours; nil for pair 0, the terminal's default colours.
    private func pairKey(_ foreground: Int32, _ background: Int32) -> ColourPair? {
        guard depth > .none else { return nil }
        // Without use_default_colors, -1 is not a colour: fall back to white on black, and where that
        // puts black text on black (or white on white), turn the text round.
        var key = defaultColoursWork
            ? ColourPair(foreground: foreground, background: background)
            : ColourPair(foreground: foreground < 0 ? 7 : foreground, background: background < 0 ? 0 : background)
        if !defaultColoursWork, key.foreground == key.background { key.foreground = key.background == 0 ? 7 : 0 }
        return key == ColourPair(foreground: -1, background: -1) ? nil : key
    }

    /// The number of the pair for `key`, defining it if new; 0 (default colours) if curses refuses.
    private func pair(_ key: ColourPair) -> Int32 {
        if let number = pairs[key] { return number }
        let number = Int32(pairs.count + 1)
        // The extended call: direct colours and pair numbers above 32767 do not fit init_pair's shorts.
        guard number < caseload_color_pairs(), init_extended_pair(number, key.foreground, key.background) == OK else {
            return 0
        }
        pairs[key] = number
        return number
    }

    private static func cursesAttributes(_ attributes: Attributes) -> attr_t {
        var result: attr_t = 0
        if attributes.contains(.bold) { result |= caseload_attr_bold() }
        if attributes.contains(.dim) { result |= caseload_attr_dim() }
        if attributes.contains(.underline) { result |= caseload_attr_underline() }
        if attributes.contains(.reverse) { result |= caseload_attr_reverse() }
        if attributes.contains(.italic) { result |= caseload_attr_italic() }
        return result
    }

    // MARK: Input

    /// A negative timeout waits until there is an event (or a termination signal).
    public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        guard active, !suspended else { return nil }
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds < 0 ? nil : clock.now.advanced(by: .milliseconds(timeoutMilliseconds))
        var firstRead = true
        while queued.isEmpty, pendingTerminationSignal == nil {
            let wait: Int
            if decoder.isInPaste {
                wait = Self.pasteIdleLimit
            } else if decoder.isWaiting {
                wait = Self.escapeDelay
            } else {
                let left = deadline.map { Self.milliseconds(clock.now.duration(to: $0)) } ?? Int.max
                if left <= 0 && !firstRead { break }
                wait = min(max(0, left), Self.signalPollInterval)
            }
            firstRead = false
            read(waitingUpTo: wait)
        }
        return queued.isEmpty ? nil : queued.removeFirst()
    }

    private func read(waitingUpTo milliseconds: Int) {
        let screen = caseload_stdscr()
        wtimeout(screen, Int32(milliseconds))
        var character: wint_t = 0
        switch wget_wch(screen, &character) {
        case KEY_CODE_YES where Int32(character) == KEY_RESIZE:
            needsFullRedraw = true
            queued.append(.resize(size))
        case KEY_CODE_YES:
            queued += decoder.feed(.keyCode(Int32(character)))
        case OK:
            queued += decoder.feed(.character(character))
        default:
            // Nothing arrived in time (or a signal interrupted the wait): what is held back was typed as is.
            queued += decoder.flush()
            hungUp = Self.inputHasHungUp()
        }
    }

    private static func inputHasHungUp() -> Bool {
        var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&input, 1, 0) > 0 && input.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    // MARK: Giving the terminal back

    /// Hands the terminal to another program (such as `$EDITOR`) until `resume()`.
    public func suspend() {
        guard active, !suspended else { return }
        suspended = true
        endwin()
        Self.writeToTerminal(Self.bracketedPasteOff)
    }

    /// Takes the terminal back after `suspend()`; the next `draw` repaints everything.
    public func resume() {
        guard active, suspended else { return }
        suspended = false
        Self.writeToTerminal(Self.bracketedPasteOn)
        reset_prog_mode()
        cursorShown = nil
        needsFullRedraw = true
    }

    public func restore() {
        guard active else { return }
        active = false
        if !suspended {
            endwin()
            Self.writeToTerminal(Self.bracketedPasteOff)
        }
        caseload_restore_termios()
        caseload_remove_signal_handlers()
    }

    private static func writeToTerminal(_ sequence: String) {
        let bytes = Array(sequence.utf8)
        _ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    /// Curses needs a locale that can measure wide characters. Under a plain C/POSIX locale (often
    /// the case over ssh or in containers, where the terminal is UTF-8 all the same) use C.UTF-8 for
    /// characters, rather than draw every name with an accent or in Chinese as question marks.
    private static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) == "ANSI_X3.4-1968" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
