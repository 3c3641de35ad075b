import Foundation
import Testing
import CaseloadKit
import TerminalUI
@testable import CaseloadApp

@Suite struct WorkFormBehaviourTests {
    private func waitingClient(_ state: AppState) -> Client {
        state.byReference.first { $0.status == .waiting && $0.contacts.isEmpty }!
    }

    private func open(_ client: Client, in state: inout AppState) {
        state.list.selectedID = client.id
        state.press(.enter)
    }

    private func focus(_ key: String, in state: inout AppState) {
        for _ in 0..<40 {
            guard case .work(let form) = state.stack.last, form.focusKey != key else { return }
            state.press(.tab)
        }
    }

    private var form: (AppState) -> WorkForm? = { state in
        if case .work(let form) = state.stack.last { return form }
        return nil
    }

    @Test func aWhatMattersConversationAsksWhatMattersAndMovesAWaitingClientToActive() throws {
        var state = Fixture.state()
        let client = waitingClient(state)
        open(client, in: &state)
        state.press(.character("c"))
        #expect(form(state)?.fields["whatMatters"] == nil)
        focus("kind", in: &state)
        while form(state)?.fields.choice("kind") as ContactKind? != .whatMatters { state.press(.right) }
        #expect(form(state)?.fields["whatMatters"] != nil)
        focus("notes", in: &state)
        state.type("Zoë said: “I miss singing.”")
        state.press(.enter)
        state.type("陈 🙂")
        focus("whatMatters", in: &state)
        state.type("Singing again")
        guard case .save(let saved) = try #require(state.press(.control("s")).first) else {
            Issue.record("no save: \(state.message?.text ?? "")")
            return
        }
        #expect(saved.status == .active)
        #expect(saved.firstContactDate == Fixture.today)
        #expect(saved.contacts.last?.notes == "Zoë said: “I miss singing.”\n陈 🙂")
        #expect(saved.contacts.last?.whatMatters?.whatMatters == "Singing again")
        _ = state.update(.saved(saved))
        #expect(state.message?.text == "Recorded contact with \(state.label(saved)); now active")
    }

    @Test func aWhatMattersConversationWithoutWhatMattersIsNotSaved() {
        var state = Fixture.state()
        open(waitingClient(state), in: &state)
        state.press(.character("c"))
        focus("kind", in: &state)
        while form(state)?.fields.choice("kind") as ContactKind? != .whatMatters { state.press(.right) }
        #expect(state.press(.control("s")).isEmpty)
        #expect(form(state)?.focusKey == "whatMatters")
        #expect(state.message?.kind == .error)
    }

    @Test func completingAFollowUpLinksTheContact() throws {
        var state = Fixture.state()
        let client = state.byReference.first { $0.nextFollowUp != nil && $0.status == .active }!
        open(client, in: &state)
        state.press(.tab, .tab, .tab)  // Follow-ups: the scheduled one is first
        state.press(.character("c"))
        guard case .save(let saved) = try #require(state.press(.control("s")).first) else {
            Issue.record("no save: \(state.message?.text ?? "")")
            return
        }
        let followUp = saved.followUps.first { $0.id == client.nextFollowUp!.id }!
        guard case .completed(let contactID, _) = followUp.state else {
            Issue.record("the follow-up was not completed: \(followUp.state)")
            return
        }
        #expect(saved.contacts.contains { $0.id == contactID && $0.followUpID == followUp.id })
    }

    @Test func controlEHandsTheFieldToTheEditorAndTakesItBack() {
        var state = Fixture.state()
        open(waitingClient(state), in: &state)
        state.press(.character("c"))
        focus("notes", in: &state)
        state.type("draft")
        #expect(state.press(.control("e")) == [.editExternally("draft")])
        _ = state.update(.externalEditFinished("edited\nin vi"))
        #expect(form(state)?.fields.text("notes") == "edited\nin vi")
    }

    @Test func escapeAsksBeforeDroppingTypedText() {
        var state = Fixture.state()
        open(waitingClient(state), in: &state)
        state.press(.character("g"))
        state.type("Get out more")
        state.press(.escape)
        guard case .confirm = state.modal else {
            Issue.record("no question before discarding")
            return
        }
        state.press(.character("y"))
        guard case .client = state.stack.last else {
            Issue.record("expected the client view")
            return
        }
    }

    @Test func unsavedTextIsOfferedBackAndReopened() {
        var state = Fixture.state()
        let client = waitingClient(state)
        open(client, in: &state)
        #expect(state.unsavedWork == nil)
        state.press(.character("c"))
        focus("notes", in: &state)
        state.type("Spoke about her garden")
        let record = state.unsavedWork!
        #expect(record.summary == "New contact with \(state.label(client))")

        var next = Fixture.state()
        next.offer([RecoveredWork(fileName: "unsaved-1.json", record: record)])
        #expect(next.screen.contains("Unsaved work recovered"))
        // The file stays until the reopened text is saved or discarded.
        #expect(next.press(.enter).isEmpty)
        guard case .work(let reopened) = next.stack.last else {
            Issue.record("the form was not reopened")
            return
        }
        #expect(reopened.fields.text("notes") == "Spoke about her garden")
        #expect(reopened.recoveryFile == "unsaved-1.json")
        next.press(.escape)
        #expect(next.press(.character("y")) == [.removeRecovery("unsaved-1.json")])
    }

    @Test func escapeKeepsARecoveryForLater() {
        var state = Fixture.state()
        let form = WorkForm(kind: .goal(clientID: state.byReference[0].id, goalID: nil), title: "Goal", fields: [.text("text", "Goal", "x")])
        state.offer([RecoveredWork(fileName: "a.json", record: RecoveryRecord(savedAt: Fixture.now, summary: "Goal", work: .work(form)))])
        #expect(state.press(.escape).isEmpty)
        #expect(state.stack.isEmpty)
    }

    @Test func cancellingAFollowUpNeedsAReason() throws {
        var state = Fixture.state()
        let client = state.byReference.first { $0.nextFollowUp != nil && $0.status == .active }!
        open(client, in: &state)
        state.press(.tab, .tab, .tab, .character("x"))
        #expect(state.press(.control("s")).isEmpty)
        state.type("Client asked to rearrange")
        guard case .save(let saved) = try #require(state.press(.control("s")).first) else { return }
        guard case .cancelled(let reason, _) = saved.followUps.first(where: { $0.id == client.nextFollowUp!.id })!.state else {
            Issue.record("not cancelled")
            return
        }
        #expect(reason == "Client asked to rearrange")
    }
}

@Suite struct PlanAndAgendaTests {
    @Test func spaceMovesAStepOnAndSaysSo() throws {
        var state = Fixture.state()
        let client = state.byReference.first { $0.goals.contains { $0.steps.contains { $0.status == .toDo } } }!
        state.list.selectedID = client.id
        state.press(.enter, .tab, .tab)
        let rows = state.planRows(client)
        let index = rows.firstIndex { if case .step(_, let step) = $0 { step.status == .toDo } else { false } }!
        state.press(.home)
        for _ in 0..<index { state.press(.down) }
        guard case .save(let saved) = try #require(state.press(.character(" ")).first) else { return }
        guard case .step(let goal, let step) = rows[index] else { return }
        #expect(saved.goals.first { $0.id == goal.id }?.steps.first { $0.id == step.id }?.status == .doing)
        _ = state.update(.saved(saved))
        #expect(state.message?.text.hasPrefix("Step “\(step.what)” is now doing") == true)
    }

    @Test func shiftJMovesAGoalDown() throws {
        var state = Fixture.state()
        let client = state.byReference.first { $0.goals.count >= 2 }!
        state.list.selectedID = client.id
        state.press(.enter, .tab, .tab)
        guard case .save(let saved) = try #require(state.press(.character("J")).first) else { return }
        #expect(saved.goals.map(\.id) == [client.goals[1].id, client.goals[0].id] + client.goals.dropFirst(2).map(\.id))
    }

    @Test func tabOpensTheAgendaAndEnterOpensTheClientThenEscReturns() {
        var state = Fixture.state()
        state.press(.tab)
        #expect(state.home == .agenda)
        #expect(state.screen.contains("⚠ Overdue"))
        state.press(.down)
        state.press(.enter)
        guard case .client(let view) = state.stack.last else {
            Issue.record("no client opened")
            return
        }
        #expect(view.section == .followUps)
        state.press(.escape)
        #expect(state.stack.isEmpty)
        #expect(state.home == .agenda)
        #expect(state.agenda.selection == 1)
        state.press(.escape)
        #expect(state.home == .caseload)
    }

    @Test func theListMarksOverdueFollowUpsWithoutColour() {
        let state = Fixture.state(width: 120, height: 80)
        let overdue = state.byReference.first { $0.nextFollowUp?.isOverdue(today: Fixture.today) == true }!
        let line = state.screen.split(separator: "\n").first { $0.contains(overdue.reference) }!
        #expect(line.contains("⚠"))
    }
}

@Suite struct WorkGuardTests {
    @Test func aRecoveredNewClientFormNeverReusesAReference() throws {
        var state = Fixture.state()
        let kind = WorkFormKind.client(clientID: UUID(), isNew: true, reference: "C-0060")
        var draft = ClientDraft(referralDate: Fixture.today, practice: "Hillview Surgery")
        draft.name = "Half Typed"
        draft.consent = true
        state.stack = [.work(WorkForm(kind: kind, title: "New client C-0060", fields: ClientFormFields.fields(draft)))]
        guard case .save(let saved) = try #require(state.press(.control("s")).first) else { return }
        #expect(saved.reference == "C-0061")
        _ = state.update(.saved(saved))
        #expect(state.message?.text == "C-0060 was given to someone else meanwhile, so this client is C-0061")
    }

    @Test func aDischargedClientsPlanCannotBeChangedWithoutReopening() {
        var state = Fixture.state()
        let client = state.byReference.first { $0.status == .discharged && $0.goals.contains { !$0.steps.isEmpty } }!
        state.list.selectedID = client.id
        state.press(.enter, .tab, .tab, .down)
        #expect(state.press(.character(" ")).isEmpty)
        #expect(state.message?.text == "\(state.label(client)) is discharged: press r to reopen first")
        #expect(state.press(.character("J")).isEmpty)
    }

    @Test func movingTheFirstGoalUpChangesNothingAndSavesNothing() {
        var state = Fixture.state()
        let client = state.byReference.first { $0.goals.count >= 2 && $0.status != .discharged }!
        state.list.selectedID = client.id
        state.press(.enter, .tab, .tab)
        #expect(state.press(.character("K")).isEmpty)
    }
}

@Suite struct ReadOnlyContactTests {
    @Test func aDischargedClientsContactOpensForReadingOnly() {
        var state = Fixture.state()
        let client = state.byReference.first { $0.status == .discharged && $0.contacts.contains { !$0.notes.isEmpty } }!
        state.list.selectedID = client.id
        state.press(.enter, .tab)
        state.press(.enter)
        guard let form = state.workForm else {
            Issue.record("the contact did not open")
            return
        }
        #expect(form.isReadOnly)
        #expect(form.title.hasSuffix("(read only)"))
        let notesBefore = form.fields.text("notes")
        state.press(.tab, .tab, .tab, .tab, .tab)
        state.type("typed")
        _ = state.update(.terminal(.paste("pasted")))
        #expect(state.workForm?.fields.text("notes") == notesBefore)
        #expect(state.press(.control("s")).isEmpty)
        #expect(state.message?.text == "Read only: nothing here can be changed. Esc goes back.")
        state.press(.escape)
        guard case .client = state.stack.last else {
            Issue.record("Esc should go straight back: nothing changed")
            return
        }
    }
}

@Suite struct HiddenFieldTests {
    @Test func switchingKindAwayAndBackKeepsWhatWasTyped() {
        var state = Fixture.state()
        state.list.selectedID = state.byReference.first { $0.status == .active }!.id
        state.press(.enter, .character("c"))
        func kind() -> ContactKind? { state.workForm?.fields.choice("kind") }
        while state.workForm?.focusKey != "kind" { state.press(.tab) }
        while kind() != .whatMatters { state.press(.right) }
        while state.workForm?.focusKey != "whatMatters" { state.press(.tab) }
        state.type("Singing again")
        while state.workForm?.focusKey != "kind" { state.press(.backTab) }
        state.press(.right)
        #expect(state.workForm?.fields["whatMatters"] == nil)
        state.press(.left)
        #expect(state.workForm?.fields.text("whatMatters") == "Singing again")
    }

    @Test func anAttemptAsksOnlyHowItWasTried() {
        var state = Fixture.state()
        state.list.selectedID = state.byReference.first { $0.status == .waiting }!.id
        state.press(.enter, .character("c"))
        while state.workForm?.focusKey != "kind" { state.press(.tab) }
        while state.workForm?.fields.choice("kind") as ContactKind? != .attempt { state.press(.right) }
        let keys = state.workForm?.fields.map(\.key) ?? []
        #expect(keys == ["date", "time", "kind", "attemptMethod", "notes"])
    }

    @Test func theDischargeDialogStartsOnUnableToContactWhenCaseloadSuggestsIt() {
        var state = Fixture.state()
        let client = state.byReference.first { $0.suggestsUnableToContact }!
        state.list.selectedID = client.id
        state.press(.character("d"))
        guard case .discharge(let dialog) = state.modal else {
            Issue.record("no discharge dialog")
            return
        }
        #expect(dialog.reason == .unableToContact)
    }

    @Test func escapeWithATypedEndingNoteAsksAndNoGoesBack() {
        var state = Fixture.state()
        state.list.selectedID = state.byReference.first { $0.status == .active }!.id
        state.press(.character("d"), .tab, .tab)
        state.type("Moved to Leeds")
        state.press(.escape)
        guard case .confirm = state.modal else {
            Issue.record("no question")
            return
        }
        state.press(.character("n"))
        guard case .discharge(let dialog) = state.modal else {
            Issue.record("the dialog was lost")
            return
        }
        #expect(dialog.note.text == "Moved to Leeds")
    }
}
