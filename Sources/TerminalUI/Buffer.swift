/// One terminal cell. A wide character occupies its cell (width 2) and the next (width 0, empty text).
public struct Cell: Hashable, Sendable {
    public var text: String
    public var width: UInt8
    public var style: Style

    public init(_ text: String = " ", width: UInt8 = 1, style: Style = .normal) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell()
    static func continuation(_ style: Style) -> Cell { Cell("", width: 0, style: style) }
}

/// An in-memory screen: screens render into it, the backend draws it, tests read it as text.
public struct Buffer: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = size
        self.cells = Array(repeating: .blank, count: max(0, size.width) * max(0, size.height))
    }

    public var area: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.width + x]
    }

    private func contains(_ x: Int, _ y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size.width && y < size.height
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        let index = y * size.width + x
        // Overwriting half of a wide character blanks the other half so no orphan remains.
        if cells[index].width == 0, x > 0 { cells[index - 1] = Cell(" ", style: cells[index - 1].style) }
        if cells[index].width == 2, x + 1 < size.width { cells[index + 1] = Cell(" ", style: cells[index + 1].style) }
        cells[index] = cell
    }

    /// Writes `text` from (x, y), clipped to `maxWidth` columns (default: to the buffer's edge), ending
    /// in `…` when cut. Control characters show as spaces. Returns the columns written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .normal) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let limit = min(maxWidth ?? Int.max, size.width - max(0, x))
        guard limit > 0 else { return 0 }
        let visible = TextWidth.truncate(text, to: limit)
        var column = x
        for character in visible {
            var width = TextWidth.of(character)
            var grapheme = String(character)
            if width == 0 {
                if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) {
                    grapheme = " "
                    width = 1
                } else {
                    continue
                }
            }
            if column >= 0 && contains(column + width - 1, y) {
                set(column, y, Cell(grapheme, width: UInt8(width), style: style))
                if width == 2 { set(column + 1, y, .continuation(style)) }
            }
            column += width
        }
        return column - x
    }

    /// Fills `rect` with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .normal) {
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            for x in max(0, rect.x)..<min(size.width, rect.maxX) {
                set(x, y, Cell(" ", style: style))
            }
        }
    }

    /// Restyles the cells of `rect` without changing their text (used for selection highlights).
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            for x in max(0, rect.x)..<min(size.width, rect.maxX) {
                cells[y * size.width + x].style = transform(cells[y * size.width + x].style)
            }
        }
    }

    /// The screen as plain text, one line per row, trailing spaces removed: what snapshot tests compare.
    public var text: String {
        rows.map { row in
            var line = ""
            for cell in row where cell.width > 0 { line += cell.text }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    public var rows: [ArraySlice<Cell>] {
        (0..<size.height).map { y in cells[(y * size.width)..<((y + 1) * size.width)] }
    }
}
