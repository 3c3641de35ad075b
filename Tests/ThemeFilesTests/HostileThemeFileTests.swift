import Foundation
import Testing
import TerminalUI
import ThemeFiles

/// Files in a themes folder that are not what they seem: each is listed with its problem, never
/// dropped in silence, and none stalls the start.
@Suite struct HostileThemeFileTests {
    @Test func aLinkThatLeadsNowhereIsListedWithItsProblem() throws {
        let fixture = ThemeFixture()
        let link = fixture.user.appendingPathComponent("gone.json")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/nonexistent/theme.json")
        #expect(fixture.catalogue.entries.contains { $0.name == "gone" && $0.source == .user(link.path) })
        let problems = fixture.catalogue.check(path: link.path).problems.map(\.problem)
        #expect(problems == ["is a link to \"/nonexistent/theme.json\", which cannot be reached"])
    }

    @Test func aHugeFileIsRefusedWithoutBeingRead() {
        let fixture = ThemeFixture()
        let entries = (0..<20_000).map { "\"name\($0)\": \"#102030\"" }.joined(separator: ", ")
        let path = fixture.user("huge", "{ \"inherits\": \"default\", \"palette\": { \(entries) } }")
        let problems = fixture.catalogue.check(path: path).problems.map(\.problem)
        #expect(problems.count == 1)
        #expect(problems.first?.hasSuffix("a theme file is at most 256 KB") == true, "\(problems)")
    }

    @Test func controlCharactersInADescriptionNeverReachTheTerminal() {
        let fixture = ThemeFixture()
        fixture.user("odd", #"{ "description": "Two\nlines \u001b[31mred", "inherits": "default" }"#)
        let description = fixture.catalogue.entries.first { $0.name == "odd" }?.description
        #expect(description == "Two lines  [31mred")
    }
}
