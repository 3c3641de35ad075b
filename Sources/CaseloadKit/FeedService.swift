import Foundation

/// One service read from an Open Referral feed, already flattened to the directory's fields
/// (texts empty when the feed has nothing). The importer produces these; `AssetImport` merges them
/// into the directory.
public struct FeedService: Hashable, Sendable {
    /// The service's `id` in the feed: how a re-import finds the asset it made before.
    public var serviceID: String
    public var name: String
    public var organisation: String
    public var description: String
    public var phone: String
    public var email: String
    public var website: String
    public var address: String
    /// Readable text built from the feed's schedules.
    public var schedule: String
    public var eligibility: String
    public var cost: String
    /// The feed's status word, lower-cased: `active`, `inactive`, `defunct`, `temporarily closed`.
    public var status: String
    /// Taxonomy term names, in feed order, without repeats.
    public var topics: [String]

    public init(serviceID: String, name: String, organisation: String = "", description: String = "",
                phone: String = "", email: String = "", website: String = "", address: String = "",
                schedule: String = "", eligibility: String = "", cost: String = "", status: String = "",
                topics: [String] = []) {
        self.serviceID = serviceID
        self.name = name
        self.organisation = organisation
        self.description = description
        self.phone = phone
        self.email = email
        self.website = website
        self.address = address
        self.schedule = schedule
        self.eligibility = eligibility
        self.cost = cost
        self.status = status
        self.topics = topics
    }
}

/// What importing one feed would change: the caller saves `added` and `updated`, then reports the
/// counts. Nothing is written by working this out.
public struct ImportPlan: Hashable, Sendable {
    public var feed: String
    public var added: [Asset]
    public var updated: [AssetUpdate]
    public var unchanged: Int
    public var skipped: [ImportSkip]

    public init(feed: String, added: [Asset] = [], updated: [AssetUpdate] = [], unchanged: Int = 0, skipped: [ImportSkip] = []) {
        self.feed = feed
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
        self.skipped = skipped
    }

    /// "12 added, 3 updated, 40 unchanged, 1 skipped".
    public var summary: String {
        "\(added.count) added, \(updated.count) updated, \(unchanged) unchanged, \(skipped.count) skipped"
    }
}

public struct AssetUpdate: Hashable, Sendable {
    public var before: Asset
    public var after: Asset

    public init(before: Asset, after: Asset) {
        self.before = before
        self.after = after
    }
}

/// A service left out of an import, and why ("no name", "appears twice in the feed").
public struct ImportSkip: Hashable, Sendable {
    public var serviceID: String
    public var name: String
    public var reason: String

    public init(serviceID: String, name: String, reason: String) {
        self.serviceID = serviceID
        self.name = name
        self.reason = reason
    }
}
