import Foundation

/// Orders for the caseload list.
public enum CaseloadSort: String, CaseIterable, Hashable, Sendable {
    /// By name as written, ignoring case and accents. Not by surname: many people's names do not
    /// put the family name last.
    case name
    /// Oldest referral first.
    case referralDate
    /// Waiting, contacting, active, on hold, discharged. Within waiting and contacting the longest
    /// wait comes first, because those people are losing momentum; within the others, by name.
    case status
    /// Most recently changed first.
    case lastUpdated

    public var label: String {
        switch self {
        case .name: "Name"
        case .referralDate: "Referral date"
        case .status: "Status"
        case .lastUpdated: "Last updated"
        }
    }
}

/// Which clients the caseload list shows, and in what order. Pure: the caller passes `today`.
public struct CaseloadQuery: Hashable, Sendable {
    /// Nil shows every status.
    public var statuses: Set<ClientStatus>?
    /// Nil shows every practice. Compared ignoring case, accents and extra spaces.
    public var practice: String?
    public var search: String
    public var sort: CaseloadSort

    public init(statuses: Set<ClientStatus>? = nil, practice: String? = nil, search: String = "",
                sort: CaseloadSort = .status) {
        self.statuses = statuses
        self.practice = practice
        self.search = search
        self.sort = sort
    }

    public init(status: ClientStatus, practice: String? = nil, search: String = "", sort: CaseloadSort = .status) {
        self.init(statuses: [status], practice: practice, search: search, sort: sort)
    }

    /// Whether `client` matches what was typed in the search box; see `SearchQuery` for the rules.
    public static func matches(_ client: Client, _ query: String) -> Bool {
        ClientSearchKey(client).matches(SearchQuery(query))
    }

    /// Positions in `clients` of those shown, in display order.
    public func indices(in clients: [ClientSummary], today: CalendarDate) -> [Int] {
        let shown = indicesIgnoringStatus(in: clients).filter { statuses?.contains(clients[$0].status) ?? true }
        return sorted(shown, of: clients, today: today)
    }

    /// The clients shown, in display order.
    public func apply(to clients: [ClientSummary], today: CalendarDate) -> [ClientSummary] {
        indices(in: clients, today: today).map { clients[$0] }
    }

    /// How many clients have each status once practice and search are applied, but not the status
    /// filter: the header shows what choosing each status would give. Every status has an entry.
    public func statusCounts(in clients: [ClientSummary]) -> [ClientStatus: Int] {
        var counts = Dictionary(uniqueKeysWithValues: ClientStatus.allCases.map { ($0, 0) })
        for index in indicesIgnoringStatus(in: clients) { counts[clients[index].status, default: 0] += 1 }
        return counts
    }

    /// The distinct practices in `clients`, in name order, for a practice filter.
    public static func practices(in clients: [ClientSummary]) -> [String] {
        Set(clients.map(\.practice)).sorted { (SearchFolding.fold($0), $0) < (SearchFolding.fold($1), $1) }
    }

    private func indicesIgnoringStatus(in clients: [ClientSummary]) -> [Int] {
        let query = SearchQuery(search)
        let wantedPractice = practice.map(SearchFolding.fold)
        return clients.indices.filter { index in
            let client = clients[index]
            if let wantedPractice, SearchFolding.fold(client.practice) != wantedPractice { return false }
            return query.isEmpty || client.searchKey.matches(query)
        }
    }

    private func sorted(_ indices: [Int], of clients: [ClientSummary], today: CalendarDate) -> [Int] {
        // Each key is computed once, not on every comparison. Ties fall to the reference number
        // (so C-10000 follows C-9999), then to the position in `clients`, which makes the order stable.
        let keyed = indices.map { index in
            let client = clients[index]
            let key = sortKey(client, today: today)
            return (key.group, key.number, key.text, ClientReference.number(in: client.reference) ?? Int.max, index)
        }
        return keyed.sorted { $0 < $1 }.map(\.4)
    }

    private func sortKey(_ client: ClientSummary, today: CalendarDate) -> (group: Int, number: Double, text: String) {
        switch sort {
        case .name:
            return (0, 0, client.foldedName)
        case .referralDate:
            return (0, Double(client.referralDate.dayNumber), "")
        case .lastUpdated:
            return (0, -client.updatedAt.timeIntervalSinceReferenceDate, "")
        case .status:
            let rank = ClientStatus.allCases.firstIndex(of: client.status) ?? 0
            guard client.status.isAwaitingFirstContact else { return (rank, 0, client.foldedName) }
            return (rank, -Double(client.daysWaiting(today: today) ?? 0), "")
        }
    }
}
