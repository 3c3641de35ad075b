import Foundation
import CaseloadKit
import TerminalUI

/// The asset and connection forms: fields from their drafts and drafts back from the fields.
enum AssetFormFields {
    private typealias A = AssetField
    private typealias C = ConnectionField

    static func fields(_ draft: AssetDraft) -> [WorkField] {
        [
            .line(A.name.rawValue, A.name.label, draft.name, required: true, hint: "For example: Riverside Walking Group"),
            .line(A.organisation.rawValue, A.organisation.label, draft.organisation),
            WorkField(key: A.categories.rawValue, label: A.categories.label, value: .areas(draft.categories),
                      hint: "Enter to choose the areas of life it helps with"),
            .choice(A.capacity.rawValue, A.capacity.label, draft.capacity),
            .text(A.description.rawValue, A.description.label, draft.description),
            .line(A.schedule.rawValue, A.schedule.label, draft.schedule, hint: "For example: Thursdays 10:00-12:00, term time"),
            .line(A.address.rawValue, A.address.label, draft.address),
            .line(A.phone.rawValue, A.phone.label, draft.phone),
            .line(A.email.rawValue, A.email.label, draft.email),
            .line(A.website.rawValue, A.website.label, draft.website),
            .line(A.eligibility.rawValue, A.eligibility.label, draft.eligibility, hint: "For example: adults 50+, carers, Hillview patients"),
            .line(A.cost.rawValue, A.cost.label, draft.cost, hint: "For example: free, or £2 a session"),
            .line(A.lastChecked.rawValue, A.lastChecked.label, draft.lastChecked, hint: "When someone last confirmed these details, for example 21-Nov-2026"),
            .line(A.checkedBy.rawValue, A.checkedBy.label, draft.checkedBy),
            .text(A.notes.rawValue, A.notes.label, draft.notes, hint: "What link workers know: who to ask for, what people said"),
        ]
    }

    static func draft(from fields: [WorkField]) -> AssetDraft {
        var draft = AssetDraft()
        draft.name = fields.text(A.name.rawValue)
        draft.organisation = fields.text(A.organisation.rawValue)
        if case .areas(let areas) = fields[A.categories.rawValue]?.value { draft.categories = areas }
        draft.capacity = fields.choice(A.capacity.rawValue)
        draft.description = fields.text(A.description.rawValue)
        draft.schedule = fields.text(A.schedule.rawValue)
        draft.address = fields.text(A.address.rawValue)
        draft.phone = fields.text(A.phone.rawValue)
        draft.email = fields.text(A.email.rawValue)
        draft.website = fields.text(A.website.rawValue)
        draft.eligibility = fields.text(A.eligibility.rawValue)
        draft.cost = fields.text(A.cost.rawValue)
        draft.lastChecked = fields.text(A.lastChecked.rawValue)
        draft.checkedBy = fields.text(A.checkedBy.rawValue)
        draft.notes = fields.text(A.notes.rawValue)
        return draft
    }

    // MARK: Connections

    /// The plan steps a connection may serve, as the step choice lists them after "None".
    static func steps(of client: Client) -> [PlanStep] {
        client.goals.flatMap(\.steps)
    }

    static func connectionFields(_ draft: ConnectionDraft, client: Client, history: [ConnectionEvent]) -> [WorkField] {
        let steps = steps(of: client)
        let stepIndex = draft.stepID.flatMap { id in steps.firstIndex { $0.id == id } }.map { $0 + 1 } ?? 0
        var state = WorkField.choice(C.state.rawValue, history.isEmpty ? C.state.label : "New state", draft.state)
        if !history.isEmpty {
            // The whole story with its notes: the list row shows only the latest change.
            state.hint = "So far:\n" + history.map { event in
                "\(DateStyle.screen(event.date))  \(event.state.label)" + (event.note.isEmpty ? "" : " — " + event.note)
            }.joined(separator: "\n")
        }
        return [
            state,
            .line(C.date.rawValue, C.date.label, draft.date, required: true, hint: "When it happened, for example 21-Nov-2026"),
            WorkField(key: C.step.rawValue, label: C.step.label,
                      value: .choice(stepIndex, options: ["None"] + steps.map { $0.what })),
            .text(C.note.rawValue, C.note.label, draft.note, hint: "For example: went twice, enjoyed it; or why it stopped"),
        ]
    }

    static func connectionDraft(from fields: [WorkField], client: Client) -> ConnectionDraft {
        let steps = steps(of: client)
        let stepIndex = (fields[C.step.rawValue]?.choiceIndex ?? 0) - 1
        return ConnectionDraft(state: fields.choice(C.state.rawValue), dateText: fields.text(C.date.rawValue),
                               stepID: steps.indices.contains(stepIndex) ? steps[stepIndex].id : nil,
                               note: fields.text(C.note.rawValue))
    }
}
