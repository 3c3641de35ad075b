import Foundation
import CaseloadKit
import TerminalUI

enum ListAction: Sendable {
    case up, down, pageUp, pageDown, top, bottom
    case open, search, nextMatch, previousMatch, clearSearchAndFilters
    case add, edit, changeStatus, discharge, reopen
    case cycleSort, cycleStatusFilter, cyclePracticeFilter
    case showProblems, agenda, report, settings, theme, help, quit
}

enum ListScreen {
    static let keys = KeyMap<ListAction>([
        KeyBinding([.enter], .open, help: "Open the selected client", hint: "Open"),
        KeyBinding([.character("/")], .search, help: "Search by name, reference or NHS number", hint: "Search"),
        KeyBinding([.character("a")], .add, help: "Add a client", hint: "Add"),
        KeyBinding([.tab], .agenda, help: "Agenda: overdue, today, next 7 days, waiting list", hint: "Agenda"),
        KeyBinding([.character("e")], .edit, help: "Edit the selected client", hint: "Edit"),
        KeyBinding([.character("f")], .cycleStatusFilter, help: "Filter by status: all, open, each status", hint: "Filter"),
        KeyBinding([.character("p")], .cyclePracticeFilter, help: "Filter by GP practice (cycles)", hint: "Practice"),
        KeyBinding([.character("s")], .cycleSort, help: "Sort: name, referral date, status, last updated", hint: "Sort"),
        KeyBinding([.character("m")], .report, help: HomeKeys.reportHelp, hint: "Report"),
        KeyBinding([.character("o")], .settings, help: HomeKeys.settingsHelp, hint: "Settings"),
        KeyBinding([.character("?"), .function(1)], .help, help: "Show this help", hint: "Help"),
        KeyBinding([.character("q")], .quit, help: "Quit Caseload", hint: "Quit"),
    ] + KeyBinding.listNavigation(up: .up, down: .down, pageUp: .pageUp, pageDown: .pageDown,
                                  top: .top, bottom: .bottom, item: "client") + [
        KeyBinding([.character("n")], .nextMatch, help: "Next search match"),
        KeyBinding([.character("N")], .previousMatch, help: "Previous search match"),
        KeyBinding([.escape], .clearSearchAndFilters, help: "Clear search and filters"),
        KeyBinding([.character("t")], .changeStatus, help: "Change status: waiting, contacting, active, on hold"),
        KeyBinding([.character("d")], .discharge, help: "Discharge the selected client"),
        KeyBinding([.character("r")], .reopen, help: "Reopen the selected (discharged) client"),
        KeyBinding([.character("!")], .showProblems, help: "List files that could not be read"),
        KeyBinding([.character("T")], .theme, help: HomeKeys.themeHelp),
    ])

    /// What the marks in the list's first column mean, so nothing relies on colour.
    static let legend = [
        HelpLine(keys: "! in a row", text: "Has a risk or safeguarding note"),
        HelpLine(keys: "S in a row", text: "Flagged to discuss in supervision"),
        HelpLine(keys: "⚠ in Next", text: "The next follow-up is overdue"),
    ]

    static let searchHints = [
        HintItem(key: "Enter", text: "Keep search"), HintItem(key: "Esc", text: "Cancel"),
    ]
}

extension AppState {
    /// Rows of the client table that fit on screen.
    var listPageSize: Int { max(1, chrome.body.height - 2) }

    mutating func updateList(_ key: Key) -> [Effect] {
        if list.searchInput != nil { return updateSearch(key) }
        guard let action = ListScreen.keys.action(for: key) else { return [] }
        switch action {
        case .up: moveSelection(by: -1)
        case .down: moveSelection(by: 1)
        case .pageUp: moveSelection(by: -listPageSize)
        case .pageDown: moveSelection(by: listPageSize)
        case .top: list.selectedID = list.rows.first
        case .bottom: list.selectedID = list.rows.last
        case .open:
            if let id = selectedOrSay() { stack.append(.client(ClientViewState(id: id))) }
        case .search:
            list.searchInput = TextInput()
            list.searchOrigin = list.selectedID
        case .nextMatch: jumpToMatch(forward: true, includingSelection: false)
        case .previousMatch: jumpToMatch(forward: false, includingSelection: false)
        case .clearSearchAndFilters:
            list.searchQuery = ""
            list.statusFilter = .all
            list.practiceFilter = nil
            refreshRows()
            message = Message("Showing all clients")
        case .add: return startAddingClient()
        case .edit: if let id = selectedOrSay() { return startEditing(clients[id]!) }
        case .changeStatus: if let id = selectedOrSay() { startStatusChange(clients[id]!) }
        case .discharge: if let id = selectedOrSay() { startDischarge(clients[id]!) }
        case .reopen: if let id = selectedOrSay() { confirmReopen(clients[id]!) }
        case .cycleSort:
            let all = CaseloadSort.allCases
            list.sort = all[(all.firstIndex(of: list.sort)! + 1) % all.count]
            refreshRows()
            message = Message("Sorted by \(list.sort.label)")
        case .cycleStatusFilter:
            let cycle = StatusFilter.cycle
            list.statusFilter = cycle[((cycle.firstIndex(of: list.statusFilter) ?? 0) + 1) % cycle.count]
            refreshRows()
            message = Message("Status: \(list.statusFilter.label) (\(list.rows.count) shown)")
        case .cyclePracticeFilter:
            list.practiceFilter = cycled(list.practiceFilter, through: practices)
            refreshRows()
            message = Message("Practice: \(list.practiceFilter ?? "all") (\(list.rows.count) shown)")
        case .showProblems:
            if loadProblems.isEmpty {
                message = Message("Every file was read without problems")
            } else {
                modal = .loadProblems(scroll: 0)
            }
        case .agenda: home = .agenda
        case .report: openReport()
        case .settings: openSettings()
        case .theme: openThemePicker()
        case .help: modal = .help(scroll: 0)
        case .quit: return [.quit]
        }
        return []
    }

    private mutating func updateSearch(_ key: Key) -> [Effect] {
        switch key {
        case .enter:
            list.searchQuery = list.searchInput?.text ?? ""
            list.searchInput = nil
            let count = matchingRows(list.searchQuery).count
            message = list.searchQuery.isEmpty ? nil : Message("\(count) match\(count == 1 ? "" : "es") for “\(list.searchQuery)”: n next, N previous")
        case .escape:
            list.searchInput = nil
            list.selectedID = list.searchOrigin
            message = nil
        default:
            guard list.searchInput?.handle(key) == true else { return [] }
            searchChanged()
        }
        return []
    }

    mutating func pasteIntoSearch(_ text: String) {
        list.searchInput?.insert(text)
        searchChanged()
    }

    /// Incremental search: as the query changes, select the first match at or after where the search began.
    private mutating func searchChanged() {
        let query = list.activeQuery
        guard !query.isEmpty else {
            list.selectedID = list.searchOrigin
            message = nil
            return
        }
        list.selectedID = list.searchOrigin ?? list.rows.first
        if !jumpToMatch(forward: true, includingSelection: true) {
            list.selectedID = list.searchOrigin
            message = Message(error: noMatchMessage(query))
        }
    }

    func matchingRows(_ query: String) -> [Int] {
        let parsed = SearchQuery(query)
        guard !parsed.isEmpty else { return [] }
        return list.rowSearchKeys.indices.filter { list.rowSearchKeys[$0].matches(parsed) }
    }

    /// Selects the next (or previous) row matching the active query, wrapping around the list.
    @discardableResult
    mutating func jumpToMatch(forward: Bool, includingSelection: Bool) -> Bool {
        let query = list.activeQuery
        guard !query.isEmpty else {
            message = Message("No search yet: press / to search")
            return false
        }
        let parsed = SearchQuery(query)
        let count = list.rows.count
        let start = list.selectedIndex ?? 0
        for step in (includingSelection ? 0 : 1)...max(count, 1) where count > 0 {
            let index = ((forward ? start + step : start - step) % count + count) % count
            if list.rowSearchKeys[index].matches(parsed) {
                list.selectedID = list.rows[index]
                if list.searchInput != nil { message = nil }
                return true
            }
        }
        message = Message(error: noMatchMessage(query))
        return false
    }

    /// Search looks only at the rows shown, so say so when filters hide some.
    private func noMatchMessage(_ query: String) -> String {
        let base = "No client matches “\(query)”"
        return isFiltered ? "\(base) among the \(list.rows.count) shown: Esc clears filters" : base
    }

    /// The selected client's id, or nil after saying there is none to act on.
    private mutating func selectedOrSay() -> UUID? {
        if let id = list.selectedID { return id }
        message = Message(error: summaries.isEmpty ? "No clients yet: press a to add one" : "No client selected: Esc shows all clients")
        return nil
    }

    private mutating func moveSelection(by delta: Int) {
        list.selectedID = RowWindow.moved(list.selectedID, in: list.rows, by: delta)
    }

    /// nil (all) → first → ... → last → nil.
    func cycled<T: Equatable>(_ current: T?, through options: [T]) -> T? {
        guard let current, let index = options.firstIndex(of: current) else { return options.first }
        return index + 1 < options.count ? options[index + 1] : nil
    }

    /// Keeps the selected row within the visible window of the table.
    mutating func scrollListToSelection() {
        list.scrollTop = RowWindow.scrollTop(list.scrollTop, showing: list.selectedIndex, count: list.rows.count, page: listPageSize)
    }
}
