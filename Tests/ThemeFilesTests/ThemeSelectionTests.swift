import Testing
import ThemeFiles

@Suite struct ThemeSelectionTests {
    private let everything = ["NO_COLOR": "1", "CASELOAD_THEME": "dark"]

    @Test func aFlagBeatsEverythingIncludingNoColour() {
        #expect(ThemeSelection.choose(flag: "light", environment: everything, saved: "high-contrast")
            == ThemeSelection(nameOrPath: "light", origin: .flag))
    }

    @Test func noColourBeatsTheEnvironmentAndSettings() {
        #expect(ThemeSelection.choose(flag: nil, environment: everything, saved: "light")
            == ThemeSelection(nameOrPath: "monochrome", origin: .noColour))
        #expect(ThemeSelection.choose(flag: "", environment: everything, saved: nil).origin == .noColour)
    }

    @Test func caseloadThemeBeatsTheSavedSetting() {
        #expect(ThemeSelection.choose(flag: nil, environment: ["NO_COLOR": "", "CASELOAD_THEME": "dark"], saved: "light")
            == ThemeSelection(nameOrPath: "dark", origin: .environment))
    }

    @Test func theSavedSettingBeatsTheDefault() {
        #expect(ThemeSelection.choose(flag: nil, environment: ["CASELOAD_THEME": ""], saved: "light")
            == ThemeSelection(nameOrPath: "light", origin: .settings))
    }

    @Test func nothingSetMeansTheDefault() {
        #expect(ThemeSelection.choose(flag: nil, environment: [:], saved: "")
            == ThemeSelection(nameOrPath: "default", origin: .standard))
    }
}
