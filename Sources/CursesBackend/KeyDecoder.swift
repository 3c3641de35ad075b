import CNCurses
import TerminalUI

/// One result of `wget_wch`: a character, or a curses key code (`KEY_UP`, `KEY_F0 + n`, ...).
public enum RawInput: Hashable, Sendable {
    case character(UInt32)
    case keyCode(Int32)
}

/// Turns what curses reads into key and paste events. Pure apart from asking curses the name of a
/// key code it does not know (`keyName`, replaced in tests), so it is tested by feeding inputs.
/// It holds input back in two cases, and says so through `isWaiting`:
/// - after Esc, because ncurses hands over sequences its terminfo entry does not know (bracketed
///   paste `ESC[200~`, tmux's Home `ESC[1~`) as Esc followed by plain characters. When nothing
///   more arrives within the escape delay the caller calls `flush()` and Esc is a key of its own.
///   Alt-b and Alt-f (`ESC b`, `ESC f`) are the word keys; any other Alt-x is `.escape`, then `x`.
/// - inside a bracketed paste, until `ESC[201~`; `flush()` there delivers what has arrived, so a
///   lost end marker cannot swallow every later key.
public struct KeyDecoder: Sendable {
    private enum State: Sendable {
        case ground
        case escape(String.UnicodeScalarView)
        case paste(String.UnicodeScalarView)
    }

    private var state = State.ground
    private let keyName: @Sendable (Int32) -> String?

    /// `keyName` names a key code curses made up at run time for a terminfo extended capability.
    public init(keyName: @escaping @Sendable (Int32) -> String? = KeyDecoder.cursesKeyName) {
        self.keyName = keyName
    }

    /// Curses' name for a key code: `kLFT5` for the Ctrl-Left it read as `ESC[1;5D`.
    public static func cursesKeyName(_ code: Int32) -> String? {
        keyname(code).map { String(cString: $0) }
    }

    /// True while input is held back: call `flush()` if nothing more arrives soon.
    public var isWaiting: Bool {
        if case .ground = state { return false }
        return true
    }

    public var isInPaste: Bool {
        if case .paste = state { return true }
        return false
    }

    public mutating func feed(_ input: RawInput) -> [TerminalEvent] {
        switch (state, input) {
        case (.ground, .character(0x1B)):
            state = .escape(String.UnicodeScalarView())
            return []
        case (.ground, .character(let code)):
            return Self.key(forCharacter: code).map { [.key($0)] } ?? []
        case (.ground, .keyCode(let code)):
            let key = Self.key(forKeyCode: code) ?? keyName(code).flatMap { Self.extendedKeys[$0] }
            return key.map { [.key($0)] } ?? []
        case (.escape(var sequence), .character(let code)):
            guard let scalar = Unicode.Scalar(code) else { return flush() }
            sequence.append(scalar)
            let text = String(sequence)
            if text == Self.pasteStart {
                state = .paste(String.UnicodeScalarView())
                return []
            }
            if let key = Self.escapeSequences[text] {
                state = .ground
                return [.key(key)]
            }
            if Self.isPrefixOfKnownSequence(text) {
                state = .escape(sequence)
                return []
            }
            state = .escape(sequence)
            return flush()
        case (.escape, .keyCode):
            return flush() + feed(input)
        case (.paste(var text), .character(let code)):
            guard let scalar = Unicode.Scalar(code) else { return [] }
            text.append(scalar)
            if text.last == "~", String(text).hasSuffix(Self.pasteEnd) {
                text.removeLast(Self.pasteEnd.unicodeScalars.count)
                state = .ground
                return [.paste(Self.cleanedPaste(text))]
            }
            state = .paste(text)
            return []
        case (.paste, .keyCode):
            // ncurses matched a key sequence inside pasted text; the paste is text, not commands.
            return []
        }
    }

    /// Nothing more arrived: emits whatever is held back as typed.
    public mutating func flush() -> [TerminalEvent] {
        switch state {
        case .ground:
            return []
        case .escape(let sequence):
            state = .ground
            // The characters after Esc were typed (Alt-x, or Esc then a quick key): replay them.
            return [.key(.escape)] + sequence.flatMap { feed(.character($0.value)) }
        case .paste(let text):
            state = .ground
            return [.paste(Self.cleanedPaste(text))]
        }
    }

    private static let pasteStart = "[200~"
    private static let pasteEnd = "\u{1B}[201~"

    /// Sequences after Esc that some terminals send but their terminfo entry may not list
    /// (tmux sends `ESC[1~`/`ESC[4~` for Home/End whatever TERM says; rxvt `ESC[7~`/`ESC[8~`).
    private static let escapeSequences: [String: Key] = [
        "[A": .up, "[B": .down, "[C": .right, "[D": .left,
        "OA": .up, "OB": .down, "OC": .right, "OD": .left,
        "[H": .home, "[F": .end, "OH": .home, "OF": .end,
        "[1~": .home, "[7~": .home, "[4~": .end, "[8~": .end,
        "[2~": .insert, "[3~": .delete, "[5~": .pageUp, "[6~": .pageDown, "[Z": .backTab,
        // xterm's Ctrl- and Alt-arrows (1;5 and 1;3), rxvt's Ctrl-arrows, and readline's Alt-b/f.
        "[1;5D": .wordLeft, "[1;3D": .wordLeft, "Od": .wordLeft, "b": .wordLeft,
        "[1;5C": .wordRight, "[1;3C": .wordRight, "Oc": .wordRight, "f": .wordRight,
    ]

    /// The same keys when terminfo lists them as extended capabilities: ncurses then decodes them
    /// itself, into key codes it numbers at run time (553 for kLFT5 under xterm-256color).
    private static let extendedKeys: [String: Key] = [
        "kLFT5": .wordLeft, "kLFT3": .wordLeft, "kRIT5": .wordRight, "kRIT3": .wordRight,
    ]

    private static func isPrefixOfKnownSequence(_ text: String) -> Bool {
        pasteStart.hasPrefix(text) || escapeSequences.keys.contains { $0.hasPrefix(text) }
    }

    /// Line ends become "\n" (terminals paste newlines as CR); other control characters are dropped.
    private static func cleanedPaste(_ scalars: String.UnicodeScalarView) -> String {
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in scalars {
            switch scalar {
            case "\r": result.append("\n")
            case "\n": if previous != "\r" { result.append(scalar) }
            case "\t": result.append(scalar)
            default: if scalar.properties.generalCategory != .control { result.append(scalar) }
            }
            previous = scalar
        }
        return String(result)
    }

    static func key(forCharacter code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        // Ctrl-H and DEL: terminals disagree about which one Backspace sends.
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(code + 0x60)!))
        case 0..<32, 0x80..<0xA0: return nil
        default: return Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }

    static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        // Some terminfo entries name the Home and End keys Find and Select (kfnd, kslt).
        case KEY_HOME, KEY_FIND, KEY_A1: return .home
        case KEY_END, KEY_SELECT, KEY_C1: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_ENTER: return .enter
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        // Mouse, and modified keys (kLFT5 and friends: see `extendedKeys`): not here.
        default: return nil
        }
    }
}
