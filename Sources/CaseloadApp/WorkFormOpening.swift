import Foundation
import CaseloadKit
import TerminalUI

/// Opening each kind of form, with the checks that come first (read-only window, discharged client).
extension AppState {
    mutating func startAddingClient() -> [Effect] {
        guard refuseIfReadOnly() else { return [] }
        // Numbers held by unreadable files stay out of use too: that person still exists.
        let issued = clients.values.map(\.reference) + loadProblems.compactMap(\.reference) + reservedReferences
        let reference = ClientReference.next(existing: issued)
        let draft = ClientDraft(referralDate: today, practice: list.practiceFilter ?? "")
        open(WorkForm(kind: .client(clientID: UUID(), isNew: true, reference: reference), title: "New client \(reference)",
                      fields: ClientFormFields.fields(draft)))
        return []
    }

    mutating func startEditing(_ client: Client) -> [Effect] {
        guard refuseIfReadOnly() else { return [] }
        open(WorkForm(kind: .client(clientID: client.id, isNew: false, reference: client.reference),
                      title: "Editing \(label(client))", fields: ClientFormFields.fields(ClientDraft(client: client))))
        return []
    }

    mutating func openContactForm(_ client: Client, completing followUp: FollowUp? = nil) {
        guard refuseIfReadOnly(), refuseIfDischarged(client) else { return }
        var draft = ContactDraft(now: now, timeZone: timeZone, client: client)
        if let followUp {
            draft.followUpID = followUp.id
            draft.mode = followUp.mode
            if client.firstContactDate != nil { draft.kind = .review }
        }
        let title = followUp.map { "Complete follow-up for \(label(client)): \($0.purpose)" } ?? "New contact with \(label(client))"
        open(WorkForm(kind: .contact(clientID: client.id, contactID: nil, followUpID: followUp?.id), title: title,
                      fields: WorkForms.contactFields(draft, measures: .none)))
    }

    /// A past contact opens for editing, or for reading only when the client is discharged or this
    /// window is read-only: the record can always be read.
    mutating func openContactForm(_ client: Client, editing contact: Contact) {
        let draft = ContactDraft(contact: contact, timeZone: timeZone)
        var form = WorkForm(kind: .contact(clientID: client.id, contactID: contact.id, followUpID: contact.followUpID),
                            title: "Contact with \(label(client)) on \(DateStyle.screen(contact.at, in: timeZone))",
                            fields: WorkForms.contactFields(draft, measures: WorkForms.measureChoice(of: draft)))
        if isReadOnly || client.status == .discharged {
            form.isReadOnly = true
            form.title += " (read only)"
            message = Message(isReadOnly ? "Read only in this window" : "\(label(client)) is discharged: reopen (r) to change this contact")
        }
        open(form)
    }

    mutating func openFollowUpForm(_ client: Client, editing followUp: FollowUp? = nil) {
        guard refuseIfReadOnly(), refuseIfDischarged(client) else { return }
        let draft = followUp.map(FollowUpDraft.init(followUp:)) ?? FollowUpDraft(today: today)
        let title = followUp == nil ? "Schedule a follow-up with \(label(client))" : "Reschedule follow-up with \(label(client))"
        open(WorkForm(kind: .followUp(clientID: client.id, followUpID: followUp?.id), title: title,
                      fields: WorkForms.followUpFields(draft)))
    }

    mutating func openCancelFollowUpForm(_ client: Client, _ followUp: FollowUp) {
        guard refuseIfReadOnly() else { return }
        open(WorkForm(kind: .cancelFollowUp(clientID: client.id, followUpID: followUp.id),
                      title: "Cancel follow-up of \(DateStyle.screen(followUp.due)) with \(label(client))",
                      fields: [.line("reason", "Reason", "", required: true, hint: "For example: client asked to rearrange")]))
    }

    mutating func openGoalForm(_ client: Client, editing goal: Goal? = nil) {
        guard refuseIfReadOnly(), refuseIfDischarged(client) else { return }
        open(WorkForm(kind: .goal(clientID: client.id, goalID: goal?.id),
                      title: goal == nil ? "New goal for \(label(client))" : "Goal of \(label(client))",
                      fields: [WorkField(key: "text", label: "Goal, in their words", value: .text(TextEditor(goal?.text ?? "")),
                                         required: true, hint: "For example: “I want to get out of the house more”")]))
    }

    mutating func openStepForm(_ client: Client, goal: Goal, editing step: PlanStep? = nil) {
        guard refuseIfReadOnly(), refuseIfDischarged(client) else { return }
        let draft = step.map(StepDraft.init(step:)) ?? StepDraft()
        open(WorkForm(kind: .step(clientID: client.id, goalID: goal.id, stepID: step?.id),
                      title: (step == nil ? "New step towards: " : "Step towards: ") + goal.text,
                      fields: WorkForms.stepFields(draft)))
    }

    private mutating func open(_ form: WorkForm) {
        stack.append(.work(form))
    }

    mutating func refuseIfDischarged(_ client: Client) -> Bool {
        guard client.status == .discharged else { return true }
        message = Message(error: "\(label(client)) is discharged: press r to reopen first")
        return false
    }
}
