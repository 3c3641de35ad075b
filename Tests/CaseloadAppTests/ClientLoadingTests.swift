import Foundation
import Testing
import CaseloadKit
import TerminalUI
@testable import CaseloadApp

/// Hands over the clients when asked, counting how it was asked.
final class FakeLoading: ClientLoading {
    let loaded: LoadedClients
    /// Polls answered with nothing before the clients "arrive".
    var pollsBeforeArrival: Int
    var started = 0
    var waits = 0

    init(_ loaded: LoadedClients, pollsBeforeArrival: Int = .max) {
        self.loaded = loaded
        self.pollsBeforeArrival = pollsBeforeArrival
    }

    func start() { started += 1 }

    func poll() -> LoadedClients? {
        guard pollsBeforeArrival <= 0 else {
            pollsBeforeArrival -= 1
            return nil
        }
        return loaded
    }

    func wait() -> LoadedClients {
        waits += 1
        return loaded
    }
}

@Suite struct ClientLoadingTests {
    private func summariesOnly(_ clients: [Client] = Fixture.demo) -> AppState {
        AppState(summaries: clients.map(\.summary), now: Fixture.now, timeZone: Fixture.utc,
                 size: Size(width: 100, height: 30), dataFolder: "/data")
    }

    @Test func theListFromSummariesIsTheListFromClients() {
        let full = Fixture.state(width: 100, height: 30)
        var early = summariesOnly()
        #expect(early.screen == full.screen)
        var loaded = full
        for key: Key in [.down, .down, .pageDown, .character("s"), .character("f"), .character("/")] {
            early.press(key)
            loaded.press(key)
        }
        early.type("zo")
        loaded.type("zo")
        #expect(early.screen == loaded.screen, "moving, sorting, filtering and searching need no full client")
    }

    @Test func keysThatNeedAClientInFullWaitForIt() {
        let state = summariesOnly()
        for key: Key in [.down, .up, .pageDown, .end, .home, .character("/"), .character("s"), .character("f"),
                         .character("p"), .character("?"), .character("q"), .character("!"), .escape] {
            #expect(state.canHandleBeforeClientsLoad(.key(key)), "\(key)")
        }
        for key: Key in [.enter, .character("a"), .character("e"), .character("t"), .character("d"), .tab,
                         .character("m"), .character("o"), .character("T")] {
            #expect(!state.canHandleBeforeClientsLoad(.key(key)), "\(key)")
        }
        #expect(state.canHandleBeforeClientsLoad(.resize(Size(width: 90, height: 30))))
        #expect(Fixture.state().canHandleBeforeClientsLoad(.key(.enter)), "nothing waits once loaded")
    }

    @Test func arrivingClientsKeepTheSelectionAndAddNewProblems() {
        var state = summariesOnly()
        state.press(.down, .down, .down)
        let selected = state.list.selectedID
        let problem = UnreadableFile(fileName: "clients/x.json", reason: "changed while reading")
        _ = state.update(.clientsLoaded(LoadedClients(clients: Fixture.demo, problems: [problem])))
        #expect(state.clientsLoaded)
        #expect(state.list.selectedID == selected)
        #expect(state.clients.count == Fixture.demo.count)
        #expect(state.loadProblems == [problem])
        #expect(state.message?.text.contains("1 file could not be read") == true)
        state.press(.enter)
        #expect(state.screen.contains(state.clients[selected!]!.name))
    }

    @Test func aBackupWarningFromTheBackgroundIsShown() {
        var state = summariesOnly()
        _ = state.update(.clientsLoaded(LoadedClients(clients: Fixture.demo, warning: "Today's backup was not made.")))
        #expect(state.message == Message(error: "Today's backup was not made."))
    }

    @Test func theLoopStartsReadingAfterTheFirstFrameAndWaitsOnlyWhenAKeyNeedsIt() {
        var state = summariesOnly()
        let loading = FakeLoading(LoadedClients(clients: Fixture.demo))
        let terminal = ScriptedTerminal([.key(.down), .key(.down), .key(.enter)])
        _ = AppLoop.run(&state, terminal: terminal, clock: { Fixture.now }, shell: FakeShell(), loading: loading)
        #expect(loading.started == 1)
        #expect(loading.waits == 1, "Enter needed the client, so the loop waited once")
        #expect(terminal.frames.contains { $0.contains("Reading every client's file") })
        guard case .client(let view)? = state.stack.last else {
            Issue.record("Enter did not open the client")
            return
        }
        #expect(view.id == state.list.rows[2])
    }

    @Test func clientsThatArriveWhileIdleAreTakenInWithoutWaiting() {
        var state = summariesOnly()
        let loading = FakeLoading(LoadedClients(clients: Fixture.demo), pollsBeforeArrival: 1)
        let terminal = ScriptedTerminal([nil, nil, .key(.enter), .key(.character("q"))])
        _ = AppLoop.run(&state, terminal: terminal, clock: { Fixture.now }, shell: FakeShell(), loading: loading)
        #expect(loading.waits == 0)
        #expect(state.clientsLoaded)
    }
}
