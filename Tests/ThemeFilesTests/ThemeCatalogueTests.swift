import Foundation
import Testing
import TerminalUI
import ThemeFiles

@Suite struct ThemeCatalogueTests {
    @Test func entriesAreOnePerNameSortedWithTheHighestLayerWinning() {
        let fixture = ThemeFixture()
        let shippedDark = fixture.shipped("dark", #"{ "description": "Shipped dark", "inherits": "default" }"#)
        let userDark = fixture.user("dark", #"{ "description": "My dark", "inherits": "dark" }"#)
        let shippedLight = fixture.shipped("light", #"{ "description": "Shipped light", "inherits": "default" }"#)
        let broken = fixture.user("broken", #"{ "description": "Broken", "#)
        fixture.write("not a theme", to: fixture.user.appendingPathComponent("notes.txt"))
        typealias Entry = ThemeCatalogue.Entry
        #expect(fixture.catalogue.entries == [
            Entry(name: "broken", description: nil, source: .user(broken), overridesShipped: false),
            Entry(name: "dark", description: "My dark", source: .user(userDark), overridesShipped: true),
            Entry(name: "default", description: "The terminal's own colours with cyan and yellow highlights; reads on dark and light backgrounds",
                  source: .builtIn, overridesShipped: false),
            Entry(name: "light", description: "Shipped light", source: .shipped(shippedLight), overridesShipped: false),
            Entry(name: "monochrome", description: "No colour at all: bold, underline and reverse mark what matters",
                  source: .builtIn, overridesShipped: false),
        ])
        #expect(!fixture.catalogue.entries.contains { $0.source == .shipped(shippedDark) })
    }

    @Test func aUserThemeOverridesTheShippedOneOfTheSameName() throws {
        let fixture = ThemeFixture()
        fixture.shipped("dark", themeOnDefault(#""heading": "blue""#))
        let userDark = fixture.user("dark", themeOnDefault(#""heading": "green""#))
        let loaded = try fixture.catalogue.load("dark").get()
        #expect(loaded.theme.style(for: .heading) == RoleStyle(.green))
        #expect(loaded.source == .user(userDark))
    }

    @Test func aShippedFileOverridesTheBuiltIn() throws {
        let fixture = ThemeFixture()
        let shipped = fixture.shipped("monochrome", themeOnDefault(#""heading": "blue""#))
        let loaded = try fixture.catalogue.load("monochrome").get()
        #expect(loaded.source == .shipped(shipped))
        #expect(loaded.theme.style(for: .heading) == RoleStyle(.blue))
    }

    @Test func builtInsLoadWithNoDirectoriesAtAll() throws {
        let catalogue = ThemeCatalogue(userDirectory: nil, shippedDirectory: URL(fileURLWithPath: "/nonexistent/themes"))
        #expect(try catalogue.load("default").get().theme == Theme.builtInDefault)
        #expect(try catalogue.load("monochrome").get() == LoadedTheme(theme: .monochrome, warnings: [], source: .builtIn))
        #expect(catalogue.entries.map(\.name) == ["default", "monochrome"])
    }

    @Test func anUnknownNameListsTheAvailableThemes() {
        let fixture = ThemeFixture()
        fixture.shipped("dark", themeOnDefault(""))
        guard case .failure(let failure) = fixture.catalogue.load("drak") else {
            Issue.record("an unknown name must fail")
            return
        }
        #expect(failure.description == #"no theme called "drak"; did you mean "dark"? Available: dark, default, monochrome"#)
    }

    @Test func aPathLoadsTheFileAndResolvesItsParentByName() throws {
        let fixture = ThemeFixture()
        fixture.shipped("dark", themeOnDefault(#""heading": "blue""#))
        let elsewhere = fixture.root.appendingPathComponent("mine.json")
        let path = fixture.write(#"{ "inherits": "dark", "styles": { "muted": "red" } }"#, to: elsewhere)
        let loaded = try fixture.catalogue.load(path).get()
        #expect(loaded.theme.name == "mine")
        #expect(loaded.theme.style(for: .heading) == RoleStyle(.blue))
        #expect(loaded.theme.style(for: .muted) == RoleStyle(.red))
        #expect(loaded.source == .file(path))
    }

    @Test func aPathToAMissingFileSaysSo() {
        guard case .failure(let failure) = ThemeFixture().catalogue.load("nowhere/mine.json") else {
            Issue.record("a missing file must fail")
            return
        }
        #expect(failure.description == "nowhere/mine.json: no such file")
    }

    @Test func aPathToAUserFileThatExtendsItsOwnNameIsNotALoop() throws {
        let fixture = ThemeFixture()
        let path = fixture.user("default", #"{ "inherits": "default", "styles": { "muted": "red" } }"#)
        #expect(fixture.catalogue.check(path: path) == ThemeCheck(problems: [], warnings: []))
        #expect(try fixture.catalogue.load(path).get().theme.style(for: .muted) == RoleStyle(.red))
    }

    @Test func checkReportsProblemsAgainstThePathAsGiven() {
        let fixture = ThemeFixture()
        let path = fixture.write(themeOnDefault(#""muted": "nope""#), to: fixture.root.appendingPathComponent("x.json"))
        #expect(fixture.catalogue.check(path: path).problems == [
            ThemeProblem(file: path, key: "styles.muted", problem: #"unknown colour "nope"; use default, a name such as red or bright-blue, 0-255, #rrggbb, or a palette name"#),
        ])
    }
}
