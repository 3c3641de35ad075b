import Foundation
import CaseloadKit
import TerminalUI

/// A selectable row in one of the client view's lists.
enum ClientItem {
    case contact(Contact)
    case goal(Goal)
    case step(Goal, PlanStep)
    case followUp(FollowUp)
    case connection(Connection)
}

extension AppState {
    /// Goals, each followed by its steps, in plan order.
    func planRows(_ client: Client) -> [ClientItem] {
        client.goals.flatMap { goal in [ClientItem.goal(goal)] + goal.steps.map { ClientItem.step(goal, $0) } }
    }

    /// Scheduled follow-ups soonest first, then closed ones most recent first.
    func followUpRows(_ client: Client) -> [FollowUp] {
        client.scheduledFollowUps + client.followUps.filter { !$0.isScheduled }.sorted { $0.due > $1.due }
    }

    func sectionItems(_ client: Client, _ section: ClientSection) -> [ClientItem] {
        switch section {
        case .overview: []
        case .contacts: client.contacts.reversed().map(ClientItem.contact)
        case .plan: planRows(client)
        case .followUps: followUpRows(client).map(ClientItem.followUp)
        case .connections: client.connectionsByLatestChange.map(ClientItem.connection)
        }
    }

    func selectedItem(_ client: Client, _ view: ClientViewState) -> ClientItem? {
        let items = sectionItems(client, view.section)
        return items.indices.contains(view.selection) ? items[view.selection] : nil
    }

    func renderClientView(_ view: ClientViewState, into buffer: inout Buffer) {
        let chrome = self.chrome
        guard let client = clients[view.id] else { return }
        buffer.drawChrome(chrome, title: "\(label(client)) · \(client.status.label)", state: self, hints: ClientScreen.keys.hints)
        let (tabRow, body) = chrome.body.splitTop(1)
        var x = 1
        for section in ClientSection.allCases {
            let count: String = switch section {
            case .overview: ""
            case .contacts: " (\(client.contacts.count))"
            case .plan: " (\(client.goals.count))"
            case .followUps: " (\(client.scheduledFollowUps.count) open)"
            case .connections: " (\(client.connections.count))"
            }
            let style = section == view.section ? Style(.selected, [.bold]) : Style(.muted)
            x += buffer.write(" \(section.title)\(count) ", x: x, y: tabRow.y, style: style) + 1
        }
        if view.section == .overview {
            renderOverview(client, view, into: &buffer, area: body)
        } else {
            renderList(client, view, into: &buffer, area: body)
        }
    }

    private func renderOverview(_ client: Client, _ view: ClientViewState, into buffer: inout Buffer, area: Rect) {
        renderLines(clientLines(client, width: area.width - 2), scroll: view.scroll, into: &buffer, area: area)
    }

    /// Lines of fields and text from `scroll` on, with a "more" mark when some are below.
    func renderLines(_ lines: [ViewLine], scroll: Int, into buffer: inout Buffer, area: Rect) {
        let hasMore = lines.count > scroll + area.height
        // Keep the last row for the "more" mark so it never covers a field.
        let shown = area.height - (hasMore ? 1 : 0)
        for (offset, line) in lines.dropFirst(scroll).prefix(shown).enumerated() {
            let y = area.y + offset
            switch line {
            case .heading(let text):
                buffer.write(text, x: 1, y: y, style: Style(.heading))
            case .field(let label, let value, let style):
                buffer.writeField(label, value, x: 2, y: y, labelWidth: 22, width: area.width - 3, valueStyle: style)
            case .text(let text, let style):
                buffer.write(text, x: 2, y: y, maxWidth: area.width - 3, style: style)
            case .blank:
                break
            }
        }
        if hasMore {
            buffer.write("↓ more (↓/PgDn)", x: 2, y: area.maxY - 1, style: Style(.muted))
        }
    }

    private func renderList(_ client: Client, _ view: ClientViewState, into buffer: inout Buffer, area: Rect) {
        let items = sectionItems(client, view.section)
        if items.isEmpty {
            let hint: String = switch view.section {
            case .contacts: "No contacts yet: press c to record one."
            case .plan: "No goals yet: press g to add one in the person's own words."
            case .followUps: "No follow-ups: press f to schedule one."
            case .connections: "No connections yet: press a to connect this person to a community asset."
            case .overview: ""
            }
            buffer.write(hint, x: 2, y: area.y + 1, maxWidth: area.width - 3, style: Style(.muted))
            return
        }
        let top = max(0, view.selection - area.height + 1)
        for (offset, item) in items.enumerated().dropFirst(top).prefix(area.height).map({ $0 }) {
            let y = area.y + offset - top
            let (text, style) = row(item)
            buffer.write(text, x: 2, y: y, maxWidth: area.width - 3, style: style)
            if offset == view.selection {
                buffer.write("▶", x: 0, y: y, style: Style(.selected))
                buffer.restyle(Rect(x: 0, y: y, width: area.width, height: 1)) { Style(.selected, $0.attributes.union(.bold)) }
            }
        }
    }

    /// One list row as text, with markers that do not rely on colour.
    private func row(_ item: ClientItem) -> (String, Style) {
        switch item {
        case .contact(let contact):
            let duration = contact.durationMinutes.map { " · \($0) min" } ?? ""
            let how = contact.kind == .attempt ? (contact.attemptMethod?.label ?? contact.mode.label) : contact.mode.label
            let measures = [contact.ons4 == nil ? nil : "ONS4", contact.swemwbs == nil ? nil : "SWEMWBS"].compactMap { $0 }
            let firstLine = contact.notes.split(separator: "\n").first.map { " — " + $0 } ?? ""
            let text = "\(DateStyle.screen(contact.at, in: timeZone))  \(contact.kind.label) · \(how)\(duration)"
                + (measures.isEmpty ? "" : " · " + measures.joined(separator: ", ")) + firstLine
            return (text, contact.kind.isSuccessful ? .normal : Style(.muted))
        case .goal(let goal):
            return ("◆ \(goal.text.replacingOccurrences(of: "\n", with: " "))  [\(goal.progressText)]", Style(.heading))
        case .step(_, let step):
            let box = switch step.status {
            case .toDo: "[ ]"
            case .doing: "[~]"
            case .done: "[x]"
            case .dropped: "[-]"
            }
            let who = step.owner == .someoneElse && !step.ownerName.isEmpty ? step.ownerName : step.owner.label
            let due = step.due.map { " · by \(DateStyle.screen($0))" } ?? ""
            let overdue = step.isOverdue(today: today)
            return ("    \(box) \(step.what) · \(who)\(due)\(overdue ? " ⚠ overdue" : "")",
                    step.status == .dropped ? Style(.muted) : overdue ? Style(.warning) : .normal)
        case .connection(let connection):
            let name = assets[connection.assetID]?.name ?? connection.assetName
            let latest = connection.latest
            let since = connection.history.count > 1 ? " (since \(DateStyle.screen(connection.started)))" : ""
            let note = latest.note.split(separator: "\n").first.map { " — " + $0 } ?? ""
            let ended = [.declined, .stopped, .didNotAttend].contains(connection.state)
            return ("\(name) · \(latest.state.label) \(DateStyle.screen(latest.date))\(since)\(note)", ended ? Style(.muted) : .normal)
        case .followUp(let followUp):
            let when = DateStyle.screen(followUp.due) + (followUp.time.map { " " + $0 } ?? "")
            switch followUp.state {
            case .scheduled:
                let overdue = followUp.isOverdue(today: today)
                let moved = followUp.previousDueDates.isEmpty ? "" : " · moved from \(followUp.previousDueDates.map(DateStyle.screen).joined(separator: ", "))"
                return ("\(overdue ? "⚠ OVERDUE " : "")\(when)  \(followUp.purpose) · \(followUp.mode.label)\(moved)",
                        overdue ? Style(.warning) : .normal)
            case .completed(_, let on):
                return ("✓ \(when)  \(followUp.purpose) · done \(DateStyle.screen(on))", Style(.muted))
            case .cancelled(let reason, let on):
                return ("✗ \(when)  \(followUp.purpose) · cancelled \(DateStyle.screen(on)): \(reason)", Style(.muted))
            }
        }
    }
}
