import Testing
import TerminalUI
import ThemeFiles

@Suite struct RoleKeyTests {
    @Test func everyRoleHasAKebabCaseKey() {
        #expect(Role.allCases.map(\.themeKey) == [
            "normal", "muted", "heading", "border", "selected", "focused-field", "input-field",
            "hint-key", "hint-text", "message", "error", "warning", "success", "risk", "search-match",
            "chart-bar", "banner",
        ])
    }

    @Test func keysLeadBackToTheirRole() {
        for role in Role.allCases {
            #expect(Role(themeKey: role.themeKey) == role)
        }
        #expect(Role(themeKey: "focusedField") == nil)
    }
}
