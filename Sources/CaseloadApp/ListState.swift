import Foundation
import CaseloadKit
import TerminalUI

/// Which statuses the list shows. "Open" (everyone not discharged) is what a link worker works from.
public enum StatusFilter: Hashable, Sendable {
    case all
    case open
    case only(ClientStatus)

    /// The order `f` steps through.
    public static let cycle: [StatusFilter] = [.all, .open] + ClientStatus.allCases.map(StatusFilter.only)

    public var statuses: Set<ClientStatus>? {
        switch self {
        case .all: nil
        case .open: Set(ClientStatus.allCases.filter { $0 != .discharged })
        case .only(let status): [status]
        }
    }

    public var label: String {
        switch self {
        case .all: "all"
        case .open: "open (not discharged)"
        case .only(let status): status.label
        }
    }
}

/// The caseload list: how it is sorted and filtered, which client is selected, and search.
public struct ListState: Sendable {
    public var sort: CaseloadSort = .name
    public var statusFilter: StatusFilter = .all
    public var practiceFilter: String?
    /// Client ids in display order, recomputed whenever the clients, sort or filters change.
    public internal(set) var rows: [UUID] = []
    /// How many clients have each status, unfiltered, for the header; recomputed with `rows`, so a
    /// keystroke never counts the whole caseload.
    public var statusCounts: [ClientStatus: Int] = [:]
    /// Each row's search key, in row order, so a search key runs down an array rather than looking
    /// up every client by id.
    var rowSearchKeys: [ClientSearchKey] = []
    /// The selection follows the client, not the row number, across filters, sorts and saves.
    public var selectedID: UUID?
    public var scrollTop = 0
    /// Present while the person is typing a search after `/`.
    public var searchInput: TextInput?
    /// Where the selection was when the search began, so Esc can go back there.
    public var searchOrigin: UUID?
    /// The last search entered, used by `n`/`N` and for highlighting matches.
    public var searchQuery = ""

    public var selectedIndex: Int? {
        selectedID.flatMap { id in rows.firstIndex(of: id) }
    }

    /// What is being searched for right now: the text being typed, else the last search.
    public var activeQuery: String {
        searchInput?.text ?? searchQuery
    }
}

extension AppState {
    /// Recomputes the visible rows and keeps the selection on the same client if it is still
    /// shown, otherwise on the row where it was.
    mutating func refreshRows() {
        let previousIndex = list.selectedIndex
        let query = CaseloadQuery(statuses: list.statusFilter.statuses, practice: list.practiceFilter, sort: list.sort)
        let all = Array(summaries.values)
        let shown = query.indices(in: all, today: today)
        list.rows = shown.map { all[$0].id }
        list.rowSearchKeys = shown.map { all[$0].searchKey }
        list.statusCounts = CaseloadQuery().statusCounts(in: all)
        if let id = list.selectedID, list.rows.contains(id) { return }
        if list.rows.isEmpty {
            list.selectedID = nil
        } else {
            list.selectedID = list.rows[min(previousIndex ?? 0, list.rows.count - 1)]
        }
    }

    var isFiltered: Bool { list.statusFilter != .all || list.practiceFilter != nil }

    /// Practices in the caseload, alphabetically, for the practice filter.
    var practices: [String] {
        CaseloadQuery.practices(in: Array(summaries.values))
    }

    var selectedClient: Client? {
        list.selectedID.flatMap { clients[$0] }
    }
}
