import TerminalUI

/// How theme colours become curses colour numbers on a terminal with a given number of colours
/// (curses' `COLORS`). Pure, so the mapping is tested without a terminal.
public enum ColourMapping {
    /// The theme to draw with: `Theme.monochrome` when `NO_COLOR` is set to anything non-empty
    /// (no-color.org) or the terminal has fewer than 8 colours; otherwise `requested`.
    public static func effectiveTheme(requested: Theme, environment: [String: String], terminalColours: Int) -> Theme {
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return .monochrome }
        return terminalColours < 8 ? .monochrome : requested
    }

    /// Curses colour numbers for a role's colours (-1 is the terminal's default), plus attributes
    /// to add: bright black on an 8-colour terminal becomes the default foreground, dimmed,
    /// because plain black would vanish on a dark background.
    public static func colours(for style: RoleStyle, terminalColours: Int) -> (foreground: Int16, background: Int16, added: Attributes) {
        let dimmedGrey = terminalColours < 16 && style.foreground == .ansi(8)
        return (
            dimmedGrey ? -1 : index(for: style.foreground, terminalColours: terminalColours),
            index(for: style.background, terminalColours: terminalColours),
            dimmedGrey ? .dim : []
        )
    }

    /// The curses colour number for `colour`; -1 for the terminal's default.
    public static func index(for colour: Color, terminalColours: Int) -> Int16 {
        switch colour {
        case .terminalDefault:
            return -1
        case .ansi(let n) where n < 16:
            if Int(n) < terminalColours { return Int16(n) }
            return n == 8 ? -1 : Int16(n % 8)
        case .ansi(let n), .indexed(let n):
            if terminalColours >= 256 || Int(n) < min(16, terminalColours) { return Int16(n) }
            if n < 16 { return index(for: .ansi(n), terminalColours: terminalColours) }
            return nearest(to: rgb(ofIndexed: n), among: 0..<min(16, terminalColours))
        case .rgb(let r, let g, let b):
            let target = (Int(r), Int(g), Int(b))
            if terminalColours >= 256 { return nearestXterm256(to: target) }
            return nearest(to: target, among: 0..<min(16, terminalColours))
        }
    }

    /// xterm's default first sixteen colours.
    private static let ansiPalette: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The levels of each channel in xterm's 6x6x6 colour cube (indices 16-231).
    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    static func rgb(ofIndexed n: UInt8) -> (Int, Int, Int) {
        switch n {
        case 0..<16:
            return ansiPalette[Int(n)]
        case 16..<232:
            let i = Int(n) - 16
            return (cubeLevels[i / 36], cubeLevels[(i / 6) % 6], cubeLevels[i % 6])
        default:
            let grey = 8 + 10 * (Int(n) - 232)
            return (grey, grey, grey)
        }
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
        return dr * dr + dg * dg + db * db
    }

    private static func nearest(to target: (Int, Int, Int), among candidates: Range<Int>) -> Int16 {
        let best = candidates.min { distance(ansiPalette[$0], target) < distance(ansiPalette[$1], target) }
        return Int16(best ?? -1)
    }

    /// The nearer of the closest cube colour and the closest grey, as tmux does.
    private static func nearestXterm256(to target: (Int, Int, Int)) -> Int16 {
        func level(_ value: Int) -> Int {
            cubeLevels.indices.min { abs(cubeLevels[$0] - value) < abs(cubeLevels[$1] - value) }!
        }
        let cube = 16 + 36 * level(target.0) + 6 * level(target.1) + level(target.2)
        let average = (target.0 + target.1 + target.2) / 3
        let grey = 232 + min(23, max(0, (average - 3) / 10))
        let cubeDistance = distance(rgb(ofIndexed: UInt8(cube)), target)
        let greyDistance = distance(rgb(ofIndexed: UInt8(grey)), target)
        return Int16(greyDistance < cubeDistance ? grey : cube)
    }
}
