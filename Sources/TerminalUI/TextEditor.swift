/// A multi-line text field's contents, cursor and scroll, edited by keys. Pure value, like
/// `TextInput`: the screen owns it, `render` draws it. The cursor counts graphemes, so it can never
/// sit inside one; up and down move by wrapped row and aim for the column they started from.
///
/// The text holds no control characters but "\n": line ends are normalised to "\n", tabs become
/// four spaces, and anything else a terminal cannot show is dropped, whether typed, pasted or given.
public struct TextEditor: Hashable, Sendable, Codable {
    public private(set) var text: String
    /// Grapheme offset into `text`, in 0...text.count.
    public private(set) var cursor: Int
    /// The first wrapped row shown. `handle` keeps the cursor's row in view, and `render` scrolls
    /// further only when the field is smaller than the page `handle` was given.
    public var scrollTop = 0
    /// The display column up and down aim for, kept while they pass shorter rows.
    private var preferredColumn: Int?

    private enum CodingKeys: String, CodingKey {
        case text, cursor, scrollTop
    }

    /// The cursor starts at the end of the text.
    public init(_ text: String = "") {
        self.text = Self.normalised(text)
        cursor = self.text.count
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = Self.normalised(try container.decode(String.self, forKey: .text))
        cursor = min(max(0, try container.decode(Int.self, forKey: .cursor)), text.count)
        scrollTop = max(0, try container.decodeIfPresent(Int.self, forKey: .scrollTop) ?? 0)
    }

    // MARK: Keys

    /// Applies an editing key for a field `width` columns wide showing `pageHeight` rows, then
    /// scrolls so the cursor shows. Returns false when the key is not an editing key (Tab, Esc,
    /// Ctrl-S, function keys ...) so the caller can use it.
    @discardableResult
    public mutating func handle(_ key: Key, width: Int, pageHeight: Int) -> Bool {
        var keepsColumn = false
        // Moves that wrap the text themselves leave it unchanged, so scrolling can reuse their layout.
        var layout: TextLayout?
        switch key {
        case .character(let character): insert(String(character))
        case .enter: insert("\n")
        case .backspace:
            if cursor > 0 { remove(cursor - 1..<cursor) }
        case .delete, .control("d"):
            if cursor < text.count { remove(cursor..<cursor + 1) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .up, .down, .pageUp, .pageDown:
            let wrapped = TextLayout(text, width: width)
            moveVertically(key, layout: wrapped, pageHeight: pageHeight)
            keepsColumn = true
            layout = wrapped
        case .home, .control("a"):
            let wrapped = TextLayout(text, width: width)
            cursor = wrapped.rows[wrapped.row(of: cursor)].lowerBound
            layout = wrapped
        case .end:
            let wrapped = TextLayout(text, width: width)
            cursor = wrapped.lastPosition(ofRow: wrapped.row(of: cursor))
            layout = wrapped
        case .wordLeft: cursor = Self.previousWordStart(in: Array(text), before: cursor)
        case .wordRight: cursor = Self.nextWordEnd(in: Array(text), after: cursor)
        case .control("u"): deleteToLineStart()
        case .control("k"): deleteToLineEnd()
        case .control("w"): deletePreviousWord()
        default: return false
        }
        if !keepsColumn { preferredColumn = nil }
        scroll(to: layout ?? TextLayout(text, width: width), height: pageHeight)
        return true
    }

    /// Inserts text at the cursor as text, never as commands: for pastes and external edits.
    public mutating func insert(_ string: String) {
        let addition = Self.normalised(string)
        guard !addition.isEmpty else { return }
        cursor = text.insert(addition, atGrapheme: cursor)
        preferredColumn = nil
    }

    private mutating func scroll(to layout: TextLayout, height: Int) {
        scrollTop = layout.visibleTop(from: scrollTop, cursorRow: layout.row(of: cursor), height: height)
    }

    private mutating func moveVertically(_ key: Key, layout: TextLayout, pageHeight: Int) {
        let row = layout.row(of: cursor)
        let column = preferredColumn ?? layout.column(of: cursor, inRow: row)
        preferredColumn = column
        let page = max(1, pageHeight)
        let step = switch key {
        case .up: -1
        case .down: 1
        case .pageUp: -page
        default: page
        }
        let target = min(max(0, row + step), layout.rows.count - 1)
        // Already on the first or last row: go to the very start or end, as most editors do.
        if target == row {
            cursor = step < 0 ? 0 : layout.characters.count
            return
        }
        cursor = layout.offset(inRow: target, column: column)
        // A page key scrolls the view with the cursor, so the cursor keeps its place on screen.
        if key == .pageUp || key == .pageDown { scrollTop = max(0, scrollTop + target - row) }
    }

    // MARK: Deleting

    private mutating func remove(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let start = index(range.lowerBound)
        text.removeSubrange(start..<text.index(start, offsetBy: range.count))
        // Graphemes either side may merge into one (a line break between a letter and a combining mark).
        cursor = min(range.lowerBound, text.count)
    }

    /// Ctrl-U: back to the start of the line; at the start, joins it to the line before.
    private mutating func deleteToLineStart() {
        let characters = Array(text)
        var start = cursor
        while start > 0, characters[start - 1] != "\n" { start -= 1 }
        remove((start == cursor ? max(0, cursor - 1) : start)..<cursor)
    }

    /// Ctrl-K: to the end of the line; at the end, joins the next line to it.
    private mutating func deleteToLineEnd() {
        let characters = Array(text)
        var end = cursor
        while end < characters.count, characters[end] != "\n" { end += 1 }
        remove(cursor..<(end == cursor ? min(characters.count, cursor + 1) : end))
    }

    /// Ctrl-W: the word before the cursor, as far back as a space (like the shell's), or one
    /// line break, so that it never swallows several lines at once.
    private mutating func deletePreviousWord() {
        let characters = Array(text)
        var start = cursor
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        remove((start == cursor ? max(0, cursor - 1) : start)..<cursor)
    }

    // MARK: Words

    /// Letters, digits and "_" make words, as for readline's Alt-b and Alt-f.
    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    private static func previousWordStart(in characters: [Character], before offset: Int) -> Int {
        var position = offset
        while position > 0, !isWordCharacter(characters[position - 1]) { position -= 1 }
        while position > 0, isWordCharacter(characters[position - 1]) { position -= 1 }
        return position
    }

    private static func nextWordEnd(in characters: [Character], after offset: Int) -> Int {
        var position = offset
        while position < characters.count, !isWordCharacter(characters[position]) { position += 1 }
        while position < characters.count, isWordCharacter(characters[position]) { position += 1 }
        return position
    }

    // MARK: Layout and drawing

    /// The text word-wrapped at `width` columns, one entry per screen row.
    public func lines(width: Int) -> [VisualLine] {
        let layout = TextLayout(text, width: width)
        return layout.rows.indices.map(layout.line)
    }

    /// The cursor's wrapped row (from the top of the text) and column; the column is below `width`.
    public func cursorPosition(width: Int) -> (row: Int, column: Int) {
        let layout = TextLayout(text, width: width)
        let row = layout.row(of: cursor)
        return (row, layout.column(of: cursor, inRow: row))
    }

    /// Draws the rows from `scrollTop` that fit in `area` (scrolled further if the cursor would not
    /// show) and returns the cursor's screen position; nil for an empty area.
    public func render(into buffer: inout Buffer, area: Rect, style: Style) -> (x: Int, y: Int)? {
        guard !area.isEmpty else { return nil }
        buffer.fill(area, style: style)
        let layout = TextLayout(text, width: area.width)
        let cursorRow = layout.row(of: cursor)
        let top = layout.visibleTop(from: scrollTop, cursorRow: cursorRow, height: area.height)
        for row in top..<min(layout.rows.count, top + area.height) {
            buffer.write(layout.line(row).text, x: area.x, y: area.y + row - top, maxWidth: area.width, style: style)
        }
        return (area.x + layout.column(of: cursor, inRow: cursorRow), area.y + cursorRow - top)
    }

    // MARK: Helpers

    private func index(_ offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) ?? text.endIndex
    }

    /// Line ends become "\n" (pastes bring "\r\n" and "\r"), tabs four spaces (they have no width
    /// of their own in a cell grid); other control characters are dropped.
    static func normalised(_ string: String) -> String {
        var result = ""
        result.reserveCapacity(string.utf8.count)
        for character in string {
            if character.isNewline {
                result.append("\n")
            } else if character == "\t" {
                result.append("    ")
            } else if character.unicodeScalars.first?.properties.generalCategory != .control {
                result.append(character)
            }
        }
        return result
    }
}
