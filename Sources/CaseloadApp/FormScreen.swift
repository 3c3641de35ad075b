import Foundation
import CaseloadKit
import TerminalUI

enum FormAction: Sendable {
    case save, cancel, next, previous, help
}

enum FormScreen {
    /// Letters type into fields here, so commands use Ctrl and function keys.
    static let keys = KeyMap<FormAction>([
        KeyBinding([.control("s"), .function(2)], .save, help: "Save the client", hint: "Save"),
        KeyBinding([.escape], .cancel, help: "Cancel (asks before discarding changes)", hint: "Cancel"),
        KeyBinding([.tab, .down], .next, help: "Next field", hint: "Next"),
        KeyBinding([.backTab, .up], .previous, help: "Previous field"),
        KeyBinding([.function(1)], .help, help: "Show this help", hint: "Help"),
    ])

    static let fieldHelp = [
        HelpLine(keys: "←/→ Space", text: "Change a choice (contact, role, consent, supervision)"),
        HelpLine(keys: "Enter/Space", text: "Choose needs (on the Needs field)"),
        HelpLine(keys: "Ctrl-U", text: "Clear the field before the cursor"),
        HelpLine(keys: "Ctrl-W", text: "Delete the word before the cursor"),
    ]
}

extension AppState {
    mutating func startAddingClient() -> [Effect] {
        guard refuseIfReadOnly() else { return [] }
        // Numbers held by unreadable files stay out of use too: that person still exists.
        let issued = clients.values.map(\.reference) + loadProblems.compactMap(\.reference)
        let reference = ClientReference.next(existing: issued)
        let draft = ClientDraft(referralDate: today, practice: list.practiceFilter ?? "")
        stack.append(.form(FormState(clientID: UUID(), isNew: true, reference: reference, draft: draft)))
        return []
    }

    mutating func startEditing(_ client: Client) -> [Effect] {
        guard refuseIfReadOnly() else { return [] }
        stack.append(.form(FormState(clientID: client.id, isNew: false, reference: client.reference, draft: ClientDraft(client: client))))
        return []
    }

    func formProblems(_ form: FormState) -> [DraftField: String] {
        form.draft.validate(today: today, editing: form.isNew ? nil : clients[form.clientID])
    }

    mutating func updateForm(_ key: Key, _ form: FormState) -> [Effect] {
        var form = form
        defer { if case .form = stack.last { stack[stack.count - 1] = .form(form) } }
        let fields = DraftField.allCases
        let index = fields.firstIndex(of: form.focus)!
        let kind = FormState.kind(of: form.focus)

        if kind == .text, form.input.handle(key) {
            form.setText(form.input.text, of: form.focus)
            return []
        }
        if let action = FormScreen.keys.action(for: key) {
            switch action {
            case .save: return save(&form)
            case .cancel:
                if form.hasChanges {
                    modal = .confirm(Confirmation(question: "Discard your unsaved changes to \(form.subject)?", action: .discardForm))
                } else {
                    stack.removeLast()
                }
            case .next: form.focus(on: fields[(index + 1) % fields.count])
            case .previous: form.focus(on: fields[(index - 1 + fields.count) % fields.count])
            case .help: modal = .help(scroll: 0)
            }
            return []
        }
        switch (kind, key) {
        case (.text, .enter): form.focus(on: fields[(index + 1) % fields.count])
        case (.choice, .right), (.choice, .character(" ")), (.toggle, .right), (.toggle, .character(" ")), (.toggle, .enter):
            form.cycle(form.focus, forward: true)
        case (.choice, .left), (.toggle, .left):
            form.cycle(form.focus, forward: false)
        case (.choice, .enter): form.focus(on: fields[(index + 1) % fields.count])
        case (.multiChoice, .enter), (.multiChoice, .character(" ")):
            modal = .needsPicker(NeedsPicker(chosen: form.draft.needs))
        default: break
        }
        return []
    }

    private mutating func save(_ form: inout FormState) -> [Effect] {
        form.attemptedSave = true
        let problems = formProblems(form)
        if let first = DraftField.allCases.first(where: { problems[$0] != nil }) {
            let count = problems.count
            message = Message(error: "Not saved: \(count) problem\(count == 1 ? "" : "s") to fix. \(first.label): \(problems[first]!)")
            form.focus(on: first)
            return []
        }
        do {
            if form.isNew {
                return [.save(try form.draft.newClient(id: form.clientID, reference: form.reference, today: today, now: now))]
            }
            guard let existing = clients[form.clientID] else { return [] }
            let updated = try form.draft.applied(to: existing, today: today, now: now)
            if updated == existing {
                stack.removeLast()
                message = Message("No changes to save")
                return []
            }
            return [.save(updated)]
        } catch {
            message = Message(error: "Not saved: \(error.messages.values.sorted().joined(separator: "; "))")
            return []
        }
    }
}
