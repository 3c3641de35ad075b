import Foundation
import Testing
@testable import CaseloadKit

@Suite struct ConnectionTests {
    static let walking = Asset(name: "Walking for Health", capacity: .accepting, createdAt: Fixture.now)

    static func connected(_ states: [(ConnectionState, String)]) throws -> (Client, UUID) {
        let client = Fixture.client("C-0001", name: "Ama", status: .active)
        var changed = try client.connecting(to: walking, event: ConnectionEvent(state: states[0].0, date: Fixture.date(states[0].1)),
                                            at: Fixture.now)
        let id = changed.connections[0].id
        for (state, iso) in states.dropFirst() {
            changed = try changed.updatingConnection(id: id, event: ConnectionEvent(state: state, date: Fixture.date(iso)),
                                                     stepID: nil, at: Fixture.now)
        }
        return (changed, id)
    }

    @Test func connectingKeepsTheAssetsNameAndStartsTheHistory() throws {
        let (client, _) = try Self.connected([(.referred, "2026-02-01")])
        let connection = try #require(client.connections.first)
        #expect(connection.assetID == Self.walking.id)
        #expect(connection.assetName == "Walking for Health")
        #expect(connection.state == .referred && connection.started == Fixture.date("2026-02-01"))
        #expect(client.updatedAt == Fixture.now)
    }

    @Test func everyChangeIsKeptInOrder() throws {
        let (client, _) = try Self.connected([(.suggested, "2026-02-01"), (.referred, "2026-02-03"), (.attended, "2026-02-10")])
        #expect(client.connections[0].history.map(\.state) == [.suggested, .referred, .attended])
        #expect(client.connections[0].state == .attended)
    }

    @Test func aChangeBeforeTheLastOneIsRefused() throws {
        let (client, id) = try Self.connected([(.referred, "2026-02-10")])
        #expect(throws: WorkError.connectionBeforeLastChange(Fixture.date("2026-02-10"))) {
            try client.updatingConnection(id: id, event: ConnectionEvent(state: .attended, date: Fixture.date("2026-02-09")),
                                          stepID: nil, at: Fixture.now)
        }
    }

    @Test func theSameStateWithoutANoteChangesNothing() throws {
        let (client, id) = try Self.connected([(.referred, "2026-02-10")])
        let same = try client.updatingConnection(id: id, event: ConnectionEvent(state: .referred, date: Fixture.date("2026-02-12")),
                                                 stepID: nil, at: Fixture.now.addingTimeInterval(60))
        #expect(same == client)
        let noted = try client.updatingConnection(id: id, event: ConnectionEvent(state: .referred, date: Fixture.date("2026-02-12"), note: "Chased"),
                                                  stepID: nil, at: Fixture.now)
        #expect(noted.connections[0].history.count == 2)
    }

    @Test func aDischargedClientCannotBeConnected() {
        let client = Fixture.client("C-0001", name: "Ama", status: .discharged)
        #expect(throws: WorkError.clientDischarged) {
            try client.connecting(to: Self.walking, event: ConnectionEvent(state: .suggested, date: Fixture.today), at: Fixture.now)
        }
    }

    @Test func aConnectionMayServeAPlanStepThatExists() throws {
        var client = Fixture.client("C-0001", name: "Ama", status: .active)
        let step = PlanStep(what: "Try the walking group")
        client.goals = [Goal(text: "Get out more", createdOn: Fixture.date("2026-02-01"), steps: [step])]
        let connected = try client.connecting(to: Self.walking, event: ConnectionEvent(state: .suggested, date: Fixture.today),
                                              stepID: step.id, at: Fixture.now)
        #expect(connected.connections[0].stepID == step.id)
        #expect(throws: WorkError.stepNotFound) {
            try client.connecting(to: Self.walking, event: ConnectionEvent(state: .suggested, date: Fixture.today), stepID: UUID(), at: Fixture.now)
        }
    }

    @Test func draftDatesMustBeRealNotFutureNotBeforeReferralNorTheLastChange() throws {
        let (client, id) = try Self.connected([(.referred, "2026-02-10")])
        func problem(_ date: String, editing: UUID? = nil) -> String? {
            var draft = ConnectionDraft(date: Fixture.today)
            draft.date = date
            return draft.validate(today: Fixture.today, client: client, connectionID: editing)[.date]
        }
        #expect(problem("01-Mar-2026") == nil)
        #expect(problem("not a date") != nil)
        #expect(problem("02-Mar-2026") == "A change cannot be dated in the future")
        #expect(problem("09-Jan-2026") == "The date is before the referral on 10-Jan-2026")
        #expect(problem("09-Feb-2026", editing: id) == "The date is before the last change, on 10-Feb-2026")
        #expect(problem("09-Feb-2026") == nil)
    }

    @Test func outcomesCountPeopleAndStatesWithoutNames() throws {
        let (attended, _) = try Self.connected([(.referred, "2026-02-01"), (.attended, "2026-02-08"), (.stopped, "2026-02-20")])
        let (declined, _) = try Self.connected([(.suggested, "2026-02-01"), (.declined, "2026-02-02")])
        var twice = attended
        twice.connections += attended.connections.map {
            Connection(assetID: $0.assetID, assetName: $0.assetName, history: [ConnectionEvent(state: .waiting, date: Fixture.today)])
        }
        let elsewhere = Fixture.client("C-0003", name: "Bo")
        let outcomes = ConnectionOutcomes(assetID: Self.walking.id, clients: [twice, declined, elsewhere])
        #expect(outcomes.people == 2)
        #expect(outcomes.everAttended == 1)
        #expect(outcomes.byState == [.stopped: 1, .waiting: 1, .declined: 1])
    }
}
