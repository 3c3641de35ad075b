import Foundation
import CaseloadKit
import CaseloadReports
import TerminalUI

/// What can be written from where: a client's session summary (three formats) and feedback letter,
/// or the report on screen (four formats). ↑/↓ choose, Enter writes to the data folder's exports/.
public struct ExportMenu: Sendable {
    public enum Choice: Hashable, Sendable {
        case session(DocumentFormat)
        case feedback
        case report(DocumentFormat)

        var label: String {
            switch self {
            case .session(.text): "Session summary, plain text (to paste into the GP record)"
            case .session(let format): "Session summary, \(format.label)"
            case .feedback: "Feedback letter to the referrer (plain text)"
            case .report(let format): "Report, \(format.label)"
            }
        }
    }

    public var title: String
    public var clientID: UUID?
    /// The contact the session summary is of.
    public var contactID: UUID?
    public var choices: [Choice]
    /// A warning above the choices: that the person has not agreed to share with the referrer.
    public var note: String?
    public var selection = 0
}

extension AppState {
    /// The details every export is signed with, at this moment.
    var exportContext: ExportContext {
        ExportContext(worker: settings, generatedAt: now, timeZone: timeZone)
    }

    /// From a client: the selected contact in the Contacts section, else the latest one.
    mutating func openExportMenu(_ client: Client, _ view: ClientViewState) {
        let selected: Contact? = if view.section == .contacts, case .contact(let contact)? = selectedItem(client, view) { contact } else { nil }
        let contact = selected ?? SessionSummary.defaultContact(of: client)
        let sessions: [ExportMenu.Choice] = contact == nil ? [] : [.session(.text), .session(.markdown), .session(.json)]
        let about = contact.map { " · contact of \(DateStyle.screen($0.at, in: timeZone))" } ?? " · no contacts yet"
        // A session summary holds notes and what matters: say so before it goes to a GP record.
        let note: String? = switch client.referral.consentToShare {
        case true?: nil
        case false?: "Not agreed to share with the referrer: summaries are for your own record."
        case nil: "Not asked yet about sharing with the referrer: summaries are for your own record."
        }
        modal = .exportMenu(ExportMenu(title: "Export for \(label(client))" + about, clientID: client.id,
                                       contactID: contact?.id, choices: sessions + [.feedback], note: note))
    }

    mutating func openReportExportMenu() {
        modal = .exportMenu(ExportMenu(title: "Write this report", clientID: nil, contactID: nil,
                                       choices: [.report(.markdown), .report(.text), .report(.csv), .report(.json)], note: nil))
    }

    mutating func updateExportMenu(_ key: Key, _ menu: ExportMenu) -> [Effect] {
        var menu = menu
        let count = menu.choices.count
        switch key {
        case .up, .character("k"): menu.selection = (menu.selection - 1 + count) % count
        case .down, .character("j"): menu.selection = (menu.selection + 1) % count
        case .escape:
            modal = nil
            message = Message("Nothing written")
            return []
        case .enter:
            modal = nil
            return export(menu.choices[menu.selection], menu)
        default: break
        }
        modal = .exportMenu(menu)
        return []
    }

    private mutating func export(_ choice: ExportMenu.Choice, _ menu: ExportMenu) -> [Effect] {
        let context = exportContext
        let signed = settings.name.isEmpty ? " (unsigned: press o on the caseload list to add your name)" : ""
        switch choice {
        case .session(let format):
            guard let client = menu.clientID.flatMap({ clients[$0] }), let contactID = menu.contactID,
                  let contact = client.contacts.first(where: { $0.id == contactID }),
                  let contents = SessionSummary.render(client: client, contactID: contactID, assets: assets, format: format, context: context)
            else {
                message = Message(error: "That contact is no longer on record")
                return []
            }
            let name = SessionSummary.fileName(client: client, contact: contact, format: format, timeZone: timeZone)
            return [.writeExport(what: "Session summary" + signed, name: name, contents: contents)]
        case .feedback:
            guard let client = menu.clientID.flatMap({ clients[$0] }) else { return [] }
            let contents = ReferrerFeedback.letter(client: client, assets: assets, context: context)
            let shared = client.referral.consentToShare == true ? "" : " (codes, status and dates only: no consent to share)"
            return [.writeExport(what: "Feedback letter" + shared + signed, name: ReferrerFeedback.fileName(client: client, on: today),
                                 contents: contents)]
        case .report(let format):
            guard case .report(let view) = stack.last else { return [] }
            return [.writeExport(what: "Report" + signed, name: ReportDocument.fileName(for: view.report, format: format),
                                 contents: ReportDocument.render(view.report, format: format, context: context))]
        }
    }

    func renderExportMenu(_ menu: ExportMenu, into buffer: inout Buffer) {
        let width = min(chrome.body.width - 4, 72)
        let noteLines = menu.note.map { TextWidth.wrap($0, width: width - 4) } ?? []
        let top = noteLines.isEmpty ? 0 : noteLines.count + 1
        let panel = chrome.body.centred(width: width, height: top + menu.choices.count + 5)
        buffer.drawBox(panel, title: menu.title)
        let inner = panel.inset(by: 1)
        for (offset, line) in noteLines.enumerated() {
            buffer.write(line, x: inner.x + 1, y: inner.y + offset, maxWidth: inner.width - 2, style: Style(.warning))
        }
        for (offset, choice) in menu.choices.enumerated() {
            let chosen = offset == menu.selection
            buffer.write((chosen ? "▶ " : "  ") + choice.label, x: inner.x + 1, y: inner.y + top + offset,
                         maxWidth: inner.width - 2, style: chosen ? Style(.focusedField) : .normal)
        }
        buffer.write("Written to exports/ in the caseload folder, readable only by you.", x: inner.x + 1, y: inner.maxY - 2,
                     maxWidth: inner.width - 2, style: Style(.muted))
        buffer.write("↑/↓ choose · Enter write · Esc cancel", x: inner.x + 1, y: inner.maxY - 1,
                     maxWidth: inner.width - 2, style: Style(.muted))
    }
}
