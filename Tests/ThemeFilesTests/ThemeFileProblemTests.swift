import Foundation
import Testing
import TerminalUI
import ThemeFiles

@Suite struct ThemeFileProblemTests {
    @Test func unknownTopLevelKeySuggestsTheRightOne() {
        #expect(ThemeFixture().problems(#"{ "inherits": "default", "stlyes": {}, "colours": {} }"#) == [
            #"colours: unknown key "colours"; use description, inherits, palette, styles"#,
            #"stlyes: unknown key "stlyes"; did you mean "styles"?"#,
        ])
    }

    @Test func unknownRoleSuggestsTheNearestRole() {
        #expect(ThemeFixture().problems(themeOnDefault(#""hint_key": "red", "selectd": "red""#)) == [
            #"styles.hint_key: unknown role "hint_key"; did you mean "hint-key"?"#,
            #"styles.selectd: unknown role "selectd"; did you mean "selected"?"#,
        ])
    }

    @Test func unknownRoleWithNothingCloseListsTheRoles() {
        let problems = ThemeFixture().problems(themeOnDefault(#""sidebar": "red""#))
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix(#"styles.sidebar: unknown role "sidebar"; roles are normal, muted, "#) == true)
        #expect(problems.first?.hasSuffix("chart-bar and banner") == true)
    }

    @Test func unknownStyleKeyNamesTheAllowedKeys() {
        #expect(ThemeFixture().problems(themeOnDefault(#""selected": { "foreground": "red", "bgg": "blue" }"#)) == [
            #"styles.selected.bgg: unknown key "bgg"; did you mean "bg"?"#,
            #"styles.selected.foreground: unknown key "foreground"; use fg, bg, attributes"#,
        ])
    }

    @Test func unknownAttributeIsAProblem() {
        #expect(ThemeFixture().problems(themeOnDefault(#""selected": { "attributes": ["bold", "blink", "Italic", 3] }"#)) == [
            #"styles.selected.attributes: unknown attribute "blink"; use bold, dim, underline, reverse, italic"#,
            #"styles.selected.attributes: attribute names are lowercase: use "italic", not "Italic""#,
            "styles.selected.attributes: each attribute must be a name in quotes: bold, dim, underline, reverse, italic",
        ])
    }

    @Test func badJSONSaysWhereByLineAndColumn() {
        let json = "{\n  \"inherits\": \"default\",\n  \"styles\": { \"muted\": \"red\" \"border\": \"red\" }\n}"
        #expect(ThemeFixture().problems(json) == ["not valid JSON: invalid value around line 3, column 30"])
    }

    @Test func invalidUTF8SaysWhere() throws {
        let fixture = ThemeFixture()
        let file = fixture.user.appendingPathComponent("test.json")
        try Data([0x7B, 0x0A, 0x22, 0xC3, 0xA9, 0xFF, 0x22, 0x7D]).write(to: file)
        #expect(fixture.catalogue.check(path: file.path).problems.map(\.problem) == [
            "not UTF-8 text at line 2, column 3; save the file as UTF-8",
        ])
    }

    @Test func emptyFileAndNonObjectAreProblems() {
        #expect(ThemeFixture().problems("  \n") == [#"the file is empty; a theme is a JSON object such as { "styles": { } }"#])
        #expect(ThemeFixture().problems(#"["default"]"#) == [
            #"a theme file must hold one JSON object, such as { "inherits": "default", "styles": { } }"#,
        ])
    }

    @Test func wrongTypesAreAllReported() {
        let json = #"{ "description": 3, "inherits": ["default"], "palette": [], "styles": "red" }"#
        #expect(ThemeFixture().problems(json) == [
            "description: must be text in quotes",
            #"inherits: must be a theme name in quotes, such as "default""#,
            ##"palette: must be an object of names and colours, such as { "ink": "#d4d4d4" }"##,
            #"styles: must be an object of roles and styles, such as { "normal": { "fg": "white" } }"#,
            #"styles: no style for "normal", "muted", "heading", "border", "selected", "focused-field", "input-field", "hint-key", "hint-text", "message", "error", "warning", "success", "risk", "search-match", "chart-bar" and "banner"; add them or inherit from a theme that has them ("inherits": "default")"#,
        ])
    }

    @Test func attributesMustBeAList() {
        #expect(ThemeFixture().problems(themeOnDefault(#""selected": { "attributes": "bold" }"#)) == [
            #"styles.selected.attributes: must be a list such as ["bold", "underline"]"#,
        ])
    }

    @Test func missingRoleSaysHowToFixIt() {
        var styles = Role.allCases.filter { $0 != .selected }.map { #""\#($0.themeKey)": "default""# }
        #expect(ThemeFixture().problems(#"{ "styles": { \#(styles.joined(separator: ", ")) } }"#) == [
            #"styles: no style for "selected"; add one or inherit from a theme that has it ("inherits": "default")"#,
        ])
        styles.append(#""selected": "default""#)
        #expect(ThemeFixture().problems(#"{ "styles": { \#(styles.joined(separator: ", ")) } }"#) == [])
    }

    @Test func paletteNamesMayNotBeColourNamesAndValuesMustBeColours() {
        let palette = ##"{ "red": "#ff0000", "ink": "paper", "paper": "#ffffff", "fog": "mist" }"##
        #expect(ThemeFixture().problems(themeOnDefault(#""muted": "ink""#, palette: palette)) == [
            #"palette.fog: unknown colour "mist"; palette values must be default, a name such as red or bright-blue, 0-255, or #rrggbb"#,
            #"palette.ink: "paper" is another palette name; palette values must be default, a name such as red or bright-blue, 0-255, or #rrggbb"#,
            #"palette.red: "red" is already a colour name; give the palette entry another name"#,
        ])
    }

    @Test func everyProblemInAFileIsReported() {
        let json = #"{ "inherits": "default", "extra": 1, "palette": { "a": "nope" }, "styles": { "muted": "missing", "rsk": "red" } }"#
        #expect(ThemeFixture().problems(json).count == 4)
    }

    @Test func problemsDescribeThemselvesAsFileKeyProblem() {
        #expect(ThemeProblem(file: "themes/x.json", key: "styles.selected.fg", problem: "bad").description
            == "themes/x.json: styles.selected.fg: bad")
        #expect(ThemeProblem(file: "themes/x.json", key: "", problem: "bad").description == "themes/x.json: bad")
        #expect(ThemeFailure(problems: [ThemeProblem(file: "a", key: "b", problem: "c"), ThemeProblem(file: "d", key: "", problem: "e")])
            .description == "a: b: c\nd: e")
    }
}
