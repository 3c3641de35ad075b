import Foundation
import CaseloadKit
import TerminalUI

/// The agenda across the whole caseload: what is overdue, what is due today and this week, and
/// who is still waiting to be contacted.
public struct AgendaState: Sendable {
    /// Index among the selectable rows (follow-ups and waiting clients), kept while a client is open.
    public var selection = 0
}

/// A row of the agenda: a heading, a follow-up, a waiting client, or a line saying a part is empty.
enum AgendaRow: Sendable {
    enum Bucket: Sendable { case overdue, today, week }

    case heading(String)
    case followUp(Agenda.Entry, bucket: Bucket)
    case waiting(Client)
    case empty(String)

    var clientID: UUID? {
        switch self {
        case .followUp(let entry, _): entry.clientID
        case .waiting(let client): client.id
        case .heading, .empty: nil
        }
    }
}

/// The agenda as built for `day`; any change to the clients drops it.
struct AgendaCache: Sendable {
    let day: CalendarDate
    let rows: [AgendaRow]
}

enum AgendaAction: Sendable {
    case up, down, pageUp, pageDown, top, bottom, open, caseload, directory, report, settings, theme, help, quit
}

enum AgendaScreen {
    static let keys = KeyMap<AgendaAction>([
        KeyBinding([.enter], .open, help: "Open the client", hint: "Open"),
        KeyBinding([.tab], .directory, help: "Community assets directory", hint: "Assets"),
        KeyBinding([.escape], .caseload, help: "Back to the caseload list", hint: "Caseload"),
        KeyBinding([.character("m")], .report, help: HomeKeys.reportHelp, hint: "Report"),
        KeyBinding([.character("o")], .settings, help: HomeKeys.settingsHelp, hint: "Settings"),
        KeyBinding([.character("?"), .function(1)], .help, help: "Show this help", hint: "Help"),
        KeyBinding([.character("q")], .quit, help: "Quit Caseload", hint: "Quit"),
    ] + KeyBinding.listNavigation(up: .up, down: .down, pageUp: .pageUp, pageDown: .pageDown,
                                  top: .top, bottom: .bottom, item: "row") + [
        KeyBinding([.character("T")], .theme, help: HomeKeys.themeHelp),
    ])
}

extension AppState {
    var agendaRows: [AgendaRow] {
        if let cache = agendaCache, cache.day == today { return cache.rows }
        return buildAgendaRows()
    }

    /// Builds the agenda ahead of the keys and frames that show it (see `agendaCache`).
    mutating func prepareAgenda() {
        guard home == .agenda, agendaCache?.day != today else { return }
        agendaCache = AgendaCache(day: today, rows: buildAgendaRows())
    }

    private func buildAgendaRows() -> [AgendaRow] {
        // Sorted first so that ties (same day and time) always come in reference order.
        let agenda = Agenda.make(clients: clients.values.sorted { $0.reference < $1.reference }, today: today)
        func part(_ title: String, _ entries: [Agenda.Entry], _ bucket: AgendaRow.Bucket, empty: String) -> [AgendaRow] {
            [.heading("\(title) (\(entries.count))")]
                + (entries.isEmpty ? [.empty(empty)] : entries.map { .followUp($0, bucket: bucket) })
        }
        return part("⚠ Overdue", agenda.overdue, .overdue, empty: "Nothing overdue.")
            + part("Today, \(DateStyle.screen(today))", agenda.today, .today, empty: "Nothing due today.")
            + part("Next 7 days", agenda.nextSevenDays, .week, empty: "Nothing due in the next 7 days.")
            + [.heading("Waiting list, longest wait first (\(agenda.waiting.count))")]
            + (agenda.waiting.isEmpty ? [.empty("Nobody is waiting for a first contact.")] : agenda.waiting.map(AgendaRow.waiting))
    }

    mutating func updateAgenda(_ key: Key) -> [Effect] {
        guard let action = AgendaScreen.keys.action(for: key) else { return [] }
        // The agenda is built from every client: build it once per key, not once per row.
        let rows = agendaRows
        let selectable = rows.indices.filter { rows[$0].clientID != nil }
        let page = max(1, chrome.body.height - 2)
        func move(_ delta: Int) {
            agenda.selection = max(0, min(agenda.selection + delta, selectable.count - 1))
        }
        switch action {
        case .up: move(-1)
        case .down: move(1)
        case .pageUp: move(-page)
        case .pageDown: move(page)
        case .top: agenda.selection = 0
        case .bottom: agenda.selection = max(0, selectable.count - 1)
        case .open:
            guard selectable.indices.contains(agenda.selection) else {
                message = Message("Nothing to open: the agenda is empty")
                return []
            }
            let row = rows[selectable[agenda.selection]]
            guard let id = row.clientID else { return [] }
            var view = ClientViewState(id: id)
            // A follow-up opens the client's follow-ups with that one selected, ready to complete.
            if case .followUp(let entry, _) = row, let client = clients[id] {
                view.section = .followUps
                view.selection = followUpRows(client).firstIndex { $0.id == entry.followUp.id } ?? 0
            }
            stack.append(.client(view))
        case .caseload: home = .caseload
        case .directory: home = .directory
        case .report: openReport()
        case .settings: openSettings()
        case .theme: openThemePicker()
        case .help: modal = .help(scroll: 0)
        case .quit: return [.quit]
        }
        return []
    }

    func renderAgenda(into buffer: inout Buffer) {
        let chrome = self.chrome
        let rows = agendaRows
        let selectable = rows.indices.filter { rows[$0].clientID != nil }
        let selectedRow = selectable.indices.contains(agenda.selection) ? selectable[agenda.selection] : nil
        buffer.drawChrome(chrome, title: "Agenda · \(DateStyle.screen(today))" + (isDemo ? " · DEMO (synthetic)" : ""),
                          state: self, hints: AgendaScreen.keys.hints)
        let area = chrome.body
        let top = max(0, (selectedRow ?? 0) - area.height + 2)
        for (offset, row) in rows.enumerated().dropFirst(top).prefix(area.height).map({ $0 }) {
            let y = area.y + offset - top
            let (text, style) = agendaText(row)
            buffer.write(text, x: 2, y: y, maxWidth: area.width - 3, style: style)
            if offset == selectedRow {
                buffer.write("▶", x: 0, y: y, style: Style(.selected))
                buffer.restyle(Rect(x: 0, y: y, width: area.width, height: 1)) { Style(.selected, $0.attributes.union(.bold)) }
            }
        }
    }

    private func agendaText(_ row: AgendaRow) -> (String, Style) {
        switch row {
        case .heading(let title):
            return (title, Style(.heading, [.underline]))
        case .empty(let text):
            return ("  " + text, Style(.muted))
        case .followUp(let entry, let bucket):
            let client = clients[entry.clientID]
            let followUp = entry.followUp
            let overdue = bucket == .overdue
            // Today's rows need only the time; other days need the date too.
            let day = bucket == .today ? "" : DateStyle.screen(followUp.due) + " "
            let when = day + (followUp.time ?? "     ")
            let flag = client?.hasRisk == true ? "!" : " "
            let who = client.map { label($0) } ?? "?"
            return ("\(overdue ? "⚠ " : "  ")\(when)  \(flag) \(who) · \(followUp.purpose) · \(followUp.mode.label)",
                    overdue ? Style(.warning) : .normal)
        case .waiting(let client):
            let days = client.currentWait(today: today).map { "\($0)d" } ?? ""
            let attempts = client.consecutiveFailedAttempts
            let tries = attempts > 0 ? " · \(attempts) attempt\(attempts == 1 ? "" : "s")" : ""
            return ("  \(TextWidth.fit(days, to: 4, alignRight: true))  \(client.hasRisk ? "!" : " ") \(label(client)) · "
                    + "\(client.practice) · referred \(DateStyle.screen(client.referral.date))\(tries)", .normal)
        }
    }
}
