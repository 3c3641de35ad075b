import Foundation
import Testing
@testable import CaseloadKit

@Suite struct AssetImportTests {
    static let feed = "northfield.json"
    static let later = Fixture.now.addingTimeInterval(86_400 * 30)

    static let walk = FeedService(
        serviceID: "walk-1", name: "Tuesday Health Walk", organisation: "Northfield Ramblers",
        description: "A gentle walk round the park.", phone: "01632 960123", email: "walks@example.org.uk",
        website: "https://walks.example.org.uk", address: "Northfield Park", schedule: "Tuesday 10:00–11:00",
        eligibility: "Adults", cost: "Free", status: "active", topics: ["Walking"])

    /// The walk as a first import made it, then looked after by hand.
    static func importedWalk() throws -> Asset {
        var asset = try #require(AssetImport.plan([walk], feed: feed, existing: [], now: Fixture.now).added.first)
        asset.notes = "Pat meets newcomers at the gate."
        asset.lastChecked = AssetCheck(date: Fixture.today, by: "Sam Patel")
        asset.categories = [.physicalActivity, .loneliness]
        return asset
    }

    @Test func addsNewServicesWithTheirSourceAndAGuessedCategory() throws {
        let plan = AssetImport.plan([Self.walk], feed: Self.feed, existing: [], now: Fixture.now)
        #expect(plan.summary == "1 added, 0 updated, 0 unchanged, 0 skipped")
        let asset = try #require(plan.added.first)
        #expect(asset.name == "Tuesday Health Walk" && asset.organisation == "Northfield Ramblers")
        #expect(asset.phone == "01632 960123" && asset.schedule == "Tuesday 10:00–11:00" && asset.cost == "Free")
        #expect(asset.categories == [.physicalActivity])
        #expect(asset.capacity == .accepting)
        #expect(asset.topics == ["Walking"])
        #expect(asset.source == AssetSource(feed: Self.feed, serviceID: "walk-1", feedStatus: "active", importedAt: Fixture.now))
        #expect(asset.createdAt == Fixture.now && asset.updatedAt == Fixture.now)
        #expect(asset.notes.isEmpty && asset.lastChecked == nil)
    }

    @Test func reimportingTheSameFeedChangesNothing() throws {
        let asset = try Self.importedWalk()
        let plan = AssetImport.plan([Self.walk], feed: Self.feed, existing: [asset], now: Self.later)
        #expect(plan.summary == "0 added, 0 updated, 1 unchanged, 0 skipped")
    }

    @Test func changedFieldsAreTakenAndLocalKnowledgeKept() throws {
        let before = try Self.importedWalk()
        var changed = Self.walk
        changed.schedule = "Wednesday 10:00–11:00"
        changed.phone = "01632 960999"
        changed.topics = ["Walking", "Outdoors"]
        let plan = AssetImport.plan([changed], feed: Self.feed, existing: [before], now: Self.later)
        #expect(plan.summary == "0 added, 1 updated, 0 unchanged, 0 skipped")
        let update = try #require(plan.updated.first)
        #expect(update.before == before)
        let after = update.after
        #expect(after.id == before.id && after.createdAt == before.createdAt)
        #expect(after.schedule == "Wednesday 10:00–11:00" && after.phone == "01632 960999")
        #expect(after.topics == ["Walking", "Outdoors"])
        #expect(after.notes == before.notes && after.lastChecked == before.lastChecked)
        #expect(after.categories == [.physicalActivity, .loneliness])
        #expect(after.updatedAt == Self.later && after.source?.importedAt == Self.later)
    }

    @Test func aRetiredAssetStaysRetired() throws {
        var before = try Self.importedWalk()
        before.retiredOn = Fixture.today
        var changed = Self.walk
        changed.description = "Now twice a week."
        let after = try #require(AssetImport.plan([changed], feed: Self.feed, existing: [before], now: Self.later).updated.first?.after)
        #expect(after.retiredOn == Fixture.today && after.description == "Now twice a week.")
    }

    @Test func aCapacitySetByHandSurvivesUntilTheFeedsStatusChanges() throws {
        var asset = try Self.importedWalk()
        asset.capacity = .full
        let same = AssetImport.plan([Self.walk], feed: Self.feed, existing: [asset], now: Self.later)
        #expect(same.unchanged == 1)

        var closed = Self.walk
        closed.status = "temporarily closed"
        let plan = AssetImport.plan([closed], feed: Self.feed, existing: [asset], now: Self.later)
        let after = try #require(plan.updated.first?.after)
        #expect(after.capacity == .closed)
        #expect(after.source?.feedStatus == "temporarily closed")
    }

    @Test func aFeedUnderANewNameFindsItsAssetsByAUUIDId() throws {
        var service = Self.walk
        service.serviceID = "ac148810-d857-441c-9679-408f346de14b"
        let asset = try #require(AssetImport.plan([service], feed: Self.feed, existing: [], now: Fixture.now).added.first)
        let plan = AssetImport.plan([service], feed: "northfield-2026-12.json", existing: [asset], now: Self.later)
        #expect(plan.added.isEmpty)
        #expect(plan.updated.first?.after.source?.feed == "northfield-2026-12.json")
    }

    @Test func aShortIdFromAnotherFeedIsAnotherService() throws {
        let fromNorthfield = try Self.importedWalk()
        let plan = AssetImport.plan([Self.walk], feed: "southfield.json", existing: [fromNorthfield], now: Self.later)
        #expect(plan.added.count == 1 && plan.updated.isEmpty, "councils reuse ids such as walk-1")
    }

    @Test func theFeedNameDecidesBetweenAssetsSharingAnId() throws {
        let fromNorthfield = try Self.importedWalk()
        let fromSouthfield = Asset(name: "Southfield Walk", source: AssetSource(
            feed: "southfield.json", serviceID: "walk-1", feedStatus: "active", importedAt: Fixture.now), createdAt: Fixture.now)
        var changed = Self.walk
        changed.cost = "£1"
        let plan = AssetImport.plan([changed], feed: Self.feed, existing: [fromSouthfield, fromNorthfield], now: Self.later)
        #expect(plan.updated.map(\.before.id) == [fromNorthfield.id])

        var uuidService = changed
        uuidService.serviceID = "5f0c8a1e-0000-4000-8000-000000000001"
        let shared = [fromNorthfield, fromSouthfield].map { asset -> Asset in
            var asset = asset
            asset.source?.serviceID = uuidService.serviceID
            return asset
        }
        let elsewhere = AssetImport.plan([uuidService], feed: "eastfield.json", existing: shared, now: Self.later)
        #expect(elsewhere.skipped.map(\.reason) == ["several assets in the directory have this id; none was changed"])
        #expect(elsewhere.added.isEmpty && elsewhere.updated.isEmpty)
    }

    @Test func assetsEnteredByHandAreNeverMatched() throws {
        let byHand = Asset(name: "Tuesday Health Walk", createdAt: Fixture.now)
        let plan = AssetImport.plan([Self.walk], feed: Self.feed, existing: [byHand], now: Self.later)
        #expect(plan.added.count == 1 && plan.updated.isEmpty)
    }

    @Test func skipsRecordsWithoutIdOrNameAndRepeatedIds() {
        let services = [
            FeedService(serviceID: "", name: "No Id"),
            FeedService(serviceID: "n1", name: "  "),
            Self.walk,
            FeedService(serviceID: "walk-1", name: "Walk again"),
            FeedService(serviceID: "n1", name: "Named at last"),
        ]
        let plan = AssetImport.plan(services, feed: Self.feed, existing: [], now: Fixture.now)
        #expect(plan.added.map(\.name) == ["Tuesday Health Walk", "Named at last"])
        #expect(plan.skipped == [
            ImportSkip(serviceID: "", name: "No Id", reason: "no id in the feed"),
            ImportSkip(serviceID: "n1", name: "  ", reason: "no name"),
            ImportSkip(serviceID: "walk-1", name: "Walk again", reason: "appears twice in the feed; the first was imported"),
        ])
        #expect(plan.summary == "2 added, 0 updated, 0 unchanged, 3 skipped")
    }

    @Test(arguments: [
        ("active", AssetCapacity.accepting), (" Active ", .accepting), ("inactive", .closed), ("defunct", .closed),
        ("temporarily closed", .closed), ("Temporarily Closed", .closed), ("", .unknown), ("paused", .unknown),
    ])
    func capacityFromFeedStatus(status: String, capacity: AssetCapacity) {
        #expect(AssetImport.capacity(forFeedStatus: status) == capacity)
    }

    @Test(arguments: [
        (["Counselling"], [NeedCategory.mentalWellbeing]),
        (["Befriending services", "Social Groups"], [.loneliness]),
        (["Debt advice", "Welfare benefits"], [.money, .advice]),
        (["Young carers", "Bereavement support"], [.caring, .bereavement]),
        (["Stop smoking", "Weight management"], [.healthyLiving]),
        (["Community transport"], [.transport]),
        (["Business support"], []),
        (["Volunteering", "Adult learning", "Employment"], [.work]),
        (["Digital inclusion", "Computer classes"], [.digital]),
        (["Parenting", "Family hubs"], [.relationships]),
        (["Housing", "Homelessness"], [.housing]),
        (["Sports", "Fitness", "Walking groups"], [.physicalActivity]),
        (["Citizens Advice", "Legal help"], [.advice]),
    ])
    func categoriesFromTopics(topics: [String], expected: [NeedCategory]) {
        #expect(AssetImport.categories(forTopics: topics, description: "") == expected)
    }

    @Test func descriptionIsUsedOnlyWhenNoTopicMatches() {
        let description = "A friendly lunch club for older people who feel lonely."
        #expect(AssetImport.categories(forTopics: ["Gardening"], description: description) == [.loneliness])
        #expect(AssetImport.categories(forTopics: ["Food banks"], description: description) == [.healthyLiving])
        #expect(AssetImport.categories(forTopics: [], description: "Tai chi in the hall").isEmpty)
        #expect(AssetImport.categories(forTopics: [], description: "MENTAL HEALTH café; bus pass help") == [.mentalWellbeing, .transport])
    }
}
