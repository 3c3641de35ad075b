import Foundation
import Testing
import CaseloadKit
import TerminalUI
@testable import CaseloadApp

/// The theme picker: live preview, keep and save, put back, and themes that cannot be used.
@Suite struct ThemePickerTests {
    static let dark: Theme = {
        var theme = Theme.builtInDefault
        theme.name = "dark"
        theme.styles[.normal] = RoleStyle(.rgb(212, 212, 212), on: .rgb(30, 30, 30))
        return theme
    }()

    static let choices = ThemeChoices(options: [
        ThemeOption(name: "dark", description: "Dark grey background, light text", origin: "shipped", theme: dark),
        ThemeOption(name: "default", description: "Your terminal's own colours", origin: "shipped", theme: .builtInDefault),
        ThemeOption(name: "mine", description: "", origin: "yours", theme: nil,
                    problem: "mine.json: styles.selected.fg: unknown colour \"bleu\""),
        ThemeOption(name: "monochrome", description: "No colour: bold, underline and reverse", origin: "shipped", theme: .monochrome),
    ], current: .builtInDefault)

    static func state(readOnly: Bool = false, settings: WorkerSettings = WorkerSettings(name: "Sam Patel")) -> AppState {
        AppState(clients: Fixture.demo, now: Fixture.now, timeZone: Fixture.utc, size: Size(width: 80, height: 24),
                 readOnlyReason: readOnly ? "read-only: open in another window" : nil, dataFolder: "/data",
                 settings: settings, themes: choices)
    }

    @Test func opensOnTheThemeInUseFromEveryHomeView() {
        for home in Home.allCases {
            var state = Self.state()
            state.home = home
            state.press(.character("T"))
            guard case .themePicker(let picker) = state.modal else {
                Issue.record("no picker from \(home)")
                continue
            }
            #expect(picker.selection == 1)
            #expect(state.screen.contains("Colour theme"))
        }
    }

    @Test func movingPreviewsAndEscPutsBackTheThemeInUse() {
        var state = Self.state()
        state.press(.character("T"), .up)
        #expect(state.themes.current == Self.dark)
        state.press(.end)
        #expect(state.themes.current == .monochrome)
        state.press(.escape)
        #expect(state.modal == nil)
        #expect(state.themes.current == .builtInDefault)
        #expect(state.message?.text == "Theme not changed")
    }

    @Test func enterKeepsTheThemeAndSavesItInTheSettings() {
        var state = Self.state()
        state.press(.character("T"), .up)
        let effects = state.press(.enter)
        var expected = WorkerSettings(name: "Sam Patel")
        expected.theme = "dark"
        #expect(effects == [.saveSettings(expected)])
        #expect(state.modal == nil)
        state.succeed(effects)
        #expect(state.settings.theme == "dark")
        #expect(state.themes.current == Self.dark)
        #expect(state.message?.text == "Theme “dark” saved: Caseload starts with it from now on")
    }

    @Test func aThemeWithProblemsIsNotPreviewedAndCannotBeKept() {
        var state = Self.state()
        state.press(.character("T"), .down)
        #expect(state.themes.current == .builtInDefault)
        #expect(state.screen.contains("Cannot be used: mine.json: styles.selected.fg"))
        #expect(state.press(.enter).isEmpty)
        #expect(state.message?.kind == .error)
        guard case .themePicker = state.modal else {
            Issue.record("the picker closed")
            return
        }
    }

    @Test func aReadOnlyWindowUsesTheThemeWithoutSaving() {
        var state = Self.state(readOnly: true)
        state.press(.character("T"), .up)
        #expect(state.press(.enter).isEmpty)
        #expect(state.themes.current == Self.dark)
        #expect(state.message?.text.contains("for this window only") == true)
    }

    @Test func aFailedSaveKeepsTheThemeForTheWindowAndSaysSo() {
        var state = Self.state()
        state.press(.character("T"), .up)
        _ = state.press(.enter)
        _ = state.update(.settingsSaveFailed(reason: "settings.json could not be written: disk full."))
        #expect(state.themes.current == Self.dark)
        #expect(state.settings.theme == nil)
        #expect(state.message?.text == "settings.json could not be written: disk full. The theme applies to this window only.")
    }

    @Test func opensOnAThemeGivenByPathNotOnTheShippedOneOfTheSameName() {
        var state = Self.state()
        var fromFile = Self.dark
        fromFile.styles[.heading] = RoleStyle(.magenta)
        state.themes.options.append(ThemeOption(name: "dark", description: "Given by path", origin: "file: /tmp/p/dark.json",
                                                theme: fromFile, setting: "/tmp/p/dark.json"))
        state.themes.current = fromFile
        state.themes.currentSetting = "/tmp/p/dark.json"
        state.press(.character("T"))
        guard case .themePicker(let picker) = state.modal else {
            Issue.record("no picker")
            return
        }
        #expect(picker.selection == 4)
        #expect(state.press(.enter).isEmpty, "nothing changed, nothing saved")
        #expect(state.themes.current == fromFile)
    }

    @Test func keepingTheThemeInUseSavesNothing() {
        var state = Self.state()
        #expect(state.press(.character("T"), .up, .down, .enter).isEmpty)
        #expect(state.message?.text == "Theme not changed")
        #expect(state.themes.current == .builtInDefault)
    }

    @Test func unreadableSettingsAreNeverWrittenOverByATheme() {
        var state = Self.state()
        state.settingsUnreadable = true
        #expect(state.press(.character("T"), .up, .enter).isEmpty)
        #expect(state.themes.current == Self.dark)
        #expect(state.message?.text == "Theme “dark” for this window only: settings.json could not be read (press !)")
    }

    @Test func savingSaysWhenAnEnvironmentVariableStillDecidesAtStart() {
        var state = Self.state()
        state.themes.startOverride = "CASELOAD_THEME"
        state.succeed(state.press(.character("T"), .up, .enter))
        #expect(state.settings.theme == "dark")
        #expect(state.message?.text == "Theme “dark” saved, but CASELOAD_THEME still decides at the next start")
    }

    @Test func savingYourDetailsKeepsTheChosenTheme() throws {
        var settings = WorkerSettings(name: "Sam Patel")
        settings.theme = "dark"
        var state = Self.state(settings: settings)
        state.press(.character("o"), .tab)
        state.type("Link worker")
        let effects = state.press(.control("s"))
        let saving = try #require(effects.first)
        guard case .saveSettings(let saved) = saving else {
            Issue.record("expected a settings save, got \(saving)")
            return
        }
        #expect(saved.theme == "dark" && saved.role == "Link worker")
    }

    @Test func theLoopHandsEveryChangeOfThemeToTheTerminal() {
        var state = Self.state()
        let terminal = ScriptedTerminal([.key(.character("T")), .key(.up), .key(.down), .key(.escape)])
        _ = AppLoop.run(&state, terminal: terminal, clock: { Fixture.now }, shell: FakeShell())
        #expect(terminal.appliedThemes == ["default", "dark", "default"])
    }

    @Test func pickerSnapshotWithStyles() {
        var state = Self.state()
        state.press(.character("T"), .up)
        expectSnapshot(state.render().buffer.styledText, named: "theme-picker-styles")
    }
}
