import Foundation
import Testing
@testable import CaseloadKit

@Suite struct DirectoryTests {
    static func asset(_ name: String, _ capacity: AssetCapacity = .accepting, categories: [NeedCategory] = [],
                      checked: String? = nil, retired: Bool = false, description: String = "") -> Asset {
        Asset(name: name, categories: categories, description: description, capacity: capacity,
              lastChecked: checked.map { AssetCheck(date: Fixture.date($0), by: "Sam") },
              retiredOn: retired ? Fixture.date("2026-01-01") : nil, createdAt: Fixture.now)
    }

    static let assets = [
        asset("Zumba Gold", .full, categories: [.physicalActivity], checked: "2026-02-01"),
        asset("Álvaro's Allotment", .waitingList, categories: [.healthyLiving, .loneliness], checked: "2025-06-01"),
        asset("Men's Shed", .accepting, categories: [.loneliness], description: "Woodwork and a cuppa"),
        asset("Old Lunch Club", .closed, categories: [.loneliness], retired: true),
    ]

    func names(_ query: DirectoryQuery) -> [String] {
        query.apply(to: Self.assets, today: Fixture.today).map(\.name)
    }

    @Test func hidesRetiredUnlessAsked() {
        #expect(names(DirectoryQuery()) == ["Álvaro's Allotment", "Men's Shed", "Zumba Gold"])
        #expect(names(DirectoryQuery(includeRetired: true)).contains("Old Lunch Club"))
    }

    @Test func filtersByCategoryAndCapacity() {
        #expect(names(DirectoryQuery(category: .loneliness)) == ["Álvaro's Allotment", "Men's Shed"])
        #expect(names(DirectoryQuery(category: .loneliness, capacity: .accepting)) == ["Men's Shed"])
    }

    @Test func searchesNameDescriptionAndCategoryIgnoringAccents() {
        #expect(names(DirectoryQuery(search: "alvaro")) == ["Álvaro's Allotment"])
        #expect(names(DirectoryQuery(search: "cuppa wood")) == ["Men's Shed"])
        #expect(names(DirectoryQuery(search: "physical")) == ["Zumba Gold"])
        #expect(names(DirectoryQuery(search: "nothing like it")).isEmpty)
    }

    @Test func sortsByCapacityThenByOldestCheck() {
        #expect(names(DirectoryQuery(sort: .capacity)) == ["Men's Shed", "Álvaro's Allotment", "Zumba Gold"])
        #expect(names(DirectoryQuery(sort: .lastChecked)) == ["Men's Shed", "Álvaro's Allotment", "Zumba Gold"])
    }

    @Test func staleAfterSixMonthsOrWhenNeverChecked() {
        #expect(Self.asset("a", checked: "2025-09-01").isStale(today: Fixture.today))
        #expect(!Self.asset("a", checked: "2025-09-02").isStale(today: Fixture.today))
        #expect(Self.asset("a").isStale(today: Fixture.today))
    }

    @Test func checkingAndRetiringAreDated() {
        let asset = Self.asset("Men's Shed")
        let checked = asset.checked(on: Fixture.today, by: "Sam Patel", at: Fixture.now)
        #expect(checked.lastChecked == AssetCheck(date: Fixture.today, by: "Sam Patel"))
        let retired = checked.retired(on: Fixture.today, at: Fixture.now)
        #expect(retired.isRetired && retired.retiredOn == Fixture.today)
        #expect(!retired.retired(on: nil, at: Fixture.now).isRetired)
    }

    @Test func draftNeedsANameAndSaneCheckDetails() {
        var draft = AssetDraft()
        #expect(draft.validate(today: Fixture.today)[.name] != nil)
        draft.name = "Men's Shed"
        draft.email = "not an email"
        draft.lastChecked = "02-Mar-2026"
        let problems = draft.validate(today: Fixture.today)
        #expect(problems[.email] != nil)
        #expect(problems[.lastChecked] == "The last check cannot be in the future")
        draft.email = ""
        draft.lastChecked = ""
        draft.checkedBy = "Sam"
        #expect(draft.validate(today: Fixture.today)[.lastChecked] != nil)
    }

    @Test func draftRoundTripsAnAssetKeepingWhatTheFormDoesNotShow() throws {
        var asset = Self.asset("Men's Shed", checked: "2026-02-01")
        asset.source = AssetSource(feed: "feed.json", serviceID: "s1", feedStatus: "active", importedAt: Fixture.now)
        asset.topics = ["Woodwork"]
        let same = try AssetDraft(asset: asset).applied(to: asset, id: asset.id, today: Fixture.today, now: Fixture.now.addingTimeInterval(60))
        #expect(same == asset)
        var draft = AssetDraft(asset: asset)
        draft.notes = "  Ask for Dave  "
        draft.categories = [.caring, .loneliness]
        let edited = try draft.applied(to: asset, id: asset.id, today: Fixture.today, now: Fixture.now.addingTimeInterval(60))
        #expect(edited.notes == "Ask for Dave")
        #expect(edited.categories == [.loneliness, .caring], "in the vocabulary's order")
        #expect(edited.source == asset.source && edited.topics == ["Woodwork"])
        #expect(edited.updatedAt == Fixture.now.addingTimeInterval(60))
    }
}
