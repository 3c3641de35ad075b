import Foundation
import CaseloadKit
import TerminalUI

/// Keys in an open form, and the fields a choice shows or hides.
extension AppState {
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
        if case .asset(let id, _) = form.kind, let asset = assets[id] { return "your unsaved changes to “\(asset.name)”" }
        if form.kind == .settings { return "your unsaved changes to your details" }
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
        guard let id = form.kind.clientID, let client = clients[id] else { return }
        switch form.kind {
        case .contact:
            let draft = WorkForms.contactDraft(from: form.fields, base: contactBase(client, form.kind))
            form.replaceFields(with: WorkForms.contactFields(draft, measures: form.choice("measures")))
        case .step:
            form.replaceFields(with: WorkForms.stepFields(WorkForms.stepDraft(from: form.fields, base: StepDraft())))
        case .client, .followUp, .cancelFollowUp, .goal, .connection, .asset, .settings:
            break
        }
    }

    /// What the fields do not hold: the follow-up a contact completes, and the defaults.
    func contactBase(_ client: Client, _ kind: WorkFormKind) -> ContactDraft {
        var draft = ContactDraft(now: now, timeZone: timeZone, client: client)
        if case .contact(_, _, let followUpID) = kind { draft.followUpID = followUpID }
        return draft
    }

    /// Problems by field key, from the domain's validation of the draft.
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
