import Foundation
import CaseloadKit
import TerminalUI

/// Column layout of the caseload table: fixed columns first, the rest shared by name and practice.
struct ListColumns {
    struct Column {
        var title: String
        var width: Int
        var alignRight = false
    }

    enum Kind: CaseIterable { case flags, name, reference, nhs, practice, status, waiting, next, updated }

    var columns: [(kind: Kind, column: Column)]

    /// Narrow terminals drop "Updated" (the next follow-up matters more), then the NHS number,
    /// so names keep room to be read.
    init(width: Int) {
        var kinds = Kind.allCases
        if width < 99 { kinds.removeAll { $0 == .updated } }
        if width < 66 { kinds.removeAll { $0 == .nhs } }
        let fixedWidths: [Kind: Int] = [.flags: 2, .reference: 7, .nhs: 12, .status: 10, .waiting: 5, .next: 9, .updated: 11]
        let fixed = kinds.compactMap { fixedWidths[$0] }.reduce(0, +)
        // On wide screens names and practices stop growing, so the row stays easy to follow by eye.
        let flexible = min(72, max(10, width - fixed - (kinds.count - 1)))
        let name = flexible * 3 / 5
        columns = kinds.map { kind in
            switch kind {
            case .flags: (kind, Column(title: "", width: 2))
            case .name: (kind, Column(title: "Name", width: name))
            case .reference: (kind, Column(title: "Ref", width: 7))
            case .nhs: (kind, Column(title: "NHS number", width: 12))
            case .practice: (kind, Column(title: "Practice", width: flexible - name))
            case .status: (kind, Column(title: "Status", width: 10))
            case .waiting: (kind, Column(title: "Wait", width: 5, alignRight: true))
            case .next: (kind, Column(title: "Next", width: 9))
            case .updated: (kind, Column(title: "Updated", width: 11))
            }
        }
    }

    /// One table row as text, each cell cut or padded to its column; `cell` gives a column's text.
    func line(_ cell: (Kind) -> String) -> [(kind: Kind, text: String, x: Int)] {
        var x = 0
        return columns.map { kind, column in
            defer { x += column.width + 1 }
            return (kind, TextWidth.fit(cell(kind), to: column.width, alignRight: column.alignRight), x)
        }
    }
}

extension AppState {
    func renderList(into buffer: inout Buffer) -> (x: Int, y: Int)? {
        let chrome = self.chrome
        let hints = list.searchInput != nil ? ListScreen.searchHints : ListScreen.keys.hints
        buffer.drawChrome(chrome, title: listTitle, state: self, hints: hints)

        var body = chrome.body
        let (filterRow, afterFilter) = body.splitTop(1)
        body = afterFilter
        var cursor: (x: Int, y: Int)?
        if let input = list.searchInput {
            let prompt = "Search (name, ref, NHS no): "
            let x = buffer.write(prompt, x: 1, y: filterRow.y, style: Style(.heading))
            let visible = input.visible(width: max(1, filterRow.width - x - 2))
            buffer.write(visible.text, x: 1 + x, y: filterRow.y, style: Style(.inputField))
            cursor = (1 + x + visible.cursorColumn, filterRow.y)
        } else {
            var parts = [
                "Sort: \(list.sort.label)",
                "Status: \(list.statusFilter.label)",
                "Practice: \(list.practiceFilter ?? "all")",
                "Showing \(list.rows.count)",
            ]
            if !list.searchQuery.isEmpty { parts.append("Search: “\(list.searchQuery)”") }
            buffer.write(" " + parts.joined(separator: "  │  "), x: 0, y: filterRow.y, style: Style(.muted))
        }

        let (headerRow, tableArea) = body.splitTop(1)
        let layout = ListColumns(width: body.width - 1)
        for cell in layout.line({ kind in layout.columns.first { $0.kind == kind }!.column.title }) {
            buffer.write(cell.text, x: 1 + cell.x, y: headerRow.y, style: Style(.heading, [.underline]))
        }
        if list.rows.isEmpty {
            let why = summaries.isEmpty
                ? ["No clients yet: press a to add one.", "Caseload folder: \(dataFolder)"]
                : ["No clients match these filters: press Esc to show all."]
            for (offset, line) in why.enumerated() {
                buffer.write(line, x: 2, y: tableArea.y + 1 + offset, maxWidth: tableArea.width - 3, style: Style(.muted))
            }
            return cursor
        }
        let query = SearchQuery(list.activeQuery)
        for (offset, id) in list.rows.dropFirst(list.scrollTop).prefix(tableArea.height).enumerated() {
            let y = tableArea.y + offset
            let client = summaries[id]!
            let isSelected = id == list.selectedID
            drawRow(client, layout: layout, y: y, into: &buffer, matches: !query.isEmpty && matches(id, query))
            if isSelected {
                buffer.write("▶", x: 0, y: y, style: Style(.selected))
                buffer.restyle(Rect(x: 0, y: y, width: tableArea.width, height: 1)) { Style(.selected, $0.attributes.union(.bold)) }
            }
        }
        return cursor
    }

    /// The header: counts by status, shortened until it fits, with demo and unreadable-file marks.
    private var listTitle: String {
        let counts = list.statusCounts
        let total = summaries.count
        let clientsText = "\(total) client\(total == 1 ? "" : "s")"
        let short: [ClientStatus: String] = [.waiting: "wait", .contacting: "contact", .active: "active", .onHold: "hold", .discharged: "disch."]
        var marks: [String] = []
        if isDemo { marks.append("DEMO (synthetic)") }
        if !loadProblems.isEmpty { marks.append("⚠ \(loadProblems.count) unreadable (!)") }
        let prefix = marks.map { $0 + " · " }.joined()
        let long = ClientStatus.allCases.map { "\(counts[$0, default: 0]) \($0.label.lowercased())" }.joined(separator: " · ")
        let brief = ClientStatus.allCases.map { "\(counts[$0, default: 0]) \(short[$0]!)" }.joined(separator: ", ")
        let candidates = [
            "Caseload · \(prefix)\(clientsText): \(long)",
            "\(prefix)\(clientsText) · \(long)",
            "\(prefix)\(clientsText): \(brief)",
            "\(prefix)\(total): \(brief)",
        ]
        // One column goes to the leading space.
        return candidates.first { TextWidth.of($0) < size.width } ?? candidates.last!
    }

    /// `12-Nov` this year, `12-Nov-25` otherwise; `⚠` marks an overdue one without relying on colour.
    private func nextText(_ due: CalendarDate) -> String {
        let date = DateStyle.screen(due)
        let short = due.year == today.year ? String(date.prefix(6)) : String(date.prefix(7)) + String(date.suffix(2))
        return due < today ? "⚠" + short : short
    }

    private func drawRow(_ client: ClientSummary, layout: ListColumns, y: Int, into buffer: inout Buffer, matches: Bool) {
        for cell in layout.line({ kind in
            switch kind {
            case .flags: (client.hasRisk ? "!" : " ") + (client.discussInSupervision ? "S" : " ")
            case .name: client.displayName
            case .reference: client.reference
            case .nhs: client.nhsNumber?.formatted ?? "—"
            case .practice: client.practice
            case .status: client.status.label
            case .waiting: client.currentWait(today: today).map { "\($0)d" } ?? ""
            case .next: client.nextFollowUpDue.map { nextText($0) } ?? ""
            case .updated: DateStyle.screen(CalendarDate(client.updatedAt, in: timeZone))
            }
        }) {
            var style = Style.normal
            switch cell.kind {
            case .flags where client.hasRisk: style = Style(.risk)
            case .name where matches: style = Style(.searchMatch)
            case .next where client.isFollowUpOverdue(today: today): style = Style(.warning)
            case .nhs where client.nhsNumber == nil, .updated: style = Style(.muted)
            default: break
            }
            buffer.write(cell.text, x: 1 + cell.x, y: y, style: style)
        }
    }
}
