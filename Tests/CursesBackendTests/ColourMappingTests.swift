import Testing
import TerminalUI
@testable import CursesBackend

@Suite struct ColourMappingTests {
    @Test func defaultIsMinusOne() {
        for colours in [0, 8, 16, 256] {
            #expect(ColourMapping.index(for: .terminalDefault, terminalColours: colours) == -1)
        }
    }

    @Test func ansiColours() {
        #expect(ColourMapping.index(for: .ansi(3), terminalColours: 8) == 3)
        #expect(ColourMapping.index(for: .ansi(12), terminalColours: 16) == 12)
        #expect(ColourMapping.index(for: .ansi(12), terminalColours: 8) == 4)
        #expect(ColourMapping.index(for: .ansi(8), terminalColours: 256) == 8)
    }

    @Test func brightBlackOnEightColoursIsDimDefault() {
        let mapped = ColourMapping.colours(for: RoleStyle(.ansi(8), on: .blue), terminalColours: 8)
        #expect(mapped.foreground == -1 && mapped.background == 4 && mapped.added == .dim)
        let rich = ColourMapping.colours(for: RoleStyle(.ansi(8)), terminalColours: 16)
        #expect(rich.foreground == 8 && rich.added == [])
    }

    @Test func indexedColours() {
        #expect(ColourMapping.index(for: .indexed(208), terminalColours: 256) == 208)
        #expect(ColourMapping.index(for: .indexed(196), terminalColours: 16) == 9)  // pure red
        #expect(ColourMapping.index(for: .indexed(196), terminalColours: 8) == 1)
        #expect(ColourMapping.index(for: .indexed(9), terminalColours: 8) == 1)
        #expect(ColourMapping.index(for: .indexed(232), terminalColours: 8) == 0)  // near black
    }

    @Test func rgbColours() {
        #expect(ColourMapping.index(for: .rgb(255, 0, 0), terminalColours: 256) == 196)
        #expect(ColourMapping.index(for: .rgb(0, 0, 0), terminalColours: 256) == 16)
        #expect(ColourMapping.index(for: .rgb(128, 128, 128), terminalColours: 256) == 244)
        #expect(ColourMapping.index(for: .rgb(255, 135, 0), terminalColours: 256) == 208)
        #expect(ColourMapping.index(for: .rgb(0, 200, 0), terminalColours: 8) == 2)
        #expect(ColourMapping.index(for: .rgb(250, 250, 250), terminalColours: 16) == 15)
    }

    @Test func effectiveTheme() {
        let theme = Theme.builtInDefault
        #expect(ColourMapping.effectiveTheme(requested: theme, environment: [:], terminalColours: 256) == theme)
        #expect(ColourMapping.effectiveTheme(requested: theme, environment: ["NO_COLOR": "1"], terminalColours: 256) == .monochrome)
        #expect(ColourMapping.effectiveTheme(requested: theme, environment: ["NO_COLOR": ""], terminalColours: 256) == theme)
        #expect(ColourMapping.effectiveTheme(requested: theme, environment: [:], terminalColours: 0) == .monochrome)
    }
}
