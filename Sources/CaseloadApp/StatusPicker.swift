import Foundation
import CaseloadKit
import TerminalUI

/// Moves an open case between waiting, contacting, active and on hold: ↑/↓ choose, Enter applies.
public struct StatusPicker: Sendable {
    public var clientID: UUID
    /// The statuses this client may move to, from `Client.reachableOpenStatuses`.
    public var choices: [ClientStatus]
    public var choice: ClientStatus
}

extension AppState {
    mutating func startStatusChange(_ client: Client) {
        guard refuseIfReadOnly() else { return }
        guard client.status != .discharged else {
            message = Message(error: "\(label(client)) is discharged: press r to reopen")
            return
        }
        modal = .statusPicker(StatusPicker(clientID: client.id, choices: client.reachableOpenStatuses, choice: client.status))
    }

    mutating func updateStatusPicker(_ key: Key, _ picker: StatusPicker) -> [Effect] {
        var picker = picker
        let choices = picker.choices
        let index = choices.firstIndex(of: picker.choice) ?? 0
        switch key {
        case .up, .character("k"): picker.choice = choices[(index - 1 + choices.count) % choices.count]
        case .down, .character("j"): picker.choice = choices[(index + 1) % choices.count]
        case .escape:
            modal = nil
            message = Message("Status not changed")
            return []
        case .enter:
            modal = nil
            guard let client = clients[picker.clientID] else { return [] }
            guard picker.choice != client.status else {
                message = Message("\(label(client)) is already \(client.status.label.lowercased())")
                return []
            }
            do {
                return [.save(try client.changingStatus(to: picker.choice, on: today, at: now))]
            } catch {
                message = Message(error: error.description)
                return []
            }
        default: break
        }
        modal = .statusPicker(picker)
        return []
    }

    func renderStatusPicker(_ picker: StatusPicker, into buffer: inout Buffer) {
        guard let client = clients[picker.clientID] else { return }
        let choices = picker.choices
        let panel = chrome.body.centred(width: 56, height: choices.count + 5)
        buffer.drawBox(panel, title: "Status of \(label(client))")
        let inner = panel.inset(by: 1)
        for (offset, status) in choices.enumerated() {
            let chosen = status == picker.choice
            let current = status == client.status ? "  (now)" : ""
            buffer.write((chosen ? "(•) " : "( ) ") + status.label + current, x: inner.x + 1, y: inner.y + offset,
                         maxWidth: inner.width - 2, style: chosen ? Style(.focusedField) : .normal)
        }
        buffer.write("Discharge with d, reopen with r.", x: inner.x + 1, y: inner.maxY - 2, maxWidth: inner.width - 2, style: Style(.muted))
        buffer.write("↑/↓ choose · Enter apply · Esc cancel", x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, style: Style(.muted))
    }
}
