import Foundation
import CaseloadKit
import TerminalUI

extension AppState {
    // MARK: Opening forms

    mutating func startAddingClient() -> [Effect] {
        guard refuseIfReadOnly() else { return [] }
        // Numbers held by unreadable files stay out of use too: that person still exists.
        let issued = clients.values.map(\.reference) + loadProblems.compactMap(\.reference)
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

    // MARK: Editing

    /// The value column's width, which the multi-line editor wraps to.
    var workFormValueWidth: Int {
        let width = chrome.body.width
        return max(8, width - min(28, max(14, width / 3)) - 3)
    }

    mutating func updateWorkForm(_ key: Key, _ form: WorkForm) -> [Effect] {
        var form = form
        // A notes field pages by the rows it shows, so PgUp/PgDn never skip text.
        let pageHeight = if case .text(let editor)? = form.focused?.value {
            WorkForm.textRows(editor, width: workFormValueWidth, focused: true)
        } else { 1 }
        let outcome = form.handle(key, width: workFormValueWidth, pageHeight: pageHeight)
        stack[stack.count - 1] = .work(form)
        switch outcome {
        case .none: return []
        case .choiceChanged:
            rebuildFields(&form)
        case .save:
            return submit(&form)
        case .cancel:
            if form.hasChanges {
                modal = .confirm(Confirmation(question: "Discard \(unsavedDescription(form))?", action: .discardForm))
            } else {
                stack.removeLast()
            }
            return []
        case .openExternalEditor:
            return [.editExternally(form.focused?.lineText ?? "")]
        case .pickAreas:
            if case .areas(let areas) = form.focused?.value {
                modal = .needsPicker(NeedsPicker(chosen: Set(areas), fieldKey: form.focusKey))
            }
            return []
        case .help:
            modal = .help(scroll: 0)
            return []
        case .readOnly:
            message = Message(error: "Read only: nothing here can be changed. Esc goes back.")
            return []
        }
        stack[stack.count - 1] = .work(form)
        return []
    }

    /// How questions about dropping a form name what would be lost.
    func unsavedDescription(_ form: WorkForm) -> String {
        guard case .client(let id, let isNew, _) = form.kind else { return "what you typed in “\(form.title)”" }
        if let client = clients[id], !isNew { return "your unsaved changes to \(label(client))" }
        let name = form.fields.text(DraftField.name.rawValue).trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? "your unsaved changes to the new client" : "your unsaved changes to the new client \(name)"
    }

    mutating func rebuildWorkFormFields() {
        guard case .work(var form) = stack.last else { return }
        rebuildFields(&form)
        stack[stack.count - 1] = .work(form)
    }

    /// Text edited in $EDITOR comes back into the field it left.
    mutating func externalEditFinished(_ text: String) {
        guard case .work(var form) = stack.last else { return }
        form.replaceFocusedText(text)
        stack[stack.count - 1] = .work(form)
        message = Message("Text taken back from your editor")
    }

    /// Some choices show or hide fields: an attempt asks how, a what-matters conversation asks
    /// what matters, "someone else" asks who, and measures add their questions.
    private func rebuildFields(_ form: inout WorkForm) {
        guard let client = clients[form.kind.clientID] else { return }
        switch form.kind {
        case .contact:
            let draft = WorkForms.contactDraft(from: form.fields, base: contactBase(client, form.kind))
            form.replaceFields(with: WorkForms.contactFields(draft, measures: form.choice("measures")))
        case .step:
            form.replaceFields(with: WorkForms.stepFields(WorkForms.stepDraft(from: form.fields, base: StepDraft())))
        case .client, .followUp, .cancelFollowUp, .goal:
            break
        }
    }

    /// What the fields do not hold: the follow-up a contact completes, and the defaults.
    private func contactBase(_ client: Client, _ kind: WorkFormKind) -> ContactDraft {
        var draft = ContactDraft(now: now, timeZone: timeZone, client: client)
        if case .contact(_, _, let followUpID) = kind { draft.followUpID = followUpID }
        return draft
    }

    /// Problems by field key, from the domain's validation of the draft.
    func workFormProblems(_ form: WorkForm) -> [String: String] {
        if case .client(let id, let isNew, _) = form.kind {
            let draft = ClientFormFields.draft(from: form.fields, base: ClientDraft())
            let problems = draft.validate(today: today, editing: isNew ? nil : clients[id])
            return Dictionary(uniqueKeysWithValues: problems.map { ($0.key.rawValue, $0.value) })
        }
        guard let client = clients[form.kind.clientID] else { return [:] }
        switch form.kind {
        case .client:
            return [:]
        case .contact:
            let draft = WorkForms.contactDraft(from: form.fields, base: contactBase(client, form.kind))
            let problems = draft.validate(today: today, now: now, timeZone: timeZone, client: client)
            return Dictionary(problems.map { (WorkForms.contactFieldKey($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        case .followUp:
            let draft = WorkForms.followUpDraft(from: form.fields, base: FollowUpDraft(today: today))
            return Dictionary(uniqueKeysWithValues: draft.validate(today: today, client: client).map { ($0.key.rawValue, $0.value) })
        case .cancelFollowUp:
            return form.fields.text("reason").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? ["reason": "Say why it is cancelled"] : [:]
        case .goal:
            return form.fields.text("text").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? ["text": "Write the goal, in the person's own words"] : [:]
        case .step:
            let draft = WorkForms.stepDraft(from: form.fields, base: StepDraft())
            return Dictionary(uniqueKeysWithValues: draft.validate().map { ($0.key.rawValue, $0.value) })
        }
    }

    private mutating func submit(_ form: inout WorkForm) -> [Effect] {
        form.attemptedSave = true
        stack[stack.count - 1] = .work(form)
        let problems = workFormProblems(form)
        if let first = form.fields.first(where: { problems[$0.key] != nil }) {
            message = Message(error: "Not saved: \(problems.count) problem\(problems.count == 1 ? "" : "s") to fix. \(first.label.trimmingCharacters(in: .whitespaces)): \(problems[first.key]!)")
            form.focusKey = first.key
            stack[stack.count - 1] = .work(form)
            return []
        }
        if case .client(let id, true, let reference) = form.kind {
            do {
                let draft = ClientFormFields.draft(from: form.fields, base: ClientDraft())
                // A form recovered after a stop may hold a number issued since: never give it twice.
                let issued = clients.values.map(\.reference) + loadProblems.compactMap(\.reference)
                let unique = issued.contains(reference) ? ClientReference.next(existing: issued) : reference
                if unique != reference { savedMessage = "\(reference) was given to someone else meanwhile, so this client is \(unique)" }
                return [.save(try draft.newClient(id: id, reference: unique, today: today, now: now))]
            } catch {
                message = Message(error: "Not saved: \(error)")
                return []
            }
        }
        guard let client = clients[form.kind.clientID] else { return [] }
        do {
            let changed = try changedClient(client, by: form)
            if changed == client {
                stack.removeLast()
                message = Message("No changes to save")
                return []
            }
            return [.save(changed)]
        } catch {
            message = Message(error: "Not saved: \(error)")
            return []
        }
    }

    /// The client as the form would leave it, through the domain's rules.
    private func changedClient(_ client: Client, by form: WorkForm) throws -> Client {
        switch form.kind {
        case .client:
            return try ClientFormFields.draft(from: form.fields, base: ClientDraft(client: client)).applied(to: client, today: today, now: now)
        case .contact(_, let contactID, _):
            let draft = WorkForms.contactDraft(from: form.fields, base: contactBase(client, form.kind))
            let contact = try draft.build(id: contactID ?? UUID(), timeZone: timeZone)
            return contactID == nil
                ? try client.recording(contact, today: today, timeZone: timeZone, at: now)
                : try client.replacingContact(contact, timeZone: timeZone, at: now)
        case .followUp(_, let followUpID):
            let draft = WorkForms.followUpDraft(from: form.fields, base: FollowUpDraft(today: today))
            let built = try draft.build(id: followUpID ?? UUID())
            guard let followUpID, let existing = client.followUps.first(where: { $0.id == followUpID }) else {
                return try client.scheduling(built, at: now)
            }
            var changed = client
            if built.due != existing.due || built.time != existing.time {
                changed = try changed.reschedulingFollowUp(id: followUpID, to: built.due, time: built.time, at: now)
            }
            return try changed.updatingFollowUp(id: followUpID, purpose: built.purpose, mode: built.mode, at: now)
        case .cancelFollowUp(_, let followUpID):
            return try client.cancellingFollowUp(id: followUpID, reason: form.fields.text("reason").trimmingCharacters(in: .whitespacesAndNewlines),
                                                 on: today, at: now)
        case .goal(_, let goalID):
            let text = form.fields.text("text").trimmingCharacters(in: .whitespacesAndNewlines)
            guard let goalID, var goal = client.goals.first(where: { $0.id == goalID }) else {
                return try client.addingGoal(Goal(text: text, createdOn: today), at: now)
            }
            guard goal.text != text else { return client }
            goal.text = text
            return try client.updatingGoal(goal, at: now)
        case .step(_, let goalID, let stepID):
            guard var goal = client.goals.first(where: { $0.id == goalID }) else { return client }
            let step = try WorkForms.stepDraft(from: form.fields, base: StepDraft()).build(id: stepID ?? UUID())
            if let index = goal.steps.firstIndex(where: { $0.id == step.id }) {
                guard goal.steps[index] != step else { return client }
                goal.steps[index] = step
            } else {
                goal.steps.append(step)
            }
            return try client.updatingGoal(goal, at: now)
        }
    }
}

enum WorkFormScreen {
    static let hints = [
        HintItem(key: "Ctrl-S", text: "Save"), HintItem(key: "Esc", text: "Cancel"), HintItem(key: "Tab", text: "Next"),
        HintItem(key: "Ctrl-E", text: "Editor"), HintItem(key: "F1", text: "Help"),
    ]

    static let help = [
        HelpLine(keys: "Tab/Shift-Tab", text: "Next / previous field"),
        HelpLine(keys: "Enter", text: "New line in a notes field; next field elsewhere"),
        HelpLine(keys: "↑/↓ PgUp/PgDn", text: "Move through the text of a notes field"),
        HelpLine(keys: "Ctrl-←/→", text: "Move by word"),
        HelpLine(keys: "←/→ Space", text: "Change a choice"),
        HelpLine(keys: "Ctrl-E", text: "Edit the field in your own editor ($VISUAL or $EDITOR)"),
        HelpLine(keys: "Ctrl-S/F2", text: "Save"),
        HelpLine(keys: "Esc", text: "Cancel (asks before dropping what you typed)"),
        HelpLine(keys: "Ctrl-U/Ctrl-W", text: "Delete to line start / the word before the cursor"),
    ]
}
