import Foundation

/// Orders for the asset directory.
public enum AssetSort: String, CaseIterable, Hashable, Sendable {
    case name
    /// Accepting first, then waiting list, unknown, full, closed: where someone can go now.
    case capacity
    /// Never checked first, then the oldest check: what most needs a phone call.
    case lastChecked

    public var label: String {
        switch self {
        case .name: "Name"
        case .capacity: "Capacity"
        case .lastChecked: "Oldest check first"
        }
    }
}

/// An asset's searchable text (name, organisation, description, categories, topics), folded once.
public struct AssetSearchKey: Hashable, Sendable {
    let text: String

    public init(_ asset: Asset) {
        let parts = [asset.name, asset.organisation, asset.description]
            + asset.categories.map(\.label) + asset.topics
        text = SearchFolding.fold(parts.joined(separator: " "))
    }

    /// Every folded word of `query` occurs somewhere in the asset's text ("walk mind" finds a walking
    /// group described as good for the mind). An empty query matches everything.
    public func matches(_ query: String) -> Bool {
        SearchFolding.fold(query).split(separator: " ").allSatisfy { text.contains($0) }
    }
}

/// Which assets the directory shows, and in what order. Pure: the caller passes `today`.
public struct DirectoryQuery: Hashable, Sendable {
    public var category: NeedCategory?
    public var capacity: AssetCapacity?
    /// Retired assets are kept for history but hidden unless asked for.
    public var includeRetired: Bool
    public var search: String
    public var sort: AssetSort

    public init(category: NeedCategory? = nil, capacity: AssetCapacity? = nil, includeRetired: Bool = false,
                search: String = "", sort: AssetSort = .name) {
        self.category = category
        self.capacity = capacity
        self.includeRetired = includeRetired
        self.search = search
        self.sort = sort
    }

    /// `searchKeys` holds keys made earlier, so a search does not fold every asset again; assets
    /// missing from it are folded on the spot.
    public func apply(to assets: [Asset], today: CalendarDate, searchKeys: [UUID: AssetSearchKey] = [:]) -> [Asset] {
        let shown = assets.filter { asset in
            (includeRetired || !asset.isRetired)
                && (category.map(asset.categories.contains) ?? true)
                && (capacity.map { asset.capacity == $0 } ?? true)
                && (search.isEmpty || (searchKeys[asset.id] ?? AssetSearchKey(asset)).matches(search))
        }
        return sorted(shown)
    }

    /// Ties fall back to the name, then the id, so the order never jumps between frames.
    private func sorted(_ assets: [Asset]) -> [Asset] {
        let keyed = assets.map { (asset: $0, name: SearchFolding.fold($0.name)) }
        return keyed.sorted { a, b in
            switch sort {
            case .name:
                break
            case .capacity:
                let (x, y) = (Self.capacityRank(a.asset.capacity), Self.capacityRank(b.asset.capacity))
                if x != y { return x < y }
            case .lastChecked:
                let x = a.asset.lastChecked?.date.dayNumber ?? Int.min
                let y = b.asset.lastChecked?.date.dayNumber ?? Int.min
                if x != y { return x < y }
            }
            if a.name != b.name { return a.name < b.name }
            return a.asset.id.uuidString < b.asset.id.uuidString
        }.map(\.asset)
    }

    private static func capacityRank(_ capacity: AssetCapacity) -> Int {
        switch capacity {
        case .accepting: 0
        case .waitingList: 1
        case .unknown: 2
        case .full: 3
        case .closed: 4
        }
    }
}

extension Asset {
    /// Marks the details confirmed today by `who`.
    public func checked(on today: CalendarDate, by who: String, at now: Date) -> Asset {
        var changed = self
        changed.lastChecked = AssetCheck(date: today, by: who)
        changed.updatedAt = now
        return changed
    }

    /// Retired assets stay on file, so connections made to them still read; `nil` brings one back.
    public func retired(on date: CalendarDate?, at now: Date) -> Asset {
        var changed = self
        changed.retiredOn = date
        changed.updatedAt = now
        return changed
    }
}
