/// One row of wrapped text, as the editor shows it.
public struct VisualLine: Hashable, Sendable {
    /// Grapheme offsets into the text. The line break that ends a paragraph belongs to no row.
    public var range: Range<Int>
    public var text: String
    /// Columns the row takes.
    public var width: Int

    public init(range: Range<Int>, text: String, width: Int) {
        self.range = range
        self.text = text
        self.width = width
    }
}

/// Text word-wrapped at a width, with every grapheme's width at hand, so that moving the cursor
/// and drawing do not walk the string again. Built in one pass: O(length) per key and per frame.
///
/// Wrapping rules, chosen so that every cursor position has a column inside the field:
/// - a word that does not fit moves to the next row; a word longer than a row breaks between graphemes;
/// - text fills at most `width - 1` columns, and a space may take the last column, so the space
///   after the last word of a row and the cursor after it stay on that row;
/// - spaces are kept (a run too long for the row continues on the next), so offsets never shift;
/// - a paragraph whose last row is full gets an empty row for the cursor after it.
struct TextLayout {
    let width: Int
    let characters: [Character]
    let widths: [UInt8]
    /// Rows in order. Their lower bounds strictly increase, which `row(of:)` relies on.
    private(set) var rows: [Range<Int>] = []

    init(_ text: String, width: Int) {
        self.width = max(1, width)
        characters = Array(text)
        widths = characters.map(Self.columns)
        var start = 0
        for (offset, character) in characters.enumerated() where character == "\n" {
            wrap(start..<offset)
            start = offset + 1
        }
        wrap(start..<characters.count)
    }

    /// Plain ASCII is most text: measure it without looking up Unicode properties.
    private static func columns(_ character: Character) -> UInt8 {
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii != 0x7F ? 1 : 0 }
        return UInt8(TextWidth.of(character))
    }

    private mutating func wrap(_ paragraph: Range<Int>) {
        var start = paragraph.lowerBound
        var column = 0
        // Where the current word starts when spaces before it on this row allow a break there.
        var wordStart: Int?
        var wordColumn = 0
        var offset = start
        while offset < paragraph.upperBound {
            let isSpace = characters[offset] == " "
            if !isSpace, offset > start, characters[offset - 1] == " " {
                wordStart = offset
                wordColumn = column
            }
            let limit = isSpace ? width : width - 1
            // A row always takes its first grapheme, even one wider than the row, so wrapping ends.
            if column + Int(widths[offset]) > limit, offset > start {
                let end = isSpace ? offset : (wordStart ?? offset)
                rows.append(start..<end)
                column = end == offset ? 0 : column - wordColumn
                start = end
                wordStart = nil
                continue
            }
            column += Int(widths[offset])
            offset += 1
        }
        rows.append(start..<paragraph.upperBound)
        if column >= width { rows.append(paragraph.upperBound..<paragraph.upperBound) }
    }

    /// The row the cursor at `offset` is on: at a soft wrap, the start of the next row.
    func row(of offset: Int) -> Int {
        var low = 0, high = rows.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if rows[middle].lowerBound <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The last cursor position on `row`: its end, unless that position starts the next row.
    func lastPosition(ofRow row: Int) -> Int {
        let end = rows[row].upperBound
        let wrapsHere = row + 1 < rows.count && rows[row + 1].lowerBound == end
        return wrapsHere ? end - 1 : end
    }

    func column(of offset: Int, inRow row: Int) -> Int {
        widths[rows[row].lowerBound..<offset].reduce(0) { $0 + Int($1) }
    }

    /// The position on `row` nearest `column` without passing it: never the middle of a wide character.
    func offset(inRow row: Int, column target: Int) -> Int {
        let last = lastPosition(ofRow: row)
        var offset = rows[row].lowerBound
        var column = 0
        while offset < last, column + Int(widths[offset]) <= target {
            column += Int(widths[offset])
            offset += 1
        }
        return offset
    }

    func line(_ row: Int) -> VisualLine {
        let range = rows[row]
        return VisualLine(
            range: range,
            text: String(characters[range]),
            width: widths[range].reduce(0) { $0 + Int($1) }
        )
    }

    /// The first row to show in `height` rows: as close to `top` as keeps `cursorRow` in view,
    /// and never leaving empty rows below the text that earlier rows could fill.
    func visibleTop(from top: Int, cursorRow: Int, height: Int) -> Int {
        let height = max(1, height)
        let filled = min(max(0, top), max(0, rows.count - height))
        return max(min(filled, cursorRow), cursorRow - height + 1)
    }
}
