import CaseloadKit
import Foundation
import Testing
@testable import OpenReferral

/// Open Referral UK v1 field names, and a bare array of services.
@Suite struct ORUKv1FeedTests {
    static func page() throws -> [FeedService] {
        try OpenReferralFeed.read(path: FixtureFiles.path("oruk_v1_page.json"))
    }

    @Test func readsEveryServiceOfThePage() throws {
        #expect(try Self.page().map(\.serviceID) == ["walk-1001", "money-2002", "3003"])
    }

    @Test func mapsTheV1FieldNames() throws {
        let walk = try Self.page()[0]
        #expect(walk == FeedService(
            serviceID: "walk-1001",
            name: "Tuesday Health Walk",
            organisation: "Northfield Ramblers",
            description: "A gentle hour's walk round the park, then tea.",
            phone: "01632 960123",
            email: "walks@example.org.uk",
            website: "https://walks.example.org.uk/tuesday",
            address: "Northfield Park, Park Lane Gate, Northfield, NF1 2AB",
            schedule: "Tuesday 10:00–11:00",
            eligibility: "Adults; Ages 18 and over",
            cost: "Free",
            status: "active",
            topics: ["Walking", "Outdoor activities"]))
    }

    @Test func fallsBackToContactsAndTheOrganisation() throws {
        let money = try Self.page()[1]
        #expect(money.phone == "01632 960456, 01632 960457")
        #expect(money.email == "dropin@advice.example.org.uk")
        #expect(money.website == "https://advice.example.org.uk")
        #expect(money.status == "temporarily closed")
        #expect(money.eligibility == "Northfield residents; People on a low income")
        #expect(money.schedule == "Monday 09:30–12:30; Wednesday 13:00–16:00. Appointments only")
        #expect(money.cost == "Free (Everyone)")
        #expect(money.topics == ["Debt advice", "Benefits"])
    }

    @Test func takesNumericIdsAndLocationsWithoutAddresses() throws {
        let cafe = try Self.page()[2]
        #expect(cafe.serviceID == "3003")
        #expect(cafe.name == "Carers' Café")
        #expect(cafe.address == "St Anne's Hall; 1 Library Street, Northfield, NF2 9ZZ")
        #expect(cafe.cost == "£2 a visit")
        #expect(cafe.website.isEmpty && cafe.phone.isEmpty && cafe.schedule.isEmpty && cafe.eligibility.isEmpty)
    }

    @Test func readsABareArrayKeepingRecordsWithoutIdOrName() throws {
        let services = try OpenReferralFeed.read(path: FixtureFiles.path("services_array.json"))
        #expect(services.map(\.serviceID) == ["knit-1", "", "no-name-3", "knit-1"])
        #expect(services.map(\.name) == ["Knit and Natter", "A group with no id", "", "Knit and Natter (copy)"])
        let knit = services[0]
        #expect(knit.phone == "01632 960700, 01632 960701 ext. 2")
        #expect(knit.schedule == "Monthly on the first Wednesday and the last Friday, 14:00–16:00")
        #expect(knit.cost == "£1.50 per session (Tea included)")
        #expect(knit.topics == ["Social groups", "Crafts"])
    }

    @Test func theMergeSkipsWhatTheReaderKept() throws {
        let services = try OpenReferralFeed.read(path: FixtureFiles.path("services_array.json"))
        let plan = AssetImport.plan(services, feed: "services_array.json", existing: [], now: Date(timeIntervalSince1970: 0))
        #expect(plan.added.map(\.name) == ["Knit and Natter"])
        #expect(plan.added.first?.categories == [.loneliness])
        #expect(plan.skipped.map(\.reason) == [
            "no id in the feed", "no name", "appears twice in the feed; the first was imported",
        ])
    }
}
