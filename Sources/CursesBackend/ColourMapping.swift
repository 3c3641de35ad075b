import TerminalUI

/// How many colours a terminal can show, from curses' `COLORS`. Ordered from least to most, so
/// a theme falls back along the chain: direct (24-bit) → 256 → 16 → 8 → none (monochrome).
public enum ColourDepth: Comparable, Sendable {
    case none, eight, sixteen, indexed256, direct

    public init(terminalColours: Int) {
        switch terminalColours {
        case ..<8: self = .none
        case 8..<16: self = .eight
        case 16..<256: self = .sixteen
        case 256..<0x100_0000: self = .indexed256
        default: self = .direct
        }
    }
}

/// How theme colours become curses colour numbers at a given colour depth. Pure, so the mapping
/// is tested without a terminal.
public enum ColourMapping {
    /// `Theme.monochrome` on a terminal without colour, otherwise `requested`. (`NO_COLOR` is the
    /// caller's to decide: a theme chosen on the command line overrides it.)
    public static func effectiveTheme(requested: Theme, depth: ColourDepth) -> Theme {
        depth == .none ? .monochrome : requested
    }

    /// Curses colour numbers for a role's colours (-1 is the terminal's default; at `.direct`,
    /// values from 8 up are packed 0xRRGGBB), plus attributes to add: bright black on a terminal
    /// with fewer than 16 colours becomes the default foreground, dimmed, because plain black would
    /// vanish on a dark background.
    public static func colours(for style: RoleStyle, depth: ColourDepth) -> (foreground: Int32, background: Int32, added: Attributes) {
        let dimmedGrey = depth < .sixteen && (style.foreground == .ansi(8) || style.foreground == .indexed(8))
        let background = index(for: style.background, depth: depth)
        var foreground = dimmedGrey ? -1 : index(for: style.foreground, depth: depth)
        // Two different theme colours can fall on the same palette entry (dark greys on 16 colours),
        // which would make the text invisible: draw it in black or white instead, whichever stands out.
        if depth < .direct, foreground >= 0, foreground == background {
            foreground = contrasting(with: background, depth: depth)
        }
        return (foreground, background, dimmedGrey ? .dim : [])
    }

    /// The curses colour number for `colour` at `depth`; -1 for the terminal's default.
    public static func index(for colour: Color, depth: ColourDepth) -> Int32 {
        switch (colour, depth) {
        case (.terminalDefault, _), (_, .none):
            return -1
        case (.ansi(let n), .direct) where n < 8, (.indexed(let n), .direct) where n < 8:
            // ncurses' direct-colour convention (xterm-direct): values below 8 are the terminal's
            // own ANSI colours, as in the other depths.
            return Int32(n)
        case (.ansi(let n), .direct), (.indexed(let n), .direct):
            // Colours 8-255 have no number of their own in direct mode: use xterm's default RGB for them.
            return packed(rgb(ofIndexed: n))
        case (.rgb(let r, let g, let b), .direct):
            return packed((Int(r), Int(g), Int(b)))
        case (.ansi(let n), _) where n < 16, (.indexed(let n), _) where n < 16:
            if Int(n) < depth.paletteSize { return Int32(n) }
            return n == 8 ? -1 : Int32(n % 8)
        case (.ansi(let n), _), (.indexed(let n), _):
            if Int(n) < depth.paletteSize { return Int32(n) }
            return nearest(to: rgb(ofIndexed: n), among: 0..<depth.paletteSize)
        case (.rgb(let r, let g, let b), .indexed256):
            return nearestXterm256(to: (Int(r), Int(g), Int(b)))
        case (.rgb(let r, let g, let b), _):
            return nearest(to: (Int(r), Int(g), Int(b)), among: 0..<depth.paletteSize)
        }
    }

    /// 0xRRGGBB, except that values below 8 (#000000 to #000007) would be read as ANSI colours
    /// 0-7, so they become #000008: indistinguishable from black, and never the terminal's palette.
    private static func packed(_ rgb: (Int, Int, Int)) -> Int32 {
        max(8, Int32(rgb.0 << 16 | rgb.1 << 8 | rgb.2))
    }

    /// Black or (bright, where there is one) white, whichever is farther from `background`.
    private static func contrasting(with background: Int32, depth: ColourDepth) -> Int32 {
        let white: Int32 = depth >= .sixteen ? 15 : 7
        let backgroundRGB = rgb(ofIndexed: UInt8(background))
        let black = distance(rgb(ofIndexed: 0), backgroundRGB) > distance(rgb(ofIndexed: UInt8(white)), backgroundRGB)
        return black ? 0 : white
    }

    /// xterm's default first sixteen colours.
    private static let ansiPalette: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// How far apart a colour's channels may be for it to count as a grey.
    private static let greyTolerance = 24

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

    /// The palette entry nearest `target`. A grey keeps to the greys (black, white and their bright
    /// forms): by distance alone mid-grey is nearest yellow on eight colours.
    private static func nearest(to target: (Int, Int, Int), among candidates: Range<Int>) -> Int32 {
        let isGrey = max(target.0, target.1, target.2) - min(target.0, target.1, target.2) <= greyTolerance
        let allowed = isGrey ? candidates.filter { [0, 7, 8, 15].contains($0) } : Array(candidates)
        let best = allowed.min { distance(ansiPalette[$0], target) < distance(ansiPalette[$1], target) }
        return best.map(Int32.init) ?? -1
    }

    /// The nearer of the closest cube colour and the closest grey, as tmux does.
    private static func nearestXterm256(to target: (Int, Int, Int)) -> Int32 {
        func level(_ value: Int) -> Int {
            cubeLevels.indices.min { abs(cubeLevels[$0] - value) < abs(cubeLevels[$1] - value) }!
        }
        let cube = 16 + 36 * level(target.0) + 6 * level(target.1) + level(target.2)
        let average = (target.0 + target.1 + target.2) / 3
        let grey = 232 + min(23, max(0, (average - 3) / 10))
        let cubeDistance = distance(rgb(ofIndexed: UInt8(cube)), target)
        let greyDistance = distance(rgb(ofIndexed: UInt8(grey)), target)
        return Int32(greyDistance < cubeDistance ? grey : cube)
    }
}

private extension ColourDepth {
    /// How many of xterm's numbered colours the depth can use (all 256 from `.indexed256` up).
    var paletteSize: Int {
        switch self {
        case .none: 0
        case .eight: 8
        case .sixteen: 16
        case .indexed256, .direct: 256
        }
    }
}
