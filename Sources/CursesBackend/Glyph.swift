import CNCurses

/// What to hand curses for one cell so that curses and the terminal both move exactly the cell's
/// width. Both measure with the C library's `wcwidth`, which knows single code points only:
/// a ZWJ emoji sequence, a flag or a skin-tone emoji would make them disagree with the buffer and
/// with each other, and every later column on the line would drift. So a cell is drawn as its first
/// code point plus the combining marks curses can store (`CCHARW_MAX` in all), and padded with
/// spaces if that is narrower than the cell.
struct Glyph: Equatable {
    /// The code points for `setcchar`, NUL-terminated.
    var characters: [wchar_t]
    /// Spaces to draw after it, to fill the cell.
    var padding: Int

    static let maximumCodePoints = 5  // CCHARW_MAX in ncurses' curses.h

    init(characters: [wchar_t], padding: Int) {
        self.characters = characters
        self.padding = padding
    }

    /// `columns` is the cell's width (1 or 2); `width` measures one code point as curses will.
    init(_ text: String, columns: Int, width: (Unicode.Scalar) -> Int = Glyph.cLibraryWidth) {
        let scalars = text.unicodeScalars
        guard let base = scalars.first, case let baseWidth = width(base), baseWidth > 0, baseWidth <= columns else {
            // Unprintable here (a control character, or CJK under a non-UTF-8 locale): keep the columns.
            self.init(characters: [wchar_t(UInt8(ascii: "?")), 0], padding: columns - 1)
            return
        }
        var characters = [wchar_t(bitPattern: base.value)]
        for scalar in scalars.dropFirst() {
            // Past a joiner, or at a second spacing code point, the rest is another picture.
            if scalar.value == 0x200D || width(scalar) != 0 { break }
            // A variation selector may switch a one-column symbol to two-column emoji in some
            // terminals but not in wcwidth: leave it out.
            if (0xFE00...0xFE0F).contains(scalar.value) { continue }
            if characters.count == Self.maximumCodePoints { break }
            characters.append(wchar_t(bitPattern: scalar.value))
        }
        self.init(characters: characters + [0], padding: columns - baseWidth)
    }

    static func cLibraryWidth(_ scalar: Unicode.Scalar) -> Int {
        Int(caseload_wcwidth(scalar.value))
    }
}
