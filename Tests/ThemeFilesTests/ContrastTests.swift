import Testing
import TerminalUI
import ThemeFiles

@Suite struct ContrastTests {
    @Test func blackOnWhiteIsTwentyOneToOne() throws {
        let ratio = try #require(ThemeContrast.contrastRatio(.rgb(0, 0, 0), .rgb(255, 255, 255)))
        #expect(abs(ratio - 21) < 0.001)
        #expect(ThemeContrast.contrastRatio(.rgb(255, 255, 255), .rgb(0, 0, 0)) == ratio)
    }

    @Test func aColourOnItselfIsOneToOne() {
        #expect(ThemeContrast.contrastRatio(.rgb(0x1e, 0x1e, 0x1e), .rgb(0x1e, 0x1e, 0x1e)) == 1)
    }

    @Test func knownWCAGExample() throws {
        // #777777 on white is the well-known just-failing grey, 4.48:1.
        let ratio = try #require(ThemeContrast.contrastRatio(.rgb(0x77, 0x77, 0x77), .rgb(255, 255, 255)))
        #expect(abs(ratio - 4.48) < 0.01)
    }

    @Test func indexedColoursUseTheXtermCubeAndGreys() {
        // 16 is the cube's black, 231 its white, 232 the darkest grey (#080808).
        #expect(ThemeContrast.contrastRatio(.indexed(16), .rgb(0, 0, 0)) == 1)
        #expect(ThemeContrast.contrastRatio(.indexed(231), .rgb(255, 255, 255)) == 1)
        #expect(ThemeContrast.contrastRatio(.indexed(232), .rgb(8, 8, 8)) == 1)
        #expect(ThemeContrast.contrastRatio(.indexed(67), .rgb(0x5f, 0x87, 0xaf)) == 1)
    }

    @Test func terminalChosenColoursHaveNoKnownContrast() {
        #expect(ThemeContrast.contrastRatio(.ansi(0), .rgb(255, 255, 255)) == nil)
        #expect(ThemeContrast.contrastRatio(.terminalDefault, .rgb(0, 0, 0)) == nil)
    }

    @Test func lowContrastTextWarnsButStillLoads() throws {
        let json = themeOnDefault(#"""
            "normal": { "fg": "#d4d4d4", "bg": "#1e1e1e" }, "muted": "#444444",
            "border": "#222222", "selected": { "fg": "#1e1e1e", "bg": "#222222", "attributes": ["reverse"] }
            """#)
        let loaded = try ThemeFixture().load(json).get()
        #expect(loaded.warnings.map(\.key) == ["styles.muted", "styles.selected"])
        #expect(loaded.warnings.first?.problem
            == "text may be hard to read: contrast between #444444 and #1e1e1e is 1.7:1; aim for at least 4.5:1")
    }
}
