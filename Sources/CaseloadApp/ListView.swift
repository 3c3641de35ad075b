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

    var columns: [Column]

    init(width: Int) {
        let flags = 2, reference = 7, nhs = 12, status = 10, waiting = 5, updated = 11
        let fixed = flags + reference + nhs + status + waiting + updated
        let gaps = 7
        let flexible = max(10, width - fixed - gaps)
        let name = flexible * 3 / 5
        columns = [
            Column(title: "", width: flags),
            Column(title: "Name", width: name),
            Column(title: "Ref", width: reference),
            Column(title: "NHS number", width: nhs),
            Column(title: "Practice", width: flexible - name),
            Column(title: "Status", width: status),
            Column(title: "Wait", width: waiting, alignRight: true),
            Column(title: "Updated", width: updated),
        ]
    }

    /// One table row as text, each cell cut or padded to its column.
    func line(_ cells: [String]) -> [(text: String, x: Int)] {
        var x = 0
        return zip(columns, cells).map { column, cell in
            defer { x += column.width + 1 }
            return (TextWidth.fit(cell, to: column.width, alignRight: column.alignRight), x)
        }
    }
}

extension AppState {
    func renderList(into buffer: inout Buffer) -> (x: Int, y: Int)? {
        let chrome = self.chrome
        let all = Array(clients.values)
        let counts = CaseloadQuery().statusCounts(in: all)
        let summary = ClientStatus.allCases.map { "\(counts[$0, default: 0]) \($0.label.lowercased())" }.joined(separator: " · ")
        let hints = list.searchInput != nil ? ListScreen.searchHints : ListScreen.keys.hints
        // The counts matter more than the product name when space is short.
        var title = "Caseload · \(all.count) clients: \(summary)"
        if TextWidth.of(title) >= size.width { title = "\(all.count) clients · \(summary)" }
        buffer.drawChrome(chrome, title: title, state: self, hints: hints)

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
                "Status: \(list.statusFilter?.label ?? "all")",
                "Practice: \(list.practiceFilter ?? "all")",
                "Showing \(list.rows.count)",
            ]
            if !list.searchQuery.isEmpty { parts.append("Search: “\(list.searchQuery)”") }
            buffer.write(" " + parts.joined(separator: "  │  "), x: 0, y: filterRow.y, style: Style(.muted))
        }

        let (headerRow, tableArea) = body.splitTop(1)
        let layout = ListColumns(width: body.width - 1)
        for cell in layout.line(layout.columns.map(\.title)) {
            buffer.write(cell.text, x: 1 + cell.x, y: headerRow.y, style: Style(.heading, [.underline]))
        }
        if list.rows.isEmpty {
            let why = clients.isEmpty ? "No clients yet: press a to add one." : "No clients match these filters: press Esc to show all."
            buffer.write(why, x: 2, y: tableArea.y + 1, style: Style(.muted))
            return cursor
        }
        let query = list.activeQuery
        for (offset, id) in list.rows.dropFirst(list.scrollTop).prefix(tableArea.height).enumerated() {
            let y = tableArea.y + offset
            let client = clients[id]!
            let isSelected = id == list.selectedID
            drawRow(client, layout: layout, y: y, into: &buffer, matches: !query.isEmpty && CaseloadQuery.matches(client, query))
            if isSelected {
                buffer.write("▶", x: 0, y: y, style: Style(.selected))
                buffer.restyle(Rect(x: 0, y: y, width: tableArea.width, height: 1)) { Style(.selected, $0.attributes.union(.bold)) }
            }
        }
        return cursor
    }

    private func drawRow(_ client: Client, layout: ListColumns, y: Int, into buffer: inout Buffer, matches: Bool) {
        let flags = (client.hasRisk ? "!" : " ") + (client.discussInSupervision ? "S" : " ")
        let waiting = client.status.isAwaitingFirstContact ? client.daysWaiting(today: today).map { "\($0)d" } ?? "" : ""
        let cells = [
            flags, client.displayName, client.reference, client.nhsNumber?.formatted ?? "—", client.practice,
            client.status.label, waiting, DateStyle.screen(CalendarDate(client.updatedAt, in: timeZone)),
        ]
        for (index, cell) in layout.line(cells).enumerated() {
            var style = Style.normal
            switch index {
            case 0 where client.hasRisk: style = Style(.risk)
            case 1 where matches: style = Style(.searchMatch)
            case 3 where client.nhsNumber == nil, 7: style = Style(.muted)
            default: break
            }
            buffer.write(cell.text, x: 1 + cell.x, y: y, style: style)
        }
    }
}
