import Foundation
import Testing
import TerminalUI
import ThemeFiles

@Suite struct ShippedThemeFileTests {
    private static let themesDirectory = repositoryThemes
    private let catalogue = ThemeCatalogue(userDirectory: nil, shippedDirectory: themesDirectory)

    private static func shippedFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: themesDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test func defaultFileIsExactlyTheBuiltInDefault() throws {
        let loaded = try catalogue.load("default").get()
        #expect(loaded.source == .shipped(Self.themesDirectory.appendingPathComponent("default.json").path))
        #expect(loaded.theme == Theme.builtInDefault)
    }

    @Test func monochromeFileIsExactlyTheBuiltInMonochrome() throws {
        let loaded = try catalogue.load("monochrome").get()
        #expect(loaded.source == .shipped(Self.themesDirectory.appendingPathComponent("monochrome.json").path))
        #expect(loaded.theme == Theme.monochrome)
    }

    @Test func theBuiltInsAreDescribedAsTheirFilesAre() {
        let builtIn = ThemeCatalogue(userDirectory: nil, shippedDirectory: nil).entries
        #expect(builtIn.map(\.name) == ["default", "monochrome"])
        for entry in builtIn {
            #expect(entry.description == catalogue.entries.first { $0.name == entry.name }?.description)
        }
    }

    @Test func theShippedDirectoryHoldsTheStandardThemes() {
        #expect(Self.shippedFiles().contains("default.json"))
        #expect(Self.shippedFiles().contains("monochrome.json"))
    }

    @Test(arguments: shippedFiles())
    func everyShippedThemeLoadsWithoutProblems(file: String) {
        let check = catalogue.check(path: Self.themesDirectory.appendingPathComponent(file).path)
        #expect(check.problems.map(\.description) == [])
        #expect(check.warnings.map(\.description) == [], "shipped themes meet 4.5:1 contrast")
        #expect(catalogue.entries.first { $0.name == String(file.dropLast(".json".count)) }?.description?.isEmpty == false)
    }
}

@Suite struct HighContrastThemeTests {
    @Test func everyTextRoleReachesSevenToOne() throws {
        let catalogue = ThemeCatalogue(userDirectory: nil, shippedDirectory: repositoryThemes)
        let theme = try catalogue.load("high-contrast").get().theme
        for role in Role.allCases where !ThemeContrast.decorativeRoles.contains(role) {
            let ratio = try #require(ThemeContrast.contrastRatio(of: theme.style(for: role)), "\(role.themeKey) has terminal-chosen colours")
            #expect(ratio >= 7, "\(role.themeKey) is only \(ratio):1")
        }
    }
}
