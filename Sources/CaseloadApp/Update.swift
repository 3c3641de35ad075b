import Foundation
import CaseloadKit
import TerminalUI

extension AppState {
    /// The one place state changes: a pure function of the state and an event, returning the work
    /// (saving, quitting) for the shell to do.
    public mutating func update(_ event: AppEvent) -> [Effect] {
        let effects = apply(event)
        prepareAgenda()
        return effects
    }

    private mutating func apply(_ event: AppEvent) -> [Effect] {
        switch event {
        case .terminal(.resize(let newSize)):
            size = newSize
            scrollListToSelection()
            scrollDirectoryToSelection()
            return []
        case .terminal(.key(let key)):
            let effects = handle(key)
            scrollListToSelection()
            scrollDirectoryToSelection()
            return effects
        case .terminal(.paste(let text)):
            paste(text)
            return []
        case .saved(let client):
            let effects = saved(client)
            scrollListToSelection()
            return effects
        case .assetSaved(let asset):
            let effects = assetSaved(asset)
            scrollDirectoryToSelection()
            return effects
        case .assetSaveFailed(_, let reason):
            savedMessage = nil
            if case .work(let form) = stack.last, case .asset = form.kind {
                message = Message(error: "\(reason) Changes kept: Ctrl-S retries.")
            } else {
                message = Message(error: "\(reason) Nothing was changed.")
            }
            return []
        case .assetsImported(let report):
            importFinished(report)
            scrollDirectoryToSelection()
            return []
        case .settingsSaved(let saved):
            return settingsSaved(saved)
        case .settingsSaveFailed(let reason):
            let formOpen = if case .work(let form) = stack.last, form.kind == .settings { true } else { false }
            // Without the form open, the save was the theme picker's: the theme stays on screen.
            message = Message(error: "\(reason)" + (formOpen ? " Changes kept: Ctrl-S retries." : " The theme applies to this window only."))
            savedMessage = nil
            return []
        case .exportWritten(let what, let path):
            // Inside the caseload folder (shown in help) the file's own name is what matters on one line.
            let folder = dataFolder.hasSuffix("/") ? dataFolder : dataFolder + "/"
            let shown = !dataFolder.isEmpty && path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path
            message = Message("\(what) written to \(shown)")
            return []
        case .saveFailed(let client, let reason):
            savedMessage = nil
            if case .work(let form) = stack.last, form.kind.clientID == client.id {
                message = Message(error: "\(reason) Changes kept: Ctrl-S retries.")
            } else {
                message = Message(error: "\(reason) Nothing was changed.")
            }
            return []
        case .clock(let date):
            now = date
            return []
        case .clientsLoaded(let loaded):
            clientsArrived(loaded)
            return []
        case .externalEditFinished(let text):
            externalEditFinished(text)
            return []
        case .movedAside(let result):
            movedAside(result)
            return []
        case .effectFailed(let reason):
            message = Message(error: reason)
            return []
        }
    }

    private mutating func handle(_ key: Key) -> [Effect] {
        // While the terminal is too small nothing is visible, so only quitting is allowed, and typing
        // into a form's text, which goes on as it was.
        if isTooSmall {
            if key == .control("c") { return quitRequested() }
            guard case .work(let form) = stack.last, let field = hiddenFormTextField else { return [] }
            switch (field, key) {
            case (_, .character), (_, .backspace), (.text, .enter): return updateWorkForm(key, form)
            default: return []
            }
        }
        if key == .control("c") { return quitRequested() }
        if case .confirm(let confirmation) = modal { return updateConfirmation(key, confirmation) }
        // A new key press replaces the last message, except while a modal question is open.
        if modal == nil { message = nil }
        switch modal {
        case .help(let scroll):
            modal = scrollModal(key, scroll: scroll).map { .help(scroll: $0) }
            return []
        case .loadProblems(let scroll):
            return updateLoadProblems(key, scroll: scroll, scrolled: scrollModal(key, scroll: scroll))
        case .discharge(let dialog):
            return updateDischarge(key, dialog)
        case .needsPicker(let picker):
            updateNeedsPicker(key, picker)
            return []
        case .statusPicker(let picker):
            return updateStatusPicker(key, picker)
        case .recovery(let recovered, _):
            return updateRecovery(key, recovered)
        case .assetPicker(let picker):
            updateAssetPicker(key, picker)
            return []
        case .importPath(let input):
            return updateImportPath(key, input)
        case .exportMenu(let menu):
            return updateExportMenu(key, menu)
        case .themePicker(let picker):
            return updateThemePicker(key, picker)
        case .report(let title, let lines, let scroll):
            modal = scrollModal(key, scroll: scroll).map { .report(title: title, lines: lines, scroll: $0) }
            return []
        case .confirm, nil:
            break
        }
        switch stack.last {
        case nil where home == .agenda: return updateAgenda(key)
        case nil where home == .directory: return updateDirectory(key)
        case nil: return updateList(key)
        case .client(let view): return updateClientView(key, view)
        case .asset(let view): return updateAssetView(key, view)
        case .report(let view): return updateReportView(key, view)
        case .work(let form): return updateWorkForm(key, form)
        }
    }

    /// Help and the problem list scroll with arrows and close with any other key.
    private func scrollModal(_ key: Key, scroll: Int) -> Int? {
        switch key {
        case .down, .character("j"): scroll + 1
        case .up, .character("k"): max(0, scroll - 1)
        case .pageDown: scroll + 10
        case .pageUp: max(0, scroll - 10)
        default: nil
        }
    }

    private mutating func quitRequested() -> [Effect] {
        if case .work(let form) = stack.last, form.hasChanges {
            modal = .confirm(Confirmation(question: "Quit and discard \(unsavedDescription(form))?", action: .quitDiscardingForm))
            return []
        }
        if case .discharge(let dialog) = modal, !dialog.note.text.isEmpty {
            modal = .confirm(Confirmation(question: "Quit without discharging? The note you typed will be lost.", action: .quitDiscardingForm))
            return []
        }
        return [.quit]
    }

    /// The focused text field of a form the window shrank under. Terminals pass a new size later than
    /// the keys typed at them (tmux up to 250 ms later), so typing there carries on and nothing typed
    /// is lost; every other key waits, so that nothing happens unseen.
    private var hiddenFormTextField: WorkField.Value? {
        guard modal == nil, case .work(let form) = stack.last, let value = form.focused?.value else { return nil }
        switch value {
        case .line, .text: return value
        case .choice, .areas: return nil
        }
    }

    /// Pasted text goes into whichever text field has focus, as text, never as keys.
    private mutating func paste(_ text: String) {
        if isTooSmall && hiddenFormTextField == nil { return }
        switch modal {
        case .discharge(var dialog):
            switch dialog.focus {
            case .date: dialog.date.insert(text)
            case .note: dialog.note.insert(text)
            case .reason: break
            }
            modal = .discharge(dialog)
        case .assetPicker(let picker):
            pasteIntoAssetPicker(text, picker)
        case .importPath(var input):
            input.insert(text)
            modal = .importPath(input)
        case nil:
            if stack.isEmpty, home == .caseload, list.searchInput != nil {
                pasteIntoSearch(text)
            } else if stack.isEmpty, home == .directory, directory.searchInput != nil {
                pasteIntoDirectorySearch(text)
            } else if case .work(var form) = stack.last {
                form.paste(text)
                stack[stack.count - 1] = .work(form)
            }
        default:
            break
        }
    }

    /// A save the shell completed: the new version replaces the old everywhere it shows.
    private mutating func saved(_ client: Client) -> [Effect] {
        let previous = clients[client.id]
        store(client)
        refreshRows()
        var effects: [Effect] = []
        if case .work(let form) = stack.last, form.kind.clientID == client.id {
            stack.removeLast()
            if let file = form.recoveryFile { effects.append(.removeRecovery(file)) }
            message = Message(savedMessage ?? savedWorkMessage(form, client: client, previous: previous))
            if previous == nil {
                // A new client hidden by the filters would leave the selection on an invisible row.
                if !list.rows.contains(client.id) {
                    list.statusFilter = .all
                    list.practiceFilter = nil
                    refreshRows()
                    message = Message("Saved \(label(client)); filters cleared to show them")
                }
                list.selectedID = client.id
                stack.append(.client(ClientViewState(id: client.id)))
            }
        } else if previous?.status == .discharged && client.status != .discharged {
            message = Message("Reopened \(label(client)) as \(client.status.label.lowercased())")
        } else if client.status == .discharged {
            message = Message("Discharged \(label(client)): \(client.discharge?.reason.label ?? "")")
        } else if previous?.status != client.status {
            message = Message("\(label(client)) is now \(client.status.label.lowercased())")
        } else {
            message = Message(savedMessage ?? "Saved \(label(client))")
        }
        savedMessage = nil
        return effects
    }

    /// What a saved work form did, in words, including a status the save moved.
    private func savedWorkMessage(_ form: WorkForm, client: Client, previous: Client?) -> String {
        let what: String = switch form.kind {
        case .client: "Saved \(label(client))"
        case .contact(_, nil, nil): "Recorded contact with \(label(client))"
        case .contact(_, nil, _): "Recorded contact with \(label(client)); follow-up done"
        case .contact: "Saved contact with \(label(client))"
        case .followUp(_, nil): "Follow-up scheduled for \(label(client))"
        case .followUp: "Follow-up updated for \(label(client))"
        case .cancelFollowUp: "Follow-up cancelled for \(label(client))"
        case .goal: "Goal saved for \(label(client))"
        case .step: "Step saved for \(label(client))"
        case .connection(_, nil, let assetID): "Connected \(label(client)) to \(assets[assetID]?.name ?? "the asset")"
        case .connection(_, _, let assetID): "Connection to \(assets[assetID]?.name ?? "the asset") updated for \(label(client))"
        case .asset, .settings: "Saved \(label(client))"
        }
        guard let before = previous?.status, before != client.status else { return what }
        return what + "; now \(client.status.label.lowercased())"
    }
}
