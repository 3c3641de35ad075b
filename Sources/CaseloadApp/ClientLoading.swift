import Foundation
import CaseloadKit
import TerminalUI

/// Every client decoded in full, as the background reading of a large caseload delivers them.
public struct LoadedClients: Sendable {
    public var clients: [Client]
    /// Each client's summary, in the order of `clients`, made off the main thread.
    public var summaries: [ClientSummary]
    /// Client files found unreadable only now (changed since the list was first shown).
    public var problems: [UnreadableFile]
    /// Something the person should hear of from the work done meanwhile (today's backup failed).
    public var warning: String?

    public init(clients: [Client], summaries: [ClientSummary]? = nil, problems: [UnreadableFile] = [],
                warning: String? = nil) {
        self.clients = clients
        self.summaries = summaries ?? clients.map(\.summary)
        self.problems = problems
        self.warning = warning
    }
}

/// Reads the full client files while the list is already on screen. The shell implements it on a
/// background thread; tests use a fake.
public protocol ClientLoading: AnyObject {
    /// Begins reading; called once the first frame is on screen, so the two do not share the cores.
    func start()
    /// The clients if they have arrived, without waiting.
    func poll() -> LoadedClients?
    /// Waits for the clients: for a key that needs them before they have arrived.
    func wait() -> LoadedClients
}

extension AppState {
    /// Keys that need only the list (moving, paging, searching by name, sorting, filtering, help,
    /// quitting) are handled at once; anything else waits until every client is decoded.
    public func canHandleBeforeClientsLoad(_ event: TerminalEvent) -> Bool {
        if clientsLoaded { return true }
        guard case .key(let key) = event else { return true }
        // Quitting never waits: nothing can have been typed yet that it would ask about.
        if key == .control("c") { return true }
        guard home == .caseload, stack.isEmpty else { return false }
        switch modal {
        case .help?: return true
        case nil: break
        default: return false
        }
        if list.searchInput != nil { return true }
        guard let action = ListScreen.keys.action(for: key) else { return true }
        switch action {
        case .up, .down, .pageUp, .pageDown, .top, .bottom, .search, .nextMatch, .previousMatch,
             .clearSearchAndFilters, .cycleSort, .cycleStatusFilter, .cyclePracticeFilter, .showProblems, .help, .quit:
            return true
        case .open, .add, .edit, .changeStatus, .discharge, .reopen, .agenda, .report, .settings, .theme:
            return false
        }
    }

    /// The full clients replace their summaries; the list keeps its selection, sort and filters.
    mutating func clientsArrived(_ loaded: LoadedClients) {
        clients = Dictionary(loaded.clients.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Rows from the cache match their files, so only rows that changed meanwhile are replaced:
        // re-sorting every row here would hold up the next key on a large caseload.
        let arrived = Dictionary(loaded.summaries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var rowsChanged = false
        for id in summaries.keys where arrived[id] == nil {
            summaries[id] = nil
            rowsChanged = true
        }
        for (id, summary) in arrived where summaries[id] != summary {
            summaries[id] = summary
            rowsChanged = true
        }
        clientsLoaded = true
        let known = Set(loadProblems.map(\.fileName))
        let newProblems = loaded.problems.filter { !known.contains($0.fileName) }
        loadProblems += newProblems
        if rowsChanged {
            refreshRows()
            scrollListToSelection()
        }
        if let warning = loaded.warning {
            message = Message(error: warning)
        } else if !newProblems.isEmpty {
            let count = loadProblems.count
            message = Message(error: "\(count) file\(count == 1 ? "" : "s") could not be read (left untouched): press ! to see")
        }
    }
}
