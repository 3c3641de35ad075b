/// A one-line text field's contents and cursor, edited by keys. Pure value: the form owns it,
/// the renderer draws it. The cursor counts characters (graphemes), so it can never sit inside one.
public struct TextInput: Hashable, Sendable, Codable {
    public private(set) var text: String
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        self.cursor = text.count
    }

    /// Applies an editing key. Returns false when the key is not an editing key (the caller handles it).
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c): insert(String(c))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end: cursor = text.count
        case .backspace:
            guard cursor > 0 else { return true }
            remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < text.count else { return true }
            remove(at: cursor)
        case .control("u"):
            text.removeSubrange(text.startIndex..<index(cursor))
            cursor = 0
        case .control("k"):
            text.removeSubrange(index(cursor)...)
        case .control("w"):
            let start = previousWordStart()
            text.removeSubrange(index(start)..<index(cursor))
            cursor = start
        default: return false
        }
        return true
    }

    /// Inserts text at the cursor. Line breaks and tabs become spaces: this is a one-line field.
    public mutating func insert(_ string: String) {
        let flattened = String(string.map { $0.isNewline || $0 == "\t" ? " " : $0 })
            .filter { !($0.unicodeScalars.first.map { $0.properties.generalCategory == .control } ?? false) }
        cursor = text.insert(flattened, atGrapheme: cursor)
    }

    private func index(_ offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: min(offset, text.count))
    }

    private mutating func remove(at offset: Int) {
        text.remove(at: index(offset))
    }

    private func previousWordStart() -> Int {
        let characters = Array(text)
        var position = cursor
        while position > 0 && characters[position - 1] == " " { position -= 1 }
        while position > 0 && characters[position - 1] != " " { position -= 1 }
        return position
    }

    /// Draws the field in `width` columns, scrolled so the cursor shows. Returns the cursor column
    /// relative to the field's start.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        let characters = Array(text)
        let beforeCursor = TextWidth.of(String(characters[..<cursor]))
        // Keep one column free for the cursor at the end of the text.
        var start = 0
        var startColumn = 0
        while beforeCursor - startColumn > width - 1 && start < characters.count {
            startColumn += TextWidth.of(characters[start])
            start += 1
        }
        var shown = ""
        var used = 0
        for character in characters[start...] {
            let w = TextWidth.of(character)
            if used + w > width { break }
            shown.append(character)
            used += w
        }
        return (shown, beforeCursor - startColumn)
    }
}
