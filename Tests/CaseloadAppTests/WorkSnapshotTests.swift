import Foundation
import Testing
import CaseloadKit
import TerminalUI
@testable import CaseloadApp

/// Snapshots of the screens that record the work, at the two sizes people use most.
@Suite struct WorkSnapshotTests {
    static let sizes = [(80, 24), (120, 40)]

    /// The demo client with the richest record, picked the same way every run.
    private func busiestClient(_ state: AppState) -> Client {
        state.byReference.filter { $0.status == .active }
            .max { ($0.contacts.count + $0.goals.count * 2, $1.reference) < ($1.contacts.count + $1.goals.count * 2, $0.reference) }!
    }

    private func clientView(_ section: ClientSection, width: Int, height: Int) -> AppState {
        var state = Fixture.state(width: width, height: height)
        let client = busiestClient(state)
        state.list.selectedID = client.id
        state.press(.enter)
        for _ in 0..<section.rawValue { state.press(.tab) }
        return state
    }

    @Test(arguments: sizes) func overview(width: Int, height: Int) {
        expectSnapshot(clientView(.overview, width: width, height: height).screen, named: "client-overview-\(width)x\(height)")
    }

    @Test(arguments: sizes) func contacts(width: Int, height: Int) {
        expectSnapshot(clientView(.contacts, width: width, height: height).screen, named: "client-contacts-\(width)x\(height)")
    }

    @Test(arguments: sizes) func plan(width: Int, height: Int) {
        expectSnapshot(clientView(.plan, width: width, height: height).screen, named: "client-plan-\(width)x\(height)")
    }

    @Test(arguments: sizes) func followUps(width: Int, height: Int) {
        expectSnapshot(clientView(.followUps, width: width, height: height).screen, named: "client-follow-ups-\(width)x\(height)")
    }

    @Test(arguments: sizes) func agenda(width: Int, height: Int) {
        var state = Fixture.state(width: width, height: height)
        state.press(.tab)
        expectSnapshot(state.screen, named: "agenda-\(width)x\(height)")
    }

    @Test(arguments: sizes) func whatMattersForm(width: Int, height: Int) {
        var state = clientView(.overview, width: width, height: height)
        state.press(.character("c"), .tab, .tab, .left, .left)
        for _ in 0..<3 { state.press(.tab) }
        state.type("Feeling much better since the walking group.")
        state.press(.enter)
        state.type("Wants to try the choir: 陈 said it's friendly 🙂")
        expectSnapshot(state.screen, named: "contact-form-\(width)x\(height)")
    }

    @Test func recoveryOffer() {
        var state = Fixture.state()
        let client = busiestClient(state)
        var form = WorkForm(kind: .goal(clientID: client.id, goalID: nil), title: "New goal for \(state.label(client))",
                            fields: [.text("text", "Goal", "")])
        form.replaceFocusedText("Get back to swimming")
        state.offer([RecoveredWork(fileName: "unsaved-1.json",
                                   record: RecoveryRecord(savedAt: Fixture.now, summary: form.title, work: .work(form)))])
        expectSnapshot(state.screen, named: "recovery-offer")
    }
}

/// The smaller forms, each at 80x24, as a person first sees them.
@Suite struct FormSnapshotTests {
    private func opened(_ keys: [Key], section: Int = 0) -> AppState {
        var state = Fixture.state()
        let client = state.byReference.first { $0.status == .active && $0.nextFollowUp != nil && !$0.goals.isEmpty }!
        state.list.selectedID = client.id
        state.press(.enter)
        for _ in 0..<section { state.press(.tab) }
        for key in keys { state.press(key) }
        return state
    }

    @Test func followUpForm() {
        expectSnapshot(opened([.character("f")]).screen, named: "form-follow-up")
    }

    @Test func cancelFollowUpForm() {
        expectSnapshot(opened([.character("x")], section: 3).screen, named: "form-cancel-follow-up")
    }

    @Test func goalForm() {
        expectSnapshot(opened([.character("g")]).screen, named: "form-goal")
    }

    @Test func stepFormForSomeoneElse() {
        var state = opened([.character("s")], section: 2)
        state.press(.tab, .right, .right)
        expectSnapshot(state.screen, named: "form-step")
    }
}
