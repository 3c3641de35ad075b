import Testing
import TerminalUI
@testable import CursesBackend

@Suite struct ColourMappingTests {
    @Test(arguments: [
        (0, ColourDepth.none), (2, .none), (7, .none), (8, .eight), (15, .eight), (16, .sixteen), (88, .sixteen),
        (255, .sixteen), (256, .indexed256), (0xFF_FFFF, .indexed256), (0x100_0000, .direct),
    ])
    func depthFromTerminalColours(colours: Int, depth: ColourDepth) {
        #expect(ColourDepth(terminalColours: colours) == depth)
    }

    @Test func depthsAreOrderedAlongTheFallbackChain() {
        #expect(ColourDepth.none < .eight && ColourDepth.eight < .sixteen)
        #expect(ColourDepth.sixteen < .indexed256 && ColourDepth.indexed256 < .direct)
    }

    @Test func defaultIsMinusOne() {
        for depth in [ColourDepth.none, .eight, .sixteen, .indexed256, .direct] {
            #expect(ColourMapping.index(for: .terminalDefault, depth: depth) == -1)
        }
    }

    /// One colour per row, mapped at each depth: direct, then 256, 16 and 8 colours.
    @Test(arguments: [
        (Color.rgb(255, 135, 0), [0xFF8700, 208, 3, 3]),  // orange: exact, then the cube, then yellow
        (.rgb(255, 0, 0), [0xFF0000, 196, 9, 1]),
        (.rgb(0, 0, 128), [0x000080, 18, 4, 4]),
        (.rgb(0, 200, 0), [0x00C800, 40, 2, 2]),
        (.rgb(250, 250, 250), [0xFAFAFA, 231, 15, 7]),
        (.indexed(208), [0xFF8700, 208, 3, 3]),
        (.indexed(196), [0xFF0000, 196, 9, 1]),
        (.indexed(232), [0x080808, 232, 0, 0]),  // the darkest grey, near black
        (.indexed(4), [4, 4, 4, 4]),
        (.ansi(3), [3, 3, 3, 3]),
        (.ansi(12), [0x5C5CFF, 12, 12, 4]),  // bright blue: xterm's RGB, then plain blue
        (.ansi(8), [0x7F7F7F, 8, 8, -1]),  // bright black: the default (dimmed) below 16 colours
    ])
    func fallbackChain(colour: Color, expected: [Int32]) {
        let mapped = [ColourDepth.direct, .indexed256, .sixteen, .eight].map { ColourMapping.index(for: colour, depth: $0) }
        #expect(mapped == expected)
    }

    @Test func noColoursMapsEverythingToTheDefault() {
        let mapped = ColourMapping.colours(for: RoleStyle(.rgb(255, 0, 0), on: .blue, [.bold]), depth: .none)
        #expect(mapped.foreground == -1 && mapped.background == -1 && mapped.added == [])
    }

    @Test func directPacksRGBAndNudgesNearBlackOffTheANSIColours() {
        #expect(ColourMapping.index(for: .rgb(0x12, 0x34, 0x56), depth: .direct) == 0x123456)
        #expect(ColourMapping.index(for: .rgb(255, 255, 255), depth: .direct) == 0xFFFFFF)
        // Below 8 a direct colour means an ANSI colour: #000000 would be the terminal's colour 0
        // and #000001 its red, so both become #000008.
        #expect(ColourMapping.index(for: .rgb(0, 0, 0), depth: .direct) == 8)
        #expect(ColourMapping.index(for: .rgb(0, 0, 1), depth: .direct) == 8)
        #expect(ColourMapping.index(for: .rgb(0, 0, 8), depth: .direct) == 8)
        #expect(ColourMapping.index(for: .rgb(0, 0, 9), depth: .direct) == 9)
        #expect(ColourMapping.index(for: .indexed(16), depth: .direct) == 8)  // the cube's black
        #expect(ColourMapping.index(for: .ansi(0), depth: .direct) == 0)
        #expect(ColourMapping.index(for: .ansi(7), depth: .direct) == 7)
        #expect(ColourMapping.index(for: .ansi(15), depth: .direct) == 0xFFFFFF)
    }

    @Test func brightBlackBelowSixteenColoursIsDimDefault() {
        let mapped = ColourMapping.colours(for: RoleStyle(.ansi(8), on: .blue), depth: .eight)
        #expect(mapped.foreground == -1 && mapped.background == 4 && mapped.added == .dim)
        let rich = ColourMapping.colours(for: RoleStyle(.ansi(8)), depth: .sixteen)
        #expect(rich.foreground == 8 && rich.added == [])
    }

    @Test func greysKeepToBlackAndWhiteBelow256Colours() {
        // By distance alone, mid-grey is nearer yellow than white on eight colours.
        #expect(ColourMapping.index(for: .rgb(128, 128, 128), depth: .eight) == 7)
        #expect(ColourMapping.index(for: .rgb(128, 128, 128), depth: .sixteen) == 8)
        #expect(ColourMapping.index(for: .rgb(0x98, 0xA1, 0xAB), depth: .eight) == 7)
        #expect(ColourMapping.index(for: .indexed(244), depth: .eight) == 7)
        #expect(ColourMapping.index(for: .rgb(0x30, 0x30, 0x30), depth: .sixteen) == 0)
        // A colour, however muted, still finds a colour.
        #expect(ColourMapping.index(for: .rgb(0xE0, 0xB0, 0x50), depth: .eight) == 3)
    }

    @Test func textThatWouldVanishBecomesBlackOrWhite() {
        // Two dark greys land on the same colour below 256 colours.
        let darkOnDarker = RoleStyle(.rgb(0x30, 0x30, 0x30), on: .rgb(0x1C, 0x1C, 0x1C))
        let sixteen = ColourMapping.colours(for: darkOnDarker, depth: .sixteen)
        #expect(sixteen.foreground == 15 && sixteen.background == 0)
        let eight = ColourMapping.colours(for: darkOnDarker, depth: .eight)
        #expect(eight.foreground == 7 && eight.background == 0)
        let indexed = ColourMapping.colours(for: darkOnDarker, depth: .indexed256)
        #expect(indexed.foreground == 236 && indexed.background == 234)
        let direct = ColourMapping.colours(for: darkOnDarker, depth: .direct)
        #expect(direct.foreground == 0x303030 && direct.background == 0x1C1C1C)

        // On a light background the text turns black.
        let lightOnLight = ColourMapping.colours(for: RoleStyle(.rgb(250, 250, 250), on: .rgb(255, 255, 255)), depth: .sixteen)
        #expect(lightOnLight.foreground == 0 && lightOnLight.background == 15)
        let greysAt256 = ColourMapping.colours(for: RoleStyle(.rgb(250, 250, 250), on: .indexed(231)), depth: .indexed256)
        #expect(greysAt256.foreground == 0 && greysAt256.background == 231)

        // The terminal's default colours are never compared.
        let onDefault = ColourMapping.colours(for: RoleStyle(.terminalDefault, on: .terminalDefault), depth: .eight)
        #expect(onDefault.foreground == -1 && onDefault.background == -1)
    }

    @Test func effectiveTheme() {
        let theme = Theme.builtInDefault
        for depth in [ColourDepth.eight, .sixteen, .indexed256, .direct] {
            #expect(ColourMapping.effectiveTheme(requested: theme, depth: depth) == theme)
        }
        #expect(ColourMapping.effectiveTheme(requested: theme, depth: .none) == .monochrome)
    }
}
