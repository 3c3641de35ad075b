import Foundation
import Testing
import CaseloadKit
import TerminalUI
@testable import CaseloadApp

@Suite struct EditingTests {
    /// Fills the required fields of a new client named `name` and saves.
    private func addClient(_ name: String, to state: inout AppState) -> [Effect] {
        state.press(.character("a"))
        state.type(name)
        focus(.practice, in: &state)
        state.type("Hillview Surgery")
        focus(.consent, in: &state)
        state.press(.character(" "))
        return state.press(.control("s"))
    }

    private func focus(_ field: DraftField, in state: inout AppState) {
        while let form = state.workForm, form.focusKey != field.rawValue { state.press(.tab) }
    }

    @Test func addingAClientSavesItWithTheNextReference() throws {
        var state = Fixture.state()
        let effects = addClient("Zoë Ærø-陈", to: &state)
        guard case .save(let client) = try #require(effects.first) else {
            Issue.record("expected a save, got \(effects)")
            return
        }
        #expect(client.name == "Zoë Ærø-陈")
        #expect(client.reference == "C-0061")
        #expect(client.status == .waiting)
        #expect(client.referral.consentToContact)
        _ = state.update(.saved(client))
        #expect(state.clients[client.id] == client)
        #expect(state.message?.text == "Saved Zoë Ærø-陈 (C-0061)")
        guard case .client(let view) = state.stack.last else {
            Issue.record("expected the new client's view")
            return
        }
        #expect(view.id == client.id)
        #expect(state.list.selectedID == client.id)
    }

    @Test func invalidFieldsBlockSavingAndSayWhy() {
        var state = Fixture.state()
        state.press(.character("a"))
        state.type("Zoë")
        focus(.nhsNumber, in: &state)
        state.type("9434765918")
        #expect(state.press(.control("s")).isEmpty)
        #expect(state.screen.contains("NHS number check digit does not match"))
        guard let form = state.workForm else {
            Issue.record("the form closed")
            return
        }
        #expect(form.focusKey == DraftField.nhsNumber.rawValue)
    }

    @Test func aFailedSaveKeepsTheFormAndItsText() throws {
        var state = Fixture.state()
        let effects = addClient("Łukasz", to: &state)
        guard case .save(let client) = try #require(effects.first) else { return }
        _ = state.update(.saveFailed(client, reason: "Could not save C-0061: No space left on device."))
        #expect(state.message?.kind == .error)
        #expect(state.message?.text.contains("Ctrl-S") == true)
        guard let form = state.workForm else {
            Issue.record("the form was closed after a failed save")
            return
        }
        #expect(form.fields.text("name") == "Łukasz")
        #expect(state.clients[client.id] == nil)
    }

    @Test func escapeAsksBeforeDiscardingChanges() {
        var state = Fixture.state()
        state.press(.character("a"))
        state.type("Zoë")
        state.press(.escape)
        guard case .confirm(let confirmation) = state.modal else {
            Issue.record("no confirmation")
            return
        }
        #expect(confirmation.question.contains("Zoë"))
        state.press(.character("n"))
        guard state.workForm != nil else {
            Issue.record("answering no closed the form")
            return
        }
        state.press(.escape, .character("y"))
        #expect(state.stack.isEmpty)
    }

    @Test func escapeWithoutChangesClosesAtOnce() {
        var state = Fixture.state()
        state.press(.enter, .character("e"), .escape)
        guard case .client = state.stack.last else {
            Issue.record("expected to be back on the client view")
            return
        }
        #expect(!state.hasModal)
    }

    @Test func editingKeepsIdentityAndStampsTheTime() throws {
        var state = Fixture.state()
        let original = state.selectedClient!
        state.press(.character("e"), .end)
        state.type(" Jr")
        state.now = Fixture.now.addingTimeInterval(60)
        guard case .save(let edited) = try #require(state.press(.control("s")).first) else { return }
        #expect(edited.id == original.id)
        #expect(edited.reference == original.reference)
        #expect(edited.name == original.name + " Jr")
        #expect(edited.updatedAt == Fixture.now.addingTimeInterval(60))
    }

    @Test func ctrlCInAChangedFormAsksFirst() {
        var state = Fixture.state()
        state.press(.character("a"))
        state.type("x")
        #expect(state.press(.control("c")).isEmpty)
        #expect(state.press(.character("y")) == [.quit])
    }

    @Test func needsPickerTicksCategories() {
        var state = Fixture.state()
        state.press(.character("a"))
        focus(.needs, in: &state)
        state.press(.enter, .character(" "), .down, .character(" "), .enter)
        guard let form = state.workForm else { return }
        #expect(ClientFormFields.draft(from: form.fields, base: ClientDraft()).needs == [NeedCategory.allCases[0], NeedCategory.allCases[1]])
    }

    @Test func pasteGoesIntoTheFocusedFieldAsText() {
        var state = Fixture.state()
        state.press(.character("a"))
        _ = state.update(.terminal(.paste("Zoë\nq")))
        guard let form = state.workForm else {
            Issue.record("pasted text was taken as commands")
            return
        }
        #expect(form.fields.text("name") == "Zoë q")
    }

    @Test func readOnlyRefusesEdits() {
        var state = Fixture.state(readOnlyReason: "read-only: open in another window (pid 7)")
        state.press(.character("a"))
        #expect(state.stack.isEmpty)
        #expect(state.message?.text.contains("open in another window (pid 7)") == true)
        state.press(.character("d"))
        #expect(!state.hasModal)
    }
}

@Suite struct StatusChangeTests {
    @Test func dischargeAsksReasonDateThenConfirmsNamingTheClient() throws {
        var state = Fixture.state()
        let active = state.byReference.first { $0.status == .active }!
        state.list.selectedID = active.id
        state.press(.character("d"), .down, .enter)
        guard case .confirm(let confirmation) = state.modal else {
            Issue.record("no confirmation")
            return
        }
        #expect(confirmation.question.contains(active.name))
        #expect(confirmation.question.contains(DischargeReason.allCases[1].label))
        guard case .save(let discharged) = try #require(state.press(.character("y")).first) else { return }
        #expect(discharged.status == .discharged)
        #expect(discharged.discharge?.date == Fixture.today)
        _ = state.update(.saved(discharged))
        #expect(state.message?.text.hasPrefix("Discharged \(active.name)") == true)
    }

    @Test func dischargeRejectsAFutureDate() {
        var state = Fixture.state()
        state.list.selectedID = state.byReference.first { $0.status == .active }!.id
        state.press(.character("d"), .tab, .control("u"))
        state.type("01-Jan-2030")
        state.press(.enter)
        guard case .discharge(let dialog) = state.modal else {
            Issue.record("the dialog closed")
            return
        }
        #expect(dialog.error == "The discharge date cannot be in the future.")
    }

    @Test func reopenConfirmsAndReturnsToActive() throws {
        var state = Fixture.state()
        let discharged = state.byReference.first { $0.status == .discharged && $0.firstContactDate != nil }!
        state.list.selectedID = discharged.id
        state.press(.character("r"))
        guard case .confirm(let confirmation) = state.modal else {
            Issue.record("no confirmation")
            return
        }
        #expect(confirmation.question == "Reopen \(discharged.name) (\(discharged.reference)) as active?")
        guard case .save(let reopened) = try #require(state.press(.character("y")).first) else { return }
        #expect(reopened.status == .active)
    }

    @Test func cancellingAConfirmationChangesNothing() {
        var state = Fixture.state()
        let discharged = state.byReference.first { $0.status == .discharged }!
        state.list.selectedID = discharged.id
        state.press(.character("r"))
        #expect(state.press(.escape).isEmpty)
        #expect(state.clients[discharged.id]?.status == .discharged)
    }
}

@Suite struct StatusPickerTests {
    @Test func changingAWaitingClientToActiveSavesIt() throws {
        var state = Fixture.state()
        let waiting = state.byReference.first { $0.status == .waiting }!
        state.list.selectedID = waiting.id
        state.press(.character("t"), .down, .down)
        guard case .save(let changed) = try #require(state.press(.enter).first) else { return }
        #expect(changed.status == .active)
        #expect(changed.firstContactDate == Fixture.today)
        _ = state.update(.saved(changed))
        #expect(state.message?.text == "\(waiting.name) (\(waiting.reference)) is now active")
    }

    @Test func aDischargedClientIsPointedToReopen() {
        var state = Fixture.state()
        state.list.selectedID = state.byReference.first { $0.status == .discharged }!.id
        state.press(.character("t"))
        #expect(!state.hasModal)
        #expect(state.message?.text.contains("press r to reopen") == true)
    }

    @Test func escapeLeavesTheStatusAlone() {
        var state = Fixture.state()
        state.list.selectedID = state.byReference.first { $0.status == .active }!.id
        state.press(.character("t"), .down)
        #expect(state.press(.escape).isEmpty)
        #expect(state.message?.text == "Status not changed")
    }
}
