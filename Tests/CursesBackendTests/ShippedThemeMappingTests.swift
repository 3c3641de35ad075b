import Foundation
import Testing
import TerminalUI
import ThemeFiles
@testable import CursesBackend

/// Every shipped theme as the terminal receives it at each colour depth: a table to review when a
/// theme or the mapping changes. `UPDATE_SNAPSHOTS=1` rewrites it.
@Suite struct ShippedThemeMappingTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyShippedThemeAtEveryDepth() throws {
        let catalogue = ThemeCatalogue(userDirectory: nil, shippedDirectory: Self.repository.appendingPathComponent("themes"))
        var table = "Each role: foreground/background as curses colour numbers (-1 the terminal's own; direct as #rrggbb)\n"
        table += "and the attributes sent, at direct colour, 256, 16 and 8 colours. No colour at all is always monochrome.\n"
        for entry in catalogue.entries {
            let theme = try catalogue.load(entry.name).get().theme
            table += "\n\(entry.name)\n"
            for role in Role.allCases {
                let style = theme.style(for: role)
                let columns = [ColourDepth.direct, .indexed256, .sixteen, .eight].map { depth in
                    let mapped = ColourMapping.colours(for: style, depth: depth)
                    let colours = "\(Self.written(mapped.foreground, depth))/\(Self.written(mapped.background, depth))"
                    let attributes = Self.words(style.attributes.union(mapped.added))
                    return colours + (attributes.isEmpty ? "" : " " + attributes)
                }
                table += "  " + role.themeKey.padding(toLength: 14, withPad: " ", startingAt: 0) + columns.joined(separator: " | ") + "\n"
            }
        }
        try expectGolden(table, named: "shipped-themes.txt")
    }

    static func written(_ colour: Int32, _ depth: ColourDepth) -> String {
        guard depth == .direct, colour >= 8 else { return "\(colour)" }
        return "#" + String(colour, radix: 16).leftPadded(to: 6)
    }

    static func words(_ attributes: Attributes) -> String {
        [(Attributes.bold, "bold"), (.dim, "dim"), (.underline, "underline"), (.reverse, "reverse"), (.italic, "italic")]
            .filter { attributes.contains($0.0) }.map(\.1).joined(separator: "+")
    }

    func expectGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: false, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "differs from Golden/\(name); run with UPDATE_SNAPSHOTS=1 and review", sourceLocation: sourceLocation)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
