import CaseloadKit
@testable import CaseloadApp
import TerminalUI
import Testing

@Suite("Moving unreadable files aside")
struct MoveAsideTests {
    private let broken = UnreadableFile(fileName: "clients/bad.json", reason: "not valid JSON", reference: "C-0075",
                                        canMoveAside: true)
    private let badAsset = UnreadableFile(fileName: "assets/odd.json", reason: "field `name` is missing", canMoveAside: true)
    private let settings = UnreadableFile(fileName: "settings.json", reason: "not valid JSON")

    @Test func mAsksFirstNamingTheFileAndYesMovesIt() {
        var state = Fixture.state(loadProblems: [broken, settings])
        state.press(.character("!"))
        #expect(state.screen.contains("m moves the client or asset file aside"))
        #expect(state.press(.character("m")).isEmpty)
        #expect(state.screen.contains("Move the unreadable file clients/bad.json into the"))
        #expect(state.press(.character("y")) == [.moveAside(["clients/bad.json"])])
    }

    @Test func anyOtherAnswerMovesNothing() {
        var state = Fixture.state(loadProblems: [broken, badAsset])
        state.press(.character("!"))
        state.press(.character("m"))
        #expect(state.screen.contains("Move 2 unreadable files into the quarantine folder of"))
        #expect(state.press(.character("n")).isEmpty)
        #expect(state.message?.text == "Cancelled: nothing was changed")
        #expect(state.loadProblems.count == 2)
    }

    @Test func movedFilesLeaveTheListAndTheirReferenceStaysOutOfUse() {
        var state = Fixture.state(loadProblems: [broken, badAsset, settings])
        _ = state.update(.movedAside(MovedAside(folder: "quarantine/2026-11-21T100000Z",
                                                moved: ["clients/bad.json", "assets/odd.json"])))
        #expect(state.loadProblems.map(\.fileName) == ["settings.json"])
        #expect(state.message == Message("Moved 2 files unchanged into quarantine/2026-11-21T100000Z/"))
        #expect(state.screen.contains("⚠ 1 unreadable (!)"))
        state.press(.character("a"))
        #expect(state.workForm?.title == "New client C-0076")
    }

    @Test func filesThatCouldNotBeMovedAreNamedWithTheReason() {
        var state = Fixture.state(loadProblems: [broken, badAsset])
        _ = state.update(.movedAside(MovedAside(folder: "quarantine/2026-11-21T100000Z", moved: ["clients/bad.json"],
                                                notMoved: ["assets/odd.json": "Permission denied"])))
        #expect(state.message == Message(
            error: "Moved 1 file unchanged into quarantine/2026-11-21T100000Z/; could not move assets/odd.json (Permission denied)"))
        #expect(state.loadProblems.map(\.fileName) == ["assets/odd.json"])
    }

    @Test func onlyClientAndAssetFilesAreOfferedAndNotInAReadOnlyWindow() {
        var settingsOnly = Fixture.state(loadProblems: [settings])
        settingsOnly.press(.character("!"))
        #expect(settingsOnly.screen.contains("Fix or move these files, then restart"))
        #expect(settingsOnly.press(.character("m")).isEmpty)
        #expect(settingsOnly.modal == nil)

        var readOnly = Fixture.state(readOnlyReason: "read-only: open in another window", loadProblems: [broken])
        readOnly.press(.character("!"))
        #expect(!readOnly.screen.contains("m moves"))
        readOnly.press(.character("m"))
        #expect(readOnly.modal == nil)
    }

    @Test func theShellMovesTheFilesAndTheResultComesBack() {
        var state = Fixture.state(loadProblems: [broken])
        let shell = FakeShell()
        let terminal = ScriptedTerminal([.key(.character("!")), .key(.character("m")), .key(.character("y")),
                                         .key(.character("q"))])
        _ = AppLoop.run(&state, terminal: terminal, clock: { Fixture.now }, shell: shell)
        #expect(shell.movedAside == [["clients/bad.json"]])
        #expect(state.loadProblems.isEmpty)
    }
}
