import Foundation
import Testing

/// Colour themes as a person meets them: without colour, on an 8-colour terminal, choosing one in
/// the picker so it lasts, a broken theme of their own, and the themes commands.
@Suite(.timeLimit(.minutes(3)))
struct ThemeTests {
    static func userThemes(_ world: EndToEnd) throws -> URL {
        let directory = world.home.appendingPathComponent(".config/caseload/themes", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("NO_COLOR=1: no colour at all, and the selected row and risk marks still stand out")
    func noColour() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            let pane = try world.launch(["--data-dir", data.path], environment: ["NO_COLOR": "1"])
            let list = try await pane.waitUntil("the list") { $0.isFullFrame(width: 100, height: 30) && $0.selectedRow != nil }
            let styled = try pane.styledScreen()
            #expect(styled.colourParameters.isEmpty, "no colour codes:\n\(styled.text)")
            #expect(styled.parameters(before: "▶")?.contains(7) == true, "the selected row is reversed:\n\(styled.text)")
            let riskRow = try #require(list.lines.firstIndex { $0.hasPrefix(" !") }, "a client with a risk mark: \(list)")
            let risk = StyledScreen.parameters(in: styled.lines[riskRow], before: "!").flatMap { $0 }
            #expect(risk.contains(1) && risk.contains(4), "the risk mark is bold and underlined: \(risk)")

            try pane.press("T")
            let picker = try await pane.waitFor("Colour theme")
            #expect(picker.dialogText.contains("NO_COLOR is set"), "the picker says why: \(picker)")
            try pane.press("Escape")
            try pane.press("q")
            #expect(try await pane.waitForExit() == 0)
        }
    }

    @Test("TERM=xterm (8 colours): only the eight basic colours, and the selection has a background")
    func eightColours() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            for theme in ["default", "dark", "high-contrast"] {
                let pane = try world.launch(["--data-dir", data.path, "--theme", theme], environment: ["TERM": "xterm"])
                try await pane.waitUntil("the list in \(theme)") { $0.isFullFrame(width: 100, height: 30) && $0.selectedRow != nil }
                let styled = try pane.styledScreen()
                let colours = Set(styled.colourParameters)
                #expect(!colours.isEmpty, "\(theme): in colour")
                #expect(colours.isSubset(of: Set(30...37).union(40...47)),
                        "\(theme): basic colours only, got \(colours.sorted()):\n\(styled.text)")
                let selected = styled.parameters(before: "▶") ?? []
                #expect(selected.contains { (40...47).contains($0) } || selected.contains(7),
                        "\(theme): the selected row has a background: \(selected)")
                try pane.press("q")
                #expect(try await pane.waitForExit() == 0)
            }
        }
    }

    @Test("A theme chosen in the picker is previewed, saved in settings.json and used next time")
    func chosenThemeLasts() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            let pane = try await world.open(data)
            let before = try pane.styledScreen()
            #expect(!before.text.contains("48;5;235"), "the default uses the terminal's background")

            try pane.press("T")
            try await pane.waitFor("Colour theme")
            // The list is sorted by name; the default is chosen, and dark is just above it.
            try pane.press("Up")
            try await pane.waitUntil("dark previewed") { _ in (try? pane.styledScreen().text.contains("48;5;235")) == true }
            try pane.press("Enter")
            try await pane.waitFor("Theme “dark” saved")
            let settings = try String(contentsOf: data.appendingPathComponent("settings.json"), encoding: .utf8)
            #expect(settings.contains("\"theme\" : \"dark\""), "\(settings)")
            try pane.press("q")
            #expect(try await pane.waitForExit() == 0)

            let again = try await world.open(data)
            #expect(try again.styledScreen().text.contains("48;5;235"), "dark again on the next start")
            try again.press("q")
            #expect(try await again.waitForExit() == 0)
        }
    }

    @Test("A broken theme of one's own: Caseload starts in the default and says which file, key and problem")
    func brokenThemeFallsBack() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            let broken = try Self.userThemes(world).appendingPathComponent("mine.json")
            try #"{"inherits": "dark", "styles": {"selected": {"fg": "bleu"}}}"#.write(to: broken, atomically: true, encoding: .utf8)

            let pane = try world.launch(["--data-dir", data.path], environment: ["CASELOAD_THEME": "mine"])
            let start = try await pane.waitFor("Theme not usable, so “default” is shown: press ! for why")
            #expect(start.selectedRow != nil, "the list is there: \(start)")
            try pane.press("!")
            let why = try await pane.waitFor("styles.selected.fg")
            #expect(why.dialogText.contains("unknown colour \"bleu\""), "\(why)")
            #expect(why.dialogText.contains("mine.json"), "\(why)")
            try pane.press("Escape")
            try pane.press("q")
            #expect(try await pane.waitForExit() == 0)

            let check = try world.run(["themes", "check", broken.path])
            #expect(check.status == 1)
            #expect(check.stdout.contains("\(broken.path): styles.selected.fg: unknown colour \"bleu\""), "\(check.stdout)")
        }
    }

    @Test("caseload themes list: shipped themes, one's own beside them and in place of a shipped one")
    func listingThemes() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let mine = try Self.userThemes(world)
        try ##"{"description": "Mine, darker", "inherits": "dark", "palette": {"paper": "#000000"}}"##
            .write(to: mine.appendingPathComponent("night.json"), atomically: true, encoding: .utf8)
        try #"{"description": "My default", "inherits": "default", "styles": {"selected": {"fg": "black", "bg": "green"}}}"#
            .write(to: mine.appendingPathComponent("default.json"), atomically: true, encoding: .utf8)

        let list = try world.run(["themes", "list"])
        #expect(list.status == 0, "\(list.stderr)")
        let rows = list.stdout.split(separator: "\n").map(String.init)
        for name in ["colour-blind-safe", "dark", "high-contrast", "light", "monochrome"] {
            #expect(rows.contains { $0.hasPrefix(name + " ") && $0.contains("shipped") }, "\(name):\n\(list.stdout)")
        }
        #expect(rows.contains { $0.hasPrefix("night ") && $0.contains("yours") && $0.contains("Mine, darker") }, "\(list.stdout)")
        #expect(rows.contains { $0.hasPrefix("default ") && $0.contains("yours (replaces shipped)") }, "\(list.stdout)")
        #expect(list.stdout.contains("Your themes:    \(mine.path)"), "\(list.stdout)")

        let saved = try world.run(["settings", "--data-dir", world.makeDemo().path, "--start-theme", "night"])
        #expect(saved.status == 0, "\(saved.stderr)")
        let refused = try world.run(["settings", "--data-dir", world.root.appendingPathComponent("data").path, "--start-theme", "nigth"])
        #expect(refused.status == 1 && refused.stderr.contains("did you mean \"night\""), "\(refused.stderr)")
        let shown = try world.run(["settings", "--data-dir", world.root.appendingPathComponent("data").path])
        #expect(shown.stdout.contains("Theme: night"), "\(shown.stdout)")

        let check = try world.run(["themes", "check", "night", "high-contrast"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("night.json: can be used"), "\(check.stdout)")
    }

    @Test("An installed binary finds the themes beside it; without them the built-in default still works")
    func installedBinary() async throws {
        try await withEndToEnd { world in
            let installed = world.root.appendingPathComponent("opt/lib/caseload", isDirectory: true)
            try FileManager.default.createDirectory(at: installed, withIntermediateDirectories: true)
            let binary = installed.appendingPathComponent("caseload")
            try FileManager.default.copyItem(at: world.binary, to: binary)
            let linkFolder = world.root.appendingPathComponent("bin", isDirectory: true)
            try FileManager.default.createDirectory(at: linkFolder, withIntermediateDirectories: true)
            let link = linkFolder.appendingPathComponent("caseload")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: binary)

            let bare = try Command.run(link, ["themes", "list"], environment: world.environment(), stdin: "/dev/null")
            #expect(bare.stdout.contains("Shipped themes: not found"), "\(bare.stdout)")
            #expect(bare.stdout.contains("default") && bare.stdout.contains("built in"), "\(bare.stdout)")

            let data = try world.makeDemo()
            let pane = try world.tmux.launch([link.path, "--data-dir", data.path, "--theme", "dark"], environment: world.environment(),
                                             width: 100, height: 30, stdinFromDevNull: false)
            let fallback = try await pane.waitFor("Theme not usable, so “default” is shown: press ! for why")
            #expect(fallback.selectedRow != nil)
            try pane.press("q")
            #expect(try await pane.waitForExit() == 0)

            let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("themes", isDirectory: true)
            try FileManager.default.copyItem(at: shipped, to: installed.appendingPathComponent("themes", isDirectory: true))
            let found = try Command.run(link, ["themes", "list"], environment: world.environment(), stdin: "/dev/null")
            #expect(found.stdout.contains("Shipped themes: \(installed.path)/themes"), "\(found.stdout)")
            #expect(found.stdout.contains("high-contrast"), "\(found.stdout)")
        }
    }
}
