import Testing
import TerminalUI
import ThemeFiles

@Suite struct ColourFormTests {
    private func foreground(_ colour: String, palette: String = "{}") -> Color? {
        ThemeFixture().theme(themeOnDefault(#""heading": { "fg": \#(colour) }"#, palette: palette))?.style(for: .heading).foreground
    }

    @Test func namesAreTheSixteenAnsiColours() {
        #expect(foreground(#""black""#) == .ansi(0))
        #expect(foreground(#""white""#) == .ansi(7))
        #expect(foreground(#""bright-black""#) == .ansi(8))
        #expect(foreground(#""bright-blue""#) == .ansi(12))
        #expect(foreground(#""bright-white""#) == .ansi(15))
    }

    @Test func greyAndGrayAreBrightBlack() {
        #expect(foreground(#""grey""#) == .ansi(8))
        #expect(foreground(#""gray""#) == .ansi(8))
    }

    @Test func defaultIsTheTerminalsOwn() {
        #expect(foreground(#""default""#) == .terminalDefault)
    }

    @Test func numbersBelowSixteenAreAnsiAndTheRestIndexed() {
        #expect(foreground("0") == .ansi(0))
        #expect(foreground("15") == .ansi(15))
        #expect(foreground("16") == .indexed(16))
        #expect(foreground("255") == .indexed(255))
    }

    @Test func hexIsRGBInEitherCase() {
        #expect(foreground(##""#1e1E1f""##) == .rgb(0x1e, 0x1e, 0x1f))
        #expect(foreground(##""#FFA500""##) == .rgb(255, 165, 0))
    }

    @Test func paletteNamesResolveToTheirColour() {
        #expect(foreground(#""accent""#, palette: #"{ "accent": 37 }"#) == .indexed(37))
        #expect(foreground(##""ink""##, palette: ##"{ "ink": "#d4d4d4" }"##) == .rgb(0xd4, 0xd4, 0xd4))
    }

    @Test func aBareColourStyleSetsOnlyTheForeground() {
        let theme = ThemeFixture().theme(themeOnDefault(#""heading": "magenta""#))
        #expect(theme?.style(for: .heading) == RoleStyle(.magenta))
        #expect(ThemeFixture().theme(themeOnDefault(#""heading": 200"#))?.style(for: .heading) == RoleStyle(.indexed(200)))
    }

    @Test func unknownColourSaysWhatIsAllowed() {
        #expect(ThemeFixture().problems(themeOnDefault(#""selected": { "fg": "purplish" }"#)) == [
            #"styles.selected.fg: unknown colour "purplish"; use default, a name such as red or bright-blue, 0-255, #rrggbb, or a palette name"#,
        ])
    }

    @Test func nearMissColourSuggestsTheName() {
        #expect(ThemeFixture().problems(themeOnDefault(#""selected": { "bg": "bleu" }"#)) == [
            #"styles.selected.bg: unknown colour "bleu"; did you mean "blue"?"#,
        ])
    }

    @Test func colourNamesDifferingOnlyInCaseSayNamesAreLowercase() {
        #expect(ThemeFixture().problems(themeOnDefault(#""muted": "Bright-Black""#)) == [
            #"styles.muted: colour names are lowercase: use "bright-black", not "Bright-Black""#,
        ])
    }

    @Test func paletteNamesAreCaseSensitive() {
        #expect(ThemeFixture().problems(themeOnDefault(#""muted": "Ink""#, palette: #"{ "ink": 8 }"#)) == [
            #"styles.muted: palette names are case-sensitive: use "ink", not "Ink""#,
        ])
    }

    @Test func badNumbersAndHexAndTypesAreProblems() {
        let problems = ThemeFixture().problems(themeOnDefault(
            ##""muted": 256, "heading": 3.5, "border": "#12345", "risk": true, "warning": "37""##))
        #expect(problems == [
            ##"styles.border: "#12345" is not a colour; write # and six hex digits, such as #1e1e1e"##,
            "styles.heading: colour numbers must be whole numbers 0-255, not 3.5",
            "styles.muted: colour numbers must be whole numbers 0-255, not 256",
            "styles.risk: must be a colour, or an object with fg, bg and attributes",
            #"styles.warning: write colour numbers without quotes: 37, not "37""#,
        ])
    }

    @Test func booleanIsNotColourOne() {
        #expect(ThemeFixture().problems(themeOnDefault(#""muted": { "fg": true }"#)) == [
            #"styles.muted.fg: must be a colour: a name or #rrggbb in quotes, or a number 0-255"#,
        ])
    }
}
