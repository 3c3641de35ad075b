import Foundation
import CaseloadKit
import TerminalUI

public struct ClientViewState: Sendable {
    public var id: UUID
    public var scroll = 0
}

enum ClientAction: Sendable {
    case back, edit, changeStatus, discharge, reopen, up, down, pageUp, pageDown, top, bottom, help
}

enum ClientScreen {
    static let keys = KeyMap<ClientAction>([
        KeyBinding([.escape, .character("q")], .back, help: "Back to the caseload", hint: "Back"),
        KeyBinding([.character("e")], .edit, help: "Edit this client", hint: "Edit"),
        KeyBinding([.character("t")], .changeStatus, help: "Change status: waiting, contacting, active, on hold", hint: "Status"),
        KeyBinding([.character("d")], .discharge, help: "Discharge (asks for reason and date)", hint: "Discharge"),
        KeyBinding([.character("r")], .reopen, help: "Reopen a discharged client", hint: "Reopen"),
        KeyBinding([.character("?"), .function(1)], .help, help: "Show this help", hint: "Help"),
        KeyBinding([.up, .character("k")], .up, help: "Scroll up"),
        KeyBinding([.down, .character("j")], .down, help: "Scroll down"),
        KeyBinding([.pageUp], .pageUp, help: "Page up"),
        KeyBinding([.pageDown], .pageDown, help: "Page down"),
        KeyBinding([.home, .character("g")], .top, help: "Top"),
        KeyBinding([.end, .character("G")], .bottom, help: "Bottom"),
    ])
}

/// One line of the client view before it is drawn.
enum ViewLine {
    case heading(String)
    case field(String, String, Style)
    case text(String, Style)
    case blank
}

extension AppState {
    mutating func updateClientView(_ key: Key, _ view: ClientViewState) -> [Effect] {
        guard let action = ClientScreen.keys.action(for: key), let client = clients[view.id] else { return [] }
        var view = view
        let page = max(1, chrome.body.height - 2)
        switch action {
        case .back:
            stack.removeLast()
            return []
        case .edit: return startEditing(client)
        case .changeStatus: startStatusChange(client)
        case .discharge: startDischarge(client)
        case .reopen: confirmReopen(client)
        case .help: modal = .help(scroll: 0)
        case .up: view.scroll -= 1
        case .down: view.scroll += 1
        case .pageUp: view.scroll -= page
        case .pageDown: view.scroll += page
        case .top: view.scroll = 0
        case .bottom: view.scroll = Int.max / 2
        }
        let lines = clientLines(client, width: chrome.body.width - 2).count
        view.scroll = max(0, min(view.scroll, lines - chrome.body.height + 1))
        stack[stack.count - 1] = .client(view)
        return []
    }

    func renderClientView(_ view: ClientViewState, into buffer: inout Buffer) {
        let chrome = self.chrome
        guard let client = clients[view.id] else { return }
        buffer.drawChrome(chrome, title: "\(label(client)) · \(client.status.label)", state: self, hints: ClientScreen.keys.hints)
        let lines = clientLines(client, width: chrome.body.width - 2)
        let hasMore = lines.count > view.scroll + chrome.body.height
        // Keep the last row for the "more" mark so it never covers a field.
        let shown = chrome.body.height - (hasMore ? 1 : 0)
        for (offset, line) in lines.dropFirst(view.scroll).prefix(shown).enumerated() {
            let y = chrome.body.y + offset
            switch line {
            case .heading(let text):
                buffer.write(text, x: 1, y: y, style: Style(.heading))
            case .field(let label, let value, let style):
                buffer.writeField(label, value, x: 2, y: y, labelWidth: 22, width: chrome.body.width - 3, valueStyle: style)
            case .text(let text, let style):
                buffer.write(text, x: 2, y: y, maxWidth: chrome.body.width - 3, style: style)
            case .blank:
                break
            }
        }
        if hasMore {
            buffer.write("↓ more (↓/PgDn)", x: 2, y: chrome.body.maxY - 1, style: Style(.muted))
        }
    }

    /// Every field of the client, risk first, wrapped to `width`.
    func clientLines(_ client: Client, width: Int) -> [ViewLine] {
        var lines: [ViewLine] = []
        let wrapWidth = max(10, width - 2)
        if client.hasRisk {
            lines.append(.text("⚠ RISK / SAFEGUARDING", Style(.risk, [.reverse])))
            for line in TextWidth.wrap(client.riskNote, width: wrapWidth) { lines.append(.text(line, Style(.risk))) }
            lines.append(.blank)
        }
        if client.discussInSupervision {
            lines.append(.text("● Flagged to discuss in supervision", Style(.warning)))
            lines.append(.blank)
        }
        func optional(_ text: String?) -> String { text.flatMap { $0.isEmpty ? nil : $0 } ?? "—" }

        lines.append(.heading("Person"))
        lines.append(.field("Name", client.name, Style(.normal, [.bold])))
        lines.append(.field("Preferred name", optional(client.preferredName), .normal))
        let birth = client.dateOfBirth.map { "\(DateStyle.screen($0)) (age \($0.age(on: today)))" }
        lines.append(.field("Date of birth", optional(birth), .normal))
        lines.append(.field("NHS number", optional(client.nhsNumber?.formatted), .normal))
        lines.append(.field("Reference", client.reference, .normal))
        lines.append(.blank)

        lines.append(.heading("Contact"))
        lines.append(.field("Phone", optional(client.phone), .normal))
        lines.append(.field("Email", optional(client.email), .normal))
        lines.append(.field("Address", optional(client.address), .normal))
        lines.append(.field("Preferred contact", optional(client.preferredContact?.label), .normal))
        lines.append(.field("GP practice", client.practice, .normal))
        lines.append(.blank)

        lines.append(.heading("Referral"))
        let referral = client.referral
        lines.append(.field("Referred on", DateStyle.screen(referral.date), .normal))
        let referrer = [referral.referrerName, referral.referrerRole.label].filter { !$0.isEmpty }.joined(separator: ", ")
        lines.append(.field("Referred by", referrer, .normal))
        lines.append(.field("Needs", referral.needs.isEmpty ? "—" : referral.needs.map(\.label).joined(separator: "; "), .normal))
        lines.append(.field("Consent to contact", referral.consentToContact ? "Yes" : "No", referral.consentToContact ? .normal : Style(.warning)))
        lines.append(.field("Reason", "", .normal))
        for line in TextWidth.wrap(referral.reason.isEmpty ? "—" : referral.reason, width: wrapWidth - 2) {
            lines.append(.text("  " + line, .normal))
        }
        lines.append(.blank)

        lines.append(.heading("Status"))
        lines.append(.field("Status", client.status.label, Style(.normal, [.bold])))
        if let waited = client.daysWaiting(today: today) {
            let label = client.firstContactDate == nil ? "Waiting so far" : "Waited"
            lines.append(.field(label, "\(waited) day\(waited == 1 ? "" : "s") from referral", .normal))
        }
        if let first = client.firstContactDate {
            lines.append(.field("First contact", DateStyle.screen(first), .normal))
        }
        if let discharge = client.discharge {
            lines.append(.field("Discharged", "\(DateStyle.screen(discharge.date)): \(discharge.reason.label)", .normal))
            if !discharge.note.isEmpty { lines.append(.field("Discharge note", discharge.note, .normal)) }
        }
        for change in client.statusHistory {
            let note = change.note.isEmpty ? "" : " (\(change.note))"
            lines.append(.field("", "\(DateStyle.screen(change.date)) \(change.from.label) → \(change.to.label)\(note)", Style(.muted)))
        }
        lines.append(.field("Created", DateStyle.screen(client.createdAt, in: timeZone), Style(.muted)))
        lines.append(.field("Last updated", DateStyle.screen(client.updatedAt, in: timeZone), Style(.muted)))
        return lines
    }
}
