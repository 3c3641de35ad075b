import Foundation
import CaseloadKit
import TerminalUI

/// Asks how and when a client is discharged before confirming.
public struct DischargeDialog: Sendable {
    public enum Focus: Sendable { case reason, date, note }
    public var clientID: UUID
    public var reason: DischargeReason = .goalsMet
    public var date: TextInput
    public var note = TextInput()
    public var focus: Focus = .reason
    public var error: String?
}

extension AppState {
    mutating func startDischarge(_ client: Client) {
        guard refuseIfReadOnly() else { return }
        guard client.status != .discharged else {
            message = Message(error: "\(label(client)) is already discharged: press r to reopen")
            return
        }
        var dialog = DischargeDialog(clientID: client.id, date: TextInput(DateStyle.screen(today)))
        // Caseload has been suggesting this ending; start there.
        if client.suggestsUnableToContact { dialog.reason = .unableToContact }
        modal = .discharge(dialog)
    }

    mutating func confirmReopen(_ client: Client) {
        guard refuseIfReadOnly() else { return }
        guard client.status == .discharged else {
            message = Message(error: "\(label(client)) is not discharged, so there is nothing to reopen")
            return
        }
        modal = .confirm(Confirmation(question: "Reopen \(label(client)) as \(client.reopenStatus.label.lowercased())?",
                                      action: .reopen(client.id)))
    }

    /// Returns true when saving is possible; otherwise says why.
    mutating func refuseIfReadOnly() -> Bool {
        guard let reason = readOnlySentence else { return true }
        message = Message(error: "\(reason): nothing can be changed here")
        return false
    }

    mutating func updateDischarge(_ key: Key, _ dialog: DischargeDialog) -> [Effect] {
        var dialog = dialog
        switch key {
        case .escape:
            if dialog.note.text.trimmingCharacters(in: .whitespaces).isEmpty {
                modal = nil
                message = Message("Discharge cancelled")
            } else {
                modal = .confirm(Confirmation(question: "Cancel the discharge? The ending note you typed will be lost.",
                                              action: .abandonDischarge(dialog)))
            }
            return []
        case .tab:
            dialog.focus = dialog.focus == .reason ? .date : dialog.focus == .date ? .note : .reason
        case .backTab:
            dialog.focus = dialog.focus == .reason ? .note : dialog.focus == .date ? .reason : .date
        case .up where dialog.focus == .reason, .down where dialog.focus == .reason,
             .left where dialog.focus == .reason, .right where dialog.focus == .reason,
             .character(" ") where dialog.focus == .reason:
            let all = DischargeReason.allCases
            let index = all.firstIndex(of: dialog.reason)! + (key == .up || key == .left ? -1 : 1)
            dialog.reason = all[(index + all.count) % all.count]
        case .enter, .control("s"), .function(2):
            guard let client = clients[dialog.clientID] else { return [] }
            guard let date = DateStyle.parse(dialog.date.text) else {
                dialog.error = "Enter the date like \(DateStyle.screen(today)) or \(today.iso)"
                dialog.focus = .date
                break
            }
            let discharge = Discharge(reason: dialog.reason, date: date, note: dialog.note.text.trimmingCharacters(in: .whitespaces))
            do {
                _ = try client.discharged(discharge, today: today, at: now)
            } catch {
                dialog.error = error.description
                dialog.focus = .date
                break
            }
            modal = .confirm(Confirmation(
                question: "Discharge \(label(client)) on \(DateStyle.screen(date)): \(dialog.reason.label)?",
                action: .discharge(client.id, discharge)))
            return []
        default:
            switch dialog.focus {
            case .date: dialog.date.handle(key)
            case .note: dialog.note.handle(key)
            case .reason: break
            }
        }
        modal = .discharge(dialog)
        return []
    }

    mutating func updateConfirmation(_ key: Key, _ confirmation: Confirmation) -> [Effect] {
        modal = nil
        guard key == .character("y") || key == .character("Y") else {
            if case .abandonDischarge(let dialog) = confirmation.action {
                modal = .discharge(dialog)
                return []
            }
            message = Message("Cancelled: nothing was changed")
            return []
        }
        switch confirmation.action {
        case .abandonDischarge:
            message = Message("Discharge cancelled")
            return []
        case .discardForm:
            let recoveryFile = if case .work(let form) = stack.last { form.recoveryFile } else { String?.none }
            stack.removeLast()
            message = Message("Changes discarded")
            return recoveryFile.map { [.removeRecovery($0)] } ?? []
        case .quitDiscardingForm:
            return [.quit]
        case .reopen(let id):
            guard let client = clients[id] else { return [] }
            do {
                return [.save(try client.reopened(on: today, at: now))]
            } catch {
                message = Message(error: error.description)
                return []
            }
        case .discharge(let id, let discharge):
            guard let client = clients[id] else { return [] }
            do {
                return [.save(try client.discharged(discharge, today: today, at: now))]
            } catch {
                message = Message(error: error.description)
                return []
            }
        case .moveAside(let files):
            return [.moveAside(files)]
        case .retireAsset(let id):
            return assets[id].map { [.saveAsset($0.retired(on: today, at: now))] } ?? []
        case .restoreAsset(let id):
            return assets[id].map { [.saveAsset($0.retired(on: nil, at: now))] } ?? []
        case .connectDespiteCapacity(let clientID, let assetID, let stepID):
            if let client = clients[clientID], let asset = assets[assetID] {
                openConnectionForm(client, asset: asset, stepID: stepID)
            }
            return []
        }
    }

    /// Fits the smallest screen (60x16): one row each for reason, date, note, problem and keys.
    func renderDischarge(_ dialog: DischargeDialog, into buffer: inout Buffer) -> (x: Int, y: Int)? {
        guard let client = clients[dialog.clientID] else { return nil }
        let panel = chrome.body.centred(width: 64, height: 9)
        buffer.drawBox(panel, title: "Discharge \(label(client))")
        let inner = panel.inset(by: 1)
        let fieldX = inner.x + 9
        let width = inner.maxX - fieldX - 1
        func style(_ focus: DischargeDialog.Focus) -> Style { Style(dialog.focus == focus ? .focusedField : .inputField) }

        buffer.write("Reason", x: inner.x + 1, y: inner.y, style: Style(.muted))
        buffer.write("‹ \(dialog.reason.label) ›", x: fieldX, y: inner.y, maxWidth: width, style: style(.reason))
        var cursor: (x: Int, y: Int)?
        for (offset, (label, input, focus)) in [("Date", dialog.date, DischargeDialog.Focus.date), ("Note", dialog.note, .note)].enumerated() {
            let y = inner.y + 2 + offset
            buffer.write(label, x: inner.x + 1, y: y, style: Style(.muted))
            let visible = input.visible(width: width)
            buffer.fill(Rect(x: fieldX, y: y, width: width, height: 1), style: style(focus))
            buffer.write(visible.text, x: fieldX, y: y, style: style(focus))
            if dialog.focus == focus { cursor = (fieldX + visible.cursorColumn, y) }
        }
        if let error = dialog.error {
            buffer.write("✗ " + error, x: inner.x + 1, y: inner.y + 5, maxWidth: inner.width - 2, style: Style(.error))
        }
        buffer.write("←/→ reason · Tab next · Enter continue · Esc cancel", x: inner.x + 1, y: inner.maxY - 1,
                     maxWidth: inner.width - 2, style: Style(.muted))
        return cursor
    }

    func renderConfirmation(_ confirmation: Confirmation, into buffer: inout Buffer) {
        let lines = TextWidth.wrap(confirmation.question, width: min(56, chrome.body.width - 6))
        let panel = chrome.body.centred(width: min(60, chrome.body.width), height: lines.count + 4)
        buffer.drawBox(panel, title: "Please confirm")
        for (offset, line) in lines.enumerated() {
            buffer.write(line, x: panel.x + 2, y: panel.y + 1 + offset, style: Style(.normal, [.bold]))
        }
        buffer.write("y yes · any other key: no", x: panel.x + 2, y: panel.maxY - 2, style: Style(.muted))
    }
}
