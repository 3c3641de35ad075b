import Foundation
import Testing
import CaseloadKit
import TerminalUI
@testable import CaseloadApp

/// A terminal that replays scripted events and records what was drawn.
final class ScriptedTerminal: Terminal {
    var size = Size(width: 80, height: 24)
    var events: [TerminalEvent?]
    var frames: [String] = []
    var pendingTerminationSignal: Int32?
    var signalAfterEvents: Int32?
    var restored = false

    init(_ events: [TerminalEvent?]) {
        self.events = events
    }

    func draw(_ buffer: Buffer, cursor: (x: Int, y: Int)?) {
        frames.append(buffer.text)
    }

    func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        guard !events.isEmpty else {
            pendingTerminationSignal = signalAfterEvents ?? 15
            return nil
        }
        return events.removeFirst()
    }

    func restore() { restored = true }
    func suspend() { suspended += 1 }
    func resume() {}
    var suspended = 0
    func apply(_ theme: Theme) { appliedThemes.append(theme.name) }
    var appliedThemes: [String] = []
}

/// Records what the app asked of the world and answers as told.
final class FakeShell: AppShell {
    var saved: [(client: Client, previous: Client?)] = []
    var saveResult = SaveResult.saved
    var editorResult: Result<String, ShellFailure> = .success("")
    var removed: [String] = []
    var savedAssets: [(asset: Asset, previous: Asset?)] = []
    var importReport = AssetImportReport()
    var imported: [[String]] = []

    func save(_ client: Client, previous: Client?) -> SaveResult {
        saved.append((client, previous))
        return saveResult
    }

    func saveAsset(_ asset: Asset, previous: Asset?) -> SaveResult {
        savedAssets.append((asset, previous))
        return saveResult
    }

    func importAssets(paths: [String], existing: [Asset]) -> AssetImportReport {
        imported.append(paths)
        return importReport
    }

    func editExternally(_ text: String, terminal: Terminal) -> Result<String, ShellFailure> {
        terminal.suspend()
        defer { terminal.resume() }
        return editorResult
    }

    func removeRecovery(named name: String) -> String? {
        removed.append(name)
        return nil
    }

    var movedAside: [[String]] = []
    var moveAsideResult: Result<MovedAside, ShellFailure>?

    func moveAside(_ files: [String]) -> Result<MovedAside, ShellFailure> {
        movedAside.append(files)
        return moveAsideResult ?? .success(MovedAside(folder: "quarantine/2026-11-21T100000Z", moved: files))
    }

    var savedSettings: [WorkerSettings] = []
    var exports: [(name: String, contents: String)] = []
    var exportResult: Result<String, ShellFailure>?

    func saveSettings(_ settings: WorkerSettings) -> SaveResult {
        savedSettings.append(settings)
        return saveResult
    }

    func writeExport(named name: String, contents: String) -> Result<String, ShellFailure> {
        exports.append((name, contents))
        return exportResult ?? .success("/data/exports/" + name)
    }
}

@Suite struct AppLoopTests {
    private func keys(_ text: String) -> [TerminalEvent?] {
        text.map { .key(.character($0)) }
    }

    @Test func quitEndsTheLoopAfterDrawingEachFrame() {
        var state = Fixture.state()
        let terminal = ScriptedTerminal([.key(.down), nil, .key(.character("q"))])
        let exit = AppLoop.run(&state, terminal: terminal, clock: { Fixture.now }, shell: FakeShell())
        #expect(exit == .quit)
        // One frame at start and one after the key press; the idle timeout draws nothing new.
        #expect(terminal.frames.count == 2)
        #expect(terminal.frames[0].contains("60 clients"))
    }

    @Test func savesRunThroughTheShellAndTheirOutcomeComesBack() {
        var state = Fixture.state()
        let shell = FakeShell()
        let terminal = ScriptedTerminal([.key(.character("a"))] + keys("Zoë") + [
            .key(.control("s")),
        ])
        _ = AppLoop.run(&state, terminal: terminal, clock: { Fixture.now }, shell: shell)
        // Practice and consent are missing: nothing may reach the disk.
        #expect(shell.saved.isEmpty)
        #expect(terminal.frames.last?.contains("Not saved") == true)
    }

    @Test func aFailingSaveIsShownAndTheEditKept() {
        var state = Fixture.state()
        state.press(.enter, .character("e"), .end)
        let terminal = ScriptedTerminal([.key(.character("x")), .key(.control("s"))])
        let shell = FakeShell()
        shell.saveResult = .failed("Could not save C-0001: No space left on device.")
        _ = AppLoop.run(&state, terminal: terminal, clock: { Fixture.now }, shell: shell)
        #expect(terminal.frames.last?.contains("No space left on device") == true)
        guard let form = state.workForm else {
            Issue.record("the form closed")
            return
        }
        #expect(form.fields.text("name").hasSuffix("x"))
    }

    @Test func aTerminationSignalEndsTheLoop() {
        var state = Fixture.state()
        let terminal = ScriptedTerminal([.key(.down)])
        terminal.signalAfterEvents = 1
        #expect(AppLoop.run(&state, terminal: terminal, clock: { Fixture.now }, shell: FakeShell()) == .signal(1))
    }

    @Test func theFirstFrameUsesTheTerminalSize() {
        var state = Fixture.state()
        let terminal = ScriptedTerminal([.key(.character("q"))])
        terminal.size = Size(width: 100, height: 30)
        _ = AppLoop.run(&state, terminal: terminal, clock: { Fixture.now }, shell: FakeShell())
        #expect(terminal.frames[0].split(separator: "\n", omittingEmptySubsequences: false).count == 30)
    }

    @Test func assetSavesAndImportsRunThroughTheShell() {
        var state = DirectoryFixture.state()
        let shell = FakeShell()
        let added = DirectoryFixture.asset("Community Choir")
        shell.importReport = AssetImportReport(files: [.imported(ImportPlan(feed: "feed.json", added: [added]))], saved: [added])
        let selected = state.directory.selectedID.flatMap { state.assets[$0] }!
        let terminal = ScriptedTerminal([.key(.character("v")), .key(.character("i"))] + keys("feed.json") + [.key(.enter)])
        _ = AppLoop.run(&state, terminal: terminal, clock: { Fixture.now }, shell: shell)
        #expect(shell.savedAssets.first?.previous == selected)
        #expect(shell.savedAssets.first?.asset.lastChecked?.date == Fixture.today)
        #expect(shell.imported == [["feed.json"]])
        #expect(state.assets[added.id] == added)
        #expect(terminal.frames.contains { $0.contains("Importing feed.json…") }, "the import shows it has started")
    }

    @Test func aFailedAssetSaveKeepsTheFormOpen() {
        var state = DirectoryFixture.state()
        state.press(.character("e"), .end)
        let shell = FakeShell()
        shell.saveResult = .failed("Could not save the asset: No space left on device.")
        _ = AppLoop.run(&state, terminal: ScriptedTerminal([.key(.character("x")), .key(.control("s"))]),
                        clock: { Fixture.now }, shell: shell)
        #expect(state.workForm != nil)
        #expect(state.message?.text == "Could not save the asset: No space left on device. Changes kept: Ctrl-S retries.")
    }

    @Test func saveHandsThePreviousVersionForTheAudit() {
        var state = Fixture.state()
        let original = state.selectedClient!
        state.press(.enter, .character("e"), .end)
        let shell = FakeShell()
        _ = AppLoop.run(&state, terminal: ScriptedTerminal([.key(.character("x")), .key(.control("s"))]),
                        clock: { Fixture.now }, shell: shell)
        #expect(shell.saved.count == 1)
        #expect(shell.saved.first?.previous == original)
        #expect(state.clients[original.id]?.name == original.name + "x")
    }

    @Test func anAuditWarningStillCountsAsSavedButIsShown() {
        var state = Fixture.state()
        state.press(.enter, .character("e"), .end)
        let shell = FakeShell()
        shell.saveResult = .savedWithWarning("C-0001 was saved, but the audit log entry could not be written: disk full.")
        let terminal = ScriptedTerminal([.key(.character("x")), .key(.control("s"))])
        _ = AppLoop.run(&state, terminal: terminal, clock: { Fixture.now }, shell: shell)
        #expect(state.message?.kind == .error)
        #expect(state.message?.text.contains("audit log") == true)
        guard case .client = state.stack.last else {
            Issue.record("the form should have closed: the client was saved")
            return
        }
    }
}
