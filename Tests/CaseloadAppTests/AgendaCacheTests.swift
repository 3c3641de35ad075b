import Foundation
import Testing
import CaseloadKit
import TerminalUI
@testable import CaseloadApp

/// The agenda is built once per change of the clients or of the day, and never shows an old one.
@Suite struct AgendaCacheTests {
    @Test func aSavedFollowUpShowsAtOnce() {
        var state = Fixture.state(width: 120, height: 60)
        state.press(.tab)
        #expect(state.agendaCache != nil, "built when the agenda is shown, not on every frame")
        #expect(!state.screen.contains("Cache check"))

        var client = state.clients.values.first { $0.status != .discharged }!
        client.followUps.append(FollowUp(due: Fixture.today, purpose: "Cache check"))
        _ = state.update(.saved(client))
        #expect(state.screen.contains("Cache check"))
    }

    @Test func aNewDayBuildsItAgain() {
        var state = Fixture.state(width: 120, height: 60)
        state.press(.tab)
        let before = state.agendaCache?.day
        _ = state.update(.clock(Fixture.now.addingTimeInterval(86_400)))
        #expect(before == Fixture.today)
        #expect(state.agendaCache?.day == Fixture.today.adding(days: 1))
        #expect(state.screen.contains(DateStyle.screen(Fixture.today.adding(days: 1))))
    }
}
