import Foundation
import CaseloadKit
import TerminalUI

/// Column layout of the directory table; categories show only where there is room for them.
struct DirectoryColumns {
    enum Kind { case flags, name, organisation, capacity, checked, people, categories }

    var columns: [(kind: Kind, title: String, width: Int)]

    init(width: Int) {
        let fixed: [(Kind, String, Int)] = [(.flags, "", 2), (.capacity, "Capacity", 12), (.checked, "Checked", 9), (.people, "People", 6)]
        let withCategories = width >= 110
        let gaps = fixed.count + (withCategories ? 3 : 2) - 1
        let flexible = max(12, width - fixed.map(\.2).reduce(0, +) - gaps)
        let categories = withCategories ? flexible / 4 : 0
        let name = (flexible - categories) * 3 / 5
        let organisation = flexible - categories - name
        columns = [(.flags, "", 2), (.name, "Name", name), (.organisation, "Organisation", organisation)]
            + (withCategories ? [(.categories, "Categories", categories)] : [])
            + [(.capacity, "Capacity", 12), (.checked, "Checked", 9), (.people, "People", 6)]
    }
}

extension AppState {
    func renderDirectory(into buffer: inout Buffer) -> (x: Int, y: Int)? {
        let chrome = self.chrome
        let hints = directory.searchInput != nil ? DirectoryScreen.searchHints : DirectoryScreen.keys.hints
        let inUse = assets.values.filter { !$0.isRetired }.count
        let stale = assets.values.filter { !$0.isRetired && $0.isStale(today: today) }.count
        buffer.drawChrome(chrome, title: "Community assets · \(inUse) in use" + (stale > 0 ? " · ⚠ \(stale) not checked for \(Asset.staleAfterMonths) months" : "")
                          + (isDemo ? " · DEMO (synthetic)" : ""), state: self, hints: hints)
        let (filterRow, body) = chrome.body.splitTop(1)
        var cursor: (x: Int, y: Int)?
        if let input = directory.searchInput {
            let x = buffer.write("Search assets: ", x: 1, y: filterRow.y, style: Style(.heading))
            let visible = input.visible(width: max(1, filterRow.width - x - 2))
            buffer.write(visible.text, x: 1 + x, y: filterRow.y, style: Style(.inputField))
            cursor = (1 + x + visible.cursorColumn, filterRow.y)
        } else {
            var parts = [
                "Sort: \(directory.query.sort.label)",
                "Category: \(directory.query.category?.label ?? "all")",
                "Capacity: \(directory.query.capacity?.label ?? "all")",
                "Showing \(directory.rows.count)" + (directory.query.includeRetired ? " with retired" : ""),
            ]
            if !directory.query.search.isEmpty { parts.append("Search: “\(directory.query.search)”") }
            buffer.write(" " + parts.joined(separator: "  │  "), x: 0, y: filterRow.y, maxWidth: filterRow.width, style: Style(.muted))
        }
        let (headerRow, table) = body.splitTop(1)
        let layout = DirectoryColumns(width: body.width - 1)
        var x = 1
        for column in layout.columns {
            buffer.write(TextWidth.fit(column.title, to: column.width), x: x, y: headerRow.y, style: Style(.heading, [.underline]))
            x += column.width + 1
        }
        if directory.rows.isEmpty {
            let why = assets.isEmpty
                ? ["No community assets yet: press a to add one, or i to import an Open Referral UK directory."]
                : ["No assets to show: \(emptyDirectoryHint)."]
            for (offset, line) in why.enumerated() {
                buffer.write(line, x: 2, y: table.y + 1 + offset, maxWidth: table.width - 3, style: Style(.muted))
            }
            return cursor
        }
        let people = ConnectionOutcomes.peopleByAsset(in: clients.values)
        for (offset, id) in directory.rows.dropFirst(directory.scrollTop).prefix(table.height).enumerated() {
            guard let asset = assets[id] else { continue }
            let y = table.y + offset
            drawDirectoryRow(asset, people: people[id, default: 0], layout: layout, y: y, into: &buffer)
            if id == directory.selectedID {
                buffer.write("▶", x: 0, y: y, style: Style(.selected))
                buffer.restyle(Rect(x: 0, y: y, width: table.width, height: 1)) { Style(.selected, $0.attributes.union(.bold)) }
            }
        }
        return cursor
    }

    private func drawDirectoryRow(_ asset: Asset, people: Int, layout: DirectoryColumns, y: Int, into buffer: inout Buffer) {
        // A retired asset is not offered any more, so its last check no longer matters.
        let stale = asset.isStale(today: today) && !asset.isRetired
        var x = 1
        for column in layout.columns {
            let (text, style): (String, Style) = switch column.kind {
            case .flags: ((stale ? "⚠" : " ") + (asset.isRetired ? "R" : " "), stale ? Style(.warning) : .normal)
            case .name: (asset.name, asset.isRetired ? Style(.muted) : .normal)
            case .organisation: (asset.organisation, Style(.muted))
            case .categories: (asset.categories.map(\.label).joined(separator: ", "), Style(.muted))
            case .capacity: (Self.shortCapacity(asset.capacity),
                             asset.capacity.warnsBeforeConnecting ? Style(.warning) : .normal)
            case .checked: (asset.lastChecked.map { Self.shortDate($0.date) } ?? "never",
                            stale ? Style(.warning) : .normal)
            case .people: (people == 0 ? "" : String(people), .normal)
            }
            let alignRight = column.kind == .people
            buffer.write(TextWidth.fit(text, to: column.width, alignRight: alignRight), x: x, y: y, style: style)
            x += column.width + 1
        }
    }

    /// `01-Feb-26`: the full date in the table's nine columns.
    static func shortDate(_ date: CalendarDate) -> String {
        let text = DateStyle.screen(date)
        return String(text.prefix(7) + text.suffix(2))
    }

    static func shortCapacity(_ capacity: AssetCapacity) -> String {
        capacity == .accepting ? "Accepting" : capacity.label
    }
}
