import Testing
import CaseloadKit
import TerminalUI
@testable import CaseloadApp

@Suite struct SnapshotTests {
    @Test func listAt80x24() {
        expectSnapshot(Fixture.state().screen, named: "list-80x24")
    }

    @Test func listAt120x40() {
        expectSnapshot(Fixture.state(width: 120, height: 40).screen, named: "list-120x40")
    }

    @Test func listFilteredAndSearching() {
        var state = Fixture.state()
        state.press(.character("f"), .character("/"))
        state.type("lukasz")
        expectSnapshot(state.screen, named: "list-search")
    }

    @Test func readOnlyBanner() {
        let state = Fixture.state(readOnlyReason: "read-only: open in another window (pid 4242)")
        expectSnapshot(state.screen, named: "list-read-only")
    }

    @Test func clientViewWithRiskNote() {
        var state = Fixture.state()
        let client = state.clients.values.filter(\.hasRisk).min { $0.reference < $1.reference }!
        state.list.selectedID = client.id
        state.press(.enter)
        expectSnapshot(state.screen, named: "client-view")
    }

    @Test func formWithValidationError() {
        var state = Fixture.state()
        state.press(.character("a"))
        state.type("Zoë Ærø-陈")
        state.press(.tab, .tab, .tab)
        state.type("9434765918")
        state.press(.control("s"))
        expectSnapshot(state.screen, named: "form-validation-error")
    }

    @Test func help() {
        var state = Fixture.state()
        state.press(.character("?"))
        expectSnapshot(state.screen, named: "help-list")
    }

    @Test func dischargeDialog() {
        var state = Fixture.state()
        state.list.selectedID = state.byReference.first { $0.status == .active }!.id
        state.press(.character("d"), .down)
        expectSnapshot(state.screen, named: "discharge-dialog")
    }

    @Test func dischargeDialogAtTheSmallestSize() {
        var state = Fixture.state(width: 60, height: 16)
        state.list.selectedID = state.byReference.first { $0.status == .active }!.id
        state.press(.character("d"), .tab, .control("u"))
        state.type("2030-01-01")
        state.press(.enter)
        expectSnapshot(state.screen, named: "discharge-dialog-60x16")
    }

    @Test func listAtTheSmallestSize() {
        expectSnapshot(Fixture.state(width: 60, height: 16).screen, named: "list-60x16")
    }

    @Test func loadProblemsPanel() {
        var state = Fixture.state(loadProblems: [
            UnreadableFile(fileName: "clients/8aad7140-6e4a-4042-ac75-75609057ab1f.json",
                           reason: "field `referral.date`: expected a date as YYYY-MM-DD, found \"2026-02-30\"",
                           canMoveAside: true),
            UnreadableFile(fileName: "clients/notes.json", reason: "not valid JSON (the problem is near line 3, column 14)",
                           canMoveAside: true),
        ])
        state.press(.character("!"))
        expectSnapshot(state.screen, named: "load-problems")
    }

    @Test func terminalTooSmall() {
        var state = Fixture.state()
        _ = state.update(.terminal(.resize(Size(width: 50, height: 12))))
        expectSnapshot(state.screen, named: "too-small")
    }
}
