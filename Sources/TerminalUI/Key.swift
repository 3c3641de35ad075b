/// A key press, decoded by the backend from whatever the terminal sent.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl plus a letter, lowercased: Ctrl-S is `.control("s")`.
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    /// A word back or forward: Ctrl- or Alt-arrow, or Alt-b / Alt-f.
    case wordLeft, wordRight
    case function(Int)

    /// How help and the hint bar name this key.
    public var label: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .control(let c): "Ctrl-" + c.uppercased()
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .insert: "Ins"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .wordLeft: "Ctrl-←"
        case .wordRight: "Ctrl-→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let n): "F\(n)"
        }
    }
}

/// Everything the app loop reacts to.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    case resize(Size)
    /// Text that arrived as a bracketed paste: insert it, never interpret it as commands.
    case paste(String)
}
