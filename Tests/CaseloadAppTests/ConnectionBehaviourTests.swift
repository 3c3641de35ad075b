import Foundation
import Testing
import CaseloadKit
import TerminalUI
@testable import CaseloadApp

@Suite struct ConnectionBehaviourTests {
    /// The directory fixture with an active demo client open on its connections.
    static func openClient(_ state: inout AppState) -> Client {
        let client = state.byReference.first { $0.status == .active && !$0.goals.isEmpty }!
        state.home = .caseload
        state.list.selectedID = client.id
        state.press(.enter)
        while case .client(let view)? = state.stack.last, view.section != .connections { state.press(.tab) }
        return client
    }

    @Test func connectingPicksAnAssetBySearchAndRecordsTheFirstState() throws {
        var state = DirectoryFixture.state()
        let client = Self.openClient(&state)
        state.press(.character("a"))
        state.type("shed")
        state.press(.enter)
        #expect(state.workForm?.title == "Connect \(client.name) (\(client.reference)) to Men's Shed")
        state.press(.right)  // suggested → referred
        let effects = state.press(.control("s"))
        guard case .save(let saved)? = effects.first else {
            Issue.record("expected a save, got \(effects)")
            return
        }
        let connection = try #require(saved.connections.last)
        #expect(connection.assetID == DirectoryFixture.id("Men's Shed"))
        #expect(connection.history == [ConnectionEvent(state: .referred, date: Fixture.today)])
        state.succeed(effects)
        #expect(state.message?.text == "Connected \(client.name) (\(client.reference)) to Men's Shed")
        #expect(state.screen.contains("Men's Shed · Referred 21-Nov-2026"))
    }

    @Test func aFullAssetAsksBeforeConnecting() {
        var state = DirectoryFixture.state()
        let client = Self.openClient(&state)
        state.press(.character("a"))
        state.type("zumba")
        state.press(.enter)
        guard case .confirm(let confirmation)? = state.modal else {
            Issue.record("expected a warning")
            return
        }
        #expect(confirmation.question == "“Zumba Gold” is marked full. Connect \(client.name) (\(client.reference)) anyway?")
        state.press(.character("n"))
        #expect(state.workForm == nil)
        state.press(.character("a"))
        state.type("zumba")
        state.press(.enter, .character("y"))
        #expect(state.workForm?.title.hasSuffix("to Zumba Gold") == true)
    }

    @Test func enterOnAConnectionRecordsWhatHappenedNext() throws {
        var state = DirectoryFixture.state()
        _ = Self.openClient(&state)
        state.press(.character("a"))
        state.type("shed")
        state.press(.enter)
        state.succeed(state.press(.control("s")))
        state.press(.enter)
        #expect(state.workForm?.fields.first?.hint == "So far:\n21-Nov-2026  Suggested")
        state.press(.right, .right, .right)  // suggested → attended
        state.press(.tab, .tab, .tab)
        state.type("Loved it")
        let effects = state.press(.control("s"))
        guard case .save(let saved)? = effects.first else {
            Issue.record("expected a save, got \(effects)")
            return
        }
        #expect(saved.connections.last?.history.map(\.state) == [.suggested, .attended])
        #expect(saved.connections.last?.latest.note == "Loved it")
        state.succeed(effects)
        state.press(.escape, .tab, .tab)  // caseload → agenda → directory
        state.directory.selectedID = DirectoryFixture.id("Men's Shed")
        state.press(.enter)
        #expect(state.screen.contains("People connected       1, 1 attended at least once"))
        #expect(!state.screen.contains(saved.name), "the asset view names nobody")
    }

    @Test func aPlanStepCanStartTheConnection() throws {
        var state = DirectoryFixture.state()
        let client = Self.openClient(&state)
        let step = try #require(client.goals.first?.steps.first)
        while case .client(let view)? = state.stack.last, view.section != .plan { state.press(.tab) }
        state.press(.down)  // the first step under the first goal
        state.press(.character("a"))
        state.type("walking")
        state.press(.enter)
        guard case .save(let saved)? = state.press(.control("s")).first else {
            Issue.record("expected a save")
            return
        }
        #expect(saved.connections.last?.stepID == step.id)
    }

    @Test func anEmptyDirectorySaysWhereToAddAssets() {
        var state = Fixture.state()
        _ = Self.openClient(&state)
        state.press(.character("a"))
        #expect(!state.hasModal)
        #expect(state.message?.text.hasPrefix("The directory is empty") == true)
    }
}

@Suite struct ConnectionRecordTests {
    @Test func aDischargedClientsConnectionOpensToReadWithItsNotes() throws {
        var state = DirectoryFixture.state()
        var client = state.byReference.first { $0.status == .active }!
        let shed = state.assets[DirectoryFixture.id("Men's Shed")]!
        client = try client.connecting(to: shed, event: ConnectionEvent(state: .referred, date: Fixture.today, note: "Dave will ring"), at: Fixture.now)
        client.status = .discharged
        state.clients[client.id] = client
        _ = ConnectionBehaviourTests.openClient(&state)
        state.list.selectedID = client.id
        state.stack = [.client(ClientViewState(id: client.id, section: .connections))]
        state.press(.enter)
        let form = try #require(state.workForm)
        #expect(form.isReadOnly)
        #expect(form.fields.first?.hint == "So far:\n21-Nov-2026  Referred — Dave will ring")
        #expect(state.press(.right, .control("s")).isEmpty)
    }

    @Test func aRetiredAssetTakesNoNewConnections() throws {
        let client = Fixture.demo.first { $0.status == .active }!
        let retired = DirectoryFixture.asset("Lunch Club").retired(on: Fixture.today, at: Fixture.now)
        #expect(throws: WorkError.assetRetired("Lunch Club")) {
            try client.connecting(to: retired, event: ConnectionEvent(state: .suggested, date: Fixture.today), at: Fixture.now)
        }
    }
}
