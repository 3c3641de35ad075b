import Foundation
import Testing
import TerminalUI
import ThemeFiles

@Suite struct InheritanceTests {
    private let dark = #"""
    { "inherits": "default",
      "palette": { "paper": "#1e1e1e", "ink": "#d4d4d4", "accent": 37 },
      "styles": {
        "normal": { "fg": "ink", "bg": "paper" },
        "selected": { "fg": "paper", "bg": "accent", "attributes": ["bold"] },
        "heading": { "fg": "accent" },
        "muted": { "attributes": ["dim"] } } }
    """#

    @Test func missingColoursComeFromTheNormalRole() throws {
        let theme = try #require(ThemeFixture().theme(dark))
        #expect(theme.style(for: .muted) == RoleStyle(.rgb(0xd4, 0xd4, 0xd4), on: .rgb(0x1e, 0x1e, 0x1e), [.dim]))
        #expect(theme.style(for: .heading) == RoleStyle(.indexed(37), on: .rgb(0x1e, 0x1e, 0x1e)))
    }

    @Test func inheritedStylesKeepTheirOwnColours() throws {
        let theme = try #require(ThemeFixture().theme(dark))
        // The default's border names bright-black and no background: the background is now the paper.
        #expect(theme.style(for: .border) == RoleStyle(.ansi(8), on: .rgb(0x1e, 0x1e, 0x1e)))
        #expect(theme.style(for: .error) == Theme.builtInDefault.style(for: .error))
    }

    @Test func theBuiltInAndTheShippedDefaultAreTheSameParent() throws {
        let fixture = ThemeFixture()
        let onBuiltIn = try #require(fixture.theme(dark))
        try FileManager.default.copyItem(at: repositoryThemes.appendingPathComponent("default.json"),
                                         to: fixture.shipped.appendingPathComponent("default.json"))
        #expect(try fixture.catalogue.load("default").get().source != .builtIn)
        #expect(fixture.theme(dark) == onBuiltIn)
    }

    @Test func normalWithoutColoursUsesTheTerminalsOwn() throws {
        let theme = try #require(ThemeFixture().theme(themeOnDefault(#""normal": { "attributes": ["bold"] }"#)))
        #expect(theme.style(for: .normal) == RoleStyle(.terminalDefault, on: .terminalDefault, [.bold]))
    }

    @Test func aChildsRoleStyleReplacesTheParentsWholeStyle() throws {
        let theme = try #require(ThemeFixture().theme(themeOnDefault(#""error": { "fg": "red" }"#)))
        #expect(theme.style(for: .error) == RoleStyle(.red))
        #expect(theme.name == "test")
    }

    @Test func aPaletteOnlyVariantChangesEveryRoleUsingIt() throws {
        let fixture = ThemeFixture()
        fixture.shipped("dark", dark)
        fixture.user("teal", ##"{ "inherits": "dark", "palette": { "accent": "#008080" } }"##)
        let theme = try fixture.catalogue.load("teal").get().theme
        #expect(theme.style(for: .heading).foreground == .rgb(0, 0x80, 0x80))
        #expect(theme.style(for: .selected).background == .rgb(0, 0x80, 0x80))
        #expect(theme.style(for: .normal).background == .rgb(0x1e, 0x1e, 0x1e))
    }

    @Test func aChildsPaletteNameIsFoundWhenOnlyTheParentUsesIt() {
        let fixture = ThemeFixture()
        fixture.shipped("base", themeOnDefault(#""heading": "accent""#))
        #expect(fixture.problems(#"{ "inherits": "base", "palette": { "accent": 37 } }"#) == [])
        #expect(fixture.catalogue.check(path: fixture.shipped.appendingPathComponent("base.json").path).problems.map(\.key)
            == ["styles.heading"])
    }

    @Test func aUserThemeMayExtendTheShippedThemeOfTheSameName() throws {
        let fixture = ThemeFixture()
        fixture.shipped("default", themeOnDefault(#""heading": "magenta""#))
        fixture.user("default", #"{ "inherits": "default", "styles": { "muted": "bright-white" } }"#)
        let loaded = try fixture.catalogue.load("default").get()
        #expect(loaded.theme.style(for: .heading) == RoleStyle(.magenta))
        #expect(loaded.theme.style(for: .muted) == RoleStyle(.ansi(15)))
        #expect(loaded.theme.style(for: .selected) == Theme.builtInDefault.style(for: .selected))
        #expect(loaded.theme.name == "default")
    }

    @Test func inheritingItsOwnNameWithNothingBelowIsAProblem() {
        let fixture = ThemeFixture()
        fixture.user("dusk", #"{ "inherits": "dusk" }"#)
        #expect(fixture.catalogue.check(path: fixture.user.appendingPathComponent("dusk.json").path).problems.map(\.description) == [
            fixture.user.appendingPathComponent("dusk.json").path
                + #": inherits: inherits its own name, "dusk", but there is no shipped or built-in "dusk" beneath it to extend"#,
        ])
    }

    @Test func aLoopIsReportedWithItsChain() {
        let fixture = ThemeFixture()
        fixture.user("a", #"{ "inherits": "b" }"#)
        let b = fixture.user("b", #"{ "inherits": "a" }"#)
        guard case .failure(let failure) = fixture.catalogue.load("a") else {
            Issue.record("a loop must not load")
            return
        }
        #expect(failure.problems == [ThemeProblem(file: b, key: "inherits", problem: "inheritance loop: a → b → a")])
    }

    @Test func unknownParentSuggestsAndListsTheThemes() {
        let fixture = ThemeFixture()
        fixture.shipped("dark", dark)
        #expect(fixture.problems(#"{ "inherits": "drak" }"#) == [
            #"inherits: no theme called "drak" to inherit from; did you mean "dark"? Available: dark, default, monochrome, test"#,
        ])
        #expect(fixture.problems(#"{ "inherits": "solarized" }"#) == [
            #"inherits: no theme called "solarized" to inherit from; available: dark, default, monochrome, test"#,
        ])
    }

    @Test func aBrokenParentsProblemsAreReportedAgainstItsFile() {
        let fixture = ThemeFixture()
        let parent = fixture.shipped("parent", themeOnDefault(#""muted": "nope""#))
        guard case .failure(let failure) = fixture.load(#"{ "inherits": "parent" }"#) else {
            Issue.record("a broken parent must stop the child loading")
            return
        }
        #expect(failure.problems.map(\.file) == [parent])
    }
}
