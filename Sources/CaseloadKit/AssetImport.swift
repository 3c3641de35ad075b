import Foundation

/// Merges services read from an Open Referral feed into the asset directory. Pure: it works out an
/// `ImportPlan` and the caller writes it.
///
/// The feed owns what the publisher maintains (name, contact details, schedule...); the link
/// workers own what they learnt themselves (notes, last check, categories, retirement), which an
/// import never overwrites.
public enum AssetImport {
    /// The directory's capacity for a feed's status word. Anything unrecognised says nothing.
    public static func capacity(forFeedStatus status: String) -> AssetCapacity {
        switch status.trimmed.lowercased() {
        case "active": .accepting
        case "inactive", "defunct", "temporarily closed": .closed
        default: .unknown
        }
    }

    /// A first guess at the need categories from the feed's taxonomy terms, or from the name and
    /// description when no term gives one. Link workers correct it by hand; re-imports keep theirs.
    public static func categories(forTopics topics: [String], description: String) -> [NeedCategory] {
        let fromTopics = CategoryKeywords.categories(in: topics.joined(separator: "\n"))
        return fromTopics.isEmpty ? CategoryKeywords.categories(in: description) : fromTopics
    }

    public static func plan(_ services: [FeedService], feed: String, existing: [Asset], now: Date) -> ImportPlan {
        var plan = ImportPlan(feed: feed)
        var imported: Set<String> = []
        for service in services {
            let id = service.serviceID.trimmed
            switch outcome(service, id: id, feed: feed, existing: existing, imported: imported, now: now) {
            case .add(let asset): plan.added.append(asset)
            case .update(let update): plan.updated.append(update)
            case .unchanged: plan.unchanged += 1
            case .skip(let reason):
                plan.skipped.append(ImportSkip(serviceID: id, name: service.name, reason: reason))
                continue
            }
            imported.insert(id)
        }
        return plan
    }

    private enum Outcome {
        case add(Asset)
        case update(AssetUpdate)
        case unchanged
        case skip(String)
    }

    private static func outcome(_ service: FeedService, id: String, feed: String, existing: [Asset],
                                imported: Set<String>, now: Date) -> Outcome {
        guard !id.isEmpty else { return .skip("no id in the feed") }
        guard !service.name.trimmed.isEmpty else { return .skip("no name") }
        guard !imported.contains(id) else { return .skip("appears twice in the feed; the first was imported") }
        switch match(id, feed: feed, in: existing) {
        case .none:
            return .add(newAsset(service, id: id, feed: feed, now: now))
        case .one(let before):
            let after = merged(before, with: service, id: id, feed: feed, now: now)
            return after == before ? .unchanged : .update(AssetUpdate(before: before, after: after))
        case .ambiguous:
            return .skip("several assets in the directory have this id; none was changed")
        }
    }

    private enum Match {
        case none
        case one(Asset)
        case ambiguous
    }

    /// The same feed and id first. A feed saved under a new file name still finds its assets by id
    /// alone, but only for ids unique across feeds (HSDS 3 ids are UUIDs): short ids such as "12"
    /// are reused by every council, so there the feed must match too.
    private static func match(_ id: String, feed: String, in assets: [Asset]) -> Match {
        let sameID = assets.filter { $0.source?.serviceID == id }
        let sameFeed = sameID.filter { $0.source?.feed == feed }
        if sameFeed.count == 1 { return .one(sameFeed[0]) }
        if sameFeed.count > 1 { return .ambiguous }
        guard UUID(uuidString: id) != nil else { return .none }
        if sameID.count <= 1 { return sameID.first.map(Match.one) ?? .none }
        return .ambiguous
    }

    private static func newAsset(_ service: FeedService, id: String, feed: String, now: Date) -> Asset {
        var asset = Asset(
            name: service.name.trimmed,
            categories: categories(forTopics: service.topics, description: "\(service.name)\n\(service.description)"),
            capacity: capacity(forFeedStatus: service.status),
            source: AssetSource(feed: feed, serviceID: id, feedStatus: service.status, importedAt: now),
            createdAt: now)
        takeFeedFields(service, into: &asset)
        return asset
    }

    /// The asset with the feed's fields; itself, untouched, when only the import time would differ.
    private static func merged(_ before: Asset, with service: FeedService, id: String, feed: String, now: Date) -> Asset {
        var after = before
        takeFeedFields(service, into: &after)
        // A capacity set by hand stands until the publisher's status changes.
        if service.status != before.source?.feedStatus {
            after.capacity = capacity(forFeedStatus: service.status)
        }
        after.source = AssetSource(feed: feed, serviceID: id, feedStatus: service.status,
                                   importedAt: before.source?.importedAt ?? now)
        guard after != before else { return before }
        after.source?.importedAt = now
        after.updatedAt = now
        return after
    }

    private static func takeFeedFields(_ service: FeedService, into asset: inout Asset) {
        asset.name = service.name.trimmed
        asset.organisation = service.organisation
        asset.description = service.description
        asset.phone = service.phone
        asset.email = service.email
        asset.website = service.website
        asset.address = service.address
        asset.schedule = service.schedule
        asset.eligibility = service.eligibility
        asset.cost = service.cost
        asset.topics = service.topics
    }
}

/// Words that suggest a need category. Matching is by whole words after folding case and accents,
/// allowing plural and -ing endings, so "befriending" finds "befriend" but "business" does not find "bus".
private enum CategoryKeywords {
    static let keywords: [NeedCategory: [String]] = [
        .loneliness: ["lonely", "loneliness", "isolation", "isolated", "befriend", "social group", "social club",
                      "lunch club"],
        .mentalWellbeing: ["counselling", "counseling", "counsellor", "mental health", "mental wellbeing", "anxiety",
                           "depression", "low mood", "stress"],
        .physicalActivity: ["walking", "walks", "exercise", "sport", "fitness", "gym", "swimming", "yoga", "dancing",
                            "physical activity"],
        .money: ["debt", "benefit", "money", "financial", "finance", "budgeting"],
        .housing: ["housing", "homeless", "homelessness", "tenancy"],
        .work: ["employment", "job", "volunteer", "learning", "education", "career"],
        .caring: ["carer"],
        .bereavement: ["bereavement", "bereaved", "grief", "grieving"],
        .healthyLiving: ["food", "smoking", "alcohol", "weight", "healthy eating", "nutrition", "cooking"],
        .advice: ["legal", "advice", "citizens"],
        .digital: ["digital", "computer", "internet"],
        .transport: ["transport", "bus"],
        .relationships: ["family", "families", "parenting", "parent"],
    ]

    static let endings = ["s", "es", "ing", "er", "ers", "ed"]

    static func categories(in text: String) -> [NeedCategory] {
        let words = SearchFolding.fold(text).split(separator: " ").map(String.init)
        guard !words.isEmpty else { return [] }
        return NeedCategory.allCases.filter { category in
            (keywords[category] ?? []).contains { contains(words, phrase: $0) }
        }
    }

    private static func contains(_ words: [String], phrase: String) -> Bool {
        let parts = phrase.split(separator: " ").map(String.init)
        guard words.count >= parts.count else { return false }
        return (0...(words.count - parts.count)).contains { start in
            parts.indices.allSatisfy { matches(words[start + $0], parts[$0]) }
        }
    }

    private static func matches(_ word: String, _ keyword: String) -> Bool {
        word == keyword || (word.hasPrefix(keyword) && endings.contains(String(word.dropFirst(keyword.count))))
    }
}
