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
}

@Suite struct AppLoopTests {
    private func keys(_ text: String) -> [TerminalEvent?] {
        text.map { .key(.character($0)) }
    }

    @Test func quitEndsTheLoopAfterDrawingEachFrame() {
        var state = Fixture.state()
        let terminal = ScriptedTerminal([.key(.down), nil, .key(.character("q"))])
        let exit = AppLoop.run(&state, terminal: terminal, clock: { Fixture.now }, save: { _ in nil })
        #expect(exit == .quit)
        // One frame at start and one after the key press; the idle timeout draws nothing new.
        #expect(terminal.frames.count == 2)
        #expect(terminal.frames[0].contains("60 clients"))
    }

    @Test func savesRunThroughTheShellAndTheirOutcomeComesBack() {
        var state = Fixture.state()
        var saved: [Client] = []
        let terminal = ScriptedTerminal([.key(.character("a"))] + keys("Zoë") + [
            .key(.control("s")),
        ])
        _ = AppLoop.run(&state, terminal: terminal, clock: { Fixture.now }) { client in
            saved.append(client)
            return nil
        }
        // Practice and consent are missing: nothing may reach the disk.
        #expect(saved.isEmpty)
        #expect(terminal.frames.last?.contains("Not saved") == true)
    }

    @Test func aFailingSaveIsShownAndTheEditKept() {
        var state = Fixture.state()
        state.press(.enter, .character("e"), .end)
        let terminal = ScriptedTerminal([.key(.character("x")), .key(.control("s"))])
        _ = AppLoop.run(&state, terminal: terminal, clock: { Fixture.now }) { _ in "Could not save C-0001: No space left on device." }
        #expect(terminal.frames.last?.contains("No space left on device") == true)
        guard case .form(let form) = state.stack.last else {
            Issue.record("the form closed")
            return
        }
        #expect(form.draft.name.hasSuffix("x"))
    }

    @Test func aTerminationSignalEndsTheLoop() {
        var state = Fixture.state()
        let terminal = ScriptedTerminal([.key(.down)])
        terminal.signalAfterEvents = 1
        #expect(AppLoop.run(&state, terminal: terminal, clock: { Fixture.now }, save: { _ in nil }) == .signal(1))
    }

    @Test func theFirstFrameUsesTheTerminalSize() {
        var state = Fixture.state()
        let terminal = ScriptedTerminal([.key(.character("q"))])
        terminal.size = Size(width: 100, height: 30)
        _ = AppLoop.run(&state, terminal: terminal, clock: { Fixture.now }, save: { _ in nil })
        #expect(terminal.frames[0].split(separator: "\n", omittingEmptySubsequences: false).count == 30)
    }
}
