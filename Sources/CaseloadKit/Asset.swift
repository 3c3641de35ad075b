import Foundation

/// A community group, organisation, activity or service a link worker connects people to. The
/// directory of assets outlives any one link worker: it is kept in the data folder beside the clients.
public struct Asset: Identifiable, Hashable, Sendable, Codable {
    /// Files with a higher version are refused, never overwritten.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public let id: UUID
    public var name: String
    public var organisation: String
    /// The same areas of life a referral is about, so that needs and assets meet.
    public var categories: [NeedCategory]
    public var description: String
    public var phone: String
    public var email: String
    public var website: String
    /// Street address or the area it covers.
    public var address: String
    /// When it runs, as people would say it: "Thursdays 10:00–12:00, term time".
    public var schedule: String
    public var eligibility: String
    public var cost: String
    public var capacity: AssetCapacity
    /// When someone last confirmed the details were right; nil when never.
    public var lastChecked: AssetCheck?
    /// The link workers' own knowledge: never overwritten by an import.
    public var notes: String
    /// Where the entry came from; nil when entered by hand.
    public var source: AssetSource?
    /// Taxonomy terms from the feed it was imported from, as the feed names them.
    public var topics: [String]
    /// Set when retired: kept for the history of connections, hidden from the directory by default.
    public var retiredOn: CalendarDate?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID = UUID(), name: String, organisation: String = "", categories: [NeedCategory] = [],
        description: String = "", phone: String = "", email: String = "", website: String = "",
        address: String = "", schedule: String = "", eligibility: String = "", cost: String = "",
        capacity: AssetCapacity = .unknown, lastChecked: AssetCheck? = nil, notes: String = "",
        source: AssetSource? = nil, topics: [String] = [], retiredOn: CalendarDate? = nil,
        createdAt: Date, updatedAt: Date? = nil
    ) {
        self.schemaVersion = Asset.currentSchemaVersion
        self.id = id
        self.name = name
        self.organisation = organisation
        self.categories = categories
        self.description = description
        self.phone = phone
        self.email = email
        self.website = website
        self.address = address
        self.schedule = schedule
        self.eligibility = eligibility
        self.cost = cost
        self.capacity = capacity
        self.lastChecked = lastChecked
        self.notes = notes
        self.source = source
        self.topics = topics
        self.retiredOn = retiredOn
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// Text fields missing from a file read as empty, so that a directory shared between colleagues
    /// and edited by hand still loads; a newer layout is refused.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(Int.self, forKey: .schemaVersion)
        guard version <= Asset.currentSchemaVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .schemaVersion, in: container,
                debugDescription: "written by a newer version of Caseload (schema \(version))")
        }
        func text(_ key: CodingKeys) throws -> String { try container.decodeIfPresent(String.self, forKey: key) ?? "" }
        schemaVersion = Asset.currentSchemaVersion
        id = try container.decode(UUID.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        organisation = try text(.organisation)
        categories = try container.decodeIfPresent([NeedCategory].self, forKey: .categories) ?? []
        description = try text(.description)
        phone = try text(.phone)
        email = try text(.email)
        website = try text(.website)
        address = try text(.address)
        schedule = try text(.schedule)
        eligibility = try text(.eligibility)
        cost = try text(.cost)
        capacity = try container.decodeIfPresent(AssetCapacity.self, forKey: .capacity) ?? .unknown
        lastChecked = try container.decodeIfPresent(AssetCheck.self, forKey: .lastChecked)
        notes = try text(.notes)
        source = try container.decodeIfPresent(AssetSource.self, forKey: .source)
        topics = try container.decodeIfPresent([String].self, forKey: .topics) ?? []
        retiredOn = try container.decodeIfPresent(CalendarDate.self, forKey: .retiredOn)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
    }

    public var isRetired: Bool { retiredOn != nil }

    /// Not confirmed for six months or more (or never): details may have changed, so check before
    /// sending someone.
    public func isStale(today: CalendarDate) -> Bool {
        guard let checked = lastChecked?.date else { return true }
        // A check dated after today (a hand-edited file) is not stale, and adding months to it could
        // run past the calendar's end.
        guard checked <= today else { return false }
        return checked.adding(months: Asset.staleAfterMonths) <= today
    }

    public static let staleAfterMonths = 6
}

/// Whether an asset can take people now.
public enum AssetCapacity: String, Codable, Labelled {
    case accepting = "accepting"
    case waitingList = "waiting-list"
    case full = "full"
    case closed = "closed"
    case unknown = "unknown"

    public var label: String {
        switch self {
        case .accepting: "Accepting referrals"
        case .waitingList: "Waiting list"
        case .full: "Full"
        case .closed: "Closed"
        case .unknown: "Unknown"
        }
    }

    /// Sending someone here would likely disappoint them: ask before connecting.
    public var warnsBeforeConnecting: Bool { self == .full || self == .closed }
}

/// Who last confirmed an asset's details, and when.
public struct AssetCheck: Hashable, Sendable, Codable {
    public var date: CalendarDate
    public var by: String

    public init(date: CalendarDate, by: String) {
        self.date = date
        self.by = by
    }
}

/// The Open Referral feed an asset was imported from. Re-importing finds the asset by `feed`
/// and `serviceID`, so it is updated rather than duplicated.
public struct AssetSource: Hashable, Sendable, Codable {
    /// The feed as the importer named it: a file or folder name.
    public var feed: String
    /// The service's `id` in the feed.
    public var serviceID: String
    /// The feed's own status word at the last import (`active`, `temporarily closed`...), so that a
    /// capacity set by hand is kept until the feed's status changes.
    public var feedStatus: String
    public var importedAt: Date

    public init(feed: String, serviceID: String, feedStatus: String, importedAt: Date) {
        self.feed = feed
        self.serviceID = serviceID
        self.feedStatus = feedStatus
        self.importedAt = importedAt
    }
}
