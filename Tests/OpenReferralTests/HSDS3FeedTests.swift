import CaseloadKit
import Foundation
import Testing
@testable import OpenReferral

/// The published HSDS 3 examples, in JSON and in CSV, mapped field by field.
@Suite struct HSDS3FeedTests {
    static let serviceID = "ac148810-d857-441c-9679-408f346de14b"

    static let counselling = FeedService(
        serviceID: serviceID,
        name: "Community Counselling",
        organisation: "Example Organization Inc.",
        description: "Counselling Services provided by trained professionals. Suitable for people with mental "
            + "health conditions such as anxiety, depression, or eating disorders as well as people experiencing "
            + "difficult life events and circumstances.",
        phone: "+44 1234 234567 ext. 100",
        email: "email@example.com",
        website: "http://example.com/counselling",
        address: "MyCity Civic Center, 1-30 Main Street, MyVillage, MyCity, ABC 1234",
        schedule: "Weekly on Thursday and Friday, 10:00–18:00. The service is available from 10 am to 6pm weekdays. "
            + "The service is not available on public holidays.",
        eligibility: "This service is intended for all people aged 12 and over who require counselling services in "
            + "the MyCity area; Ages 12–100",
        cost: "Non-NHS patients are expected to pay for their counselling sessions. We charge a flat rate per hour of "
            + "counselling. The current rate is £50 per hour. Please see our website for up to date prices.",
        status: "active",
        topics: ["name"])

    @Test func readsEveryMappedFieldOfTheFullService() throws {
        let services = try OpenReferralFeed.read(path: FixtureFiles.path("hsds3/service_full.json"))
        #expect(services == [Self.counselling])
    }

    @Test func readsThePagedListItsContentsNotItsTotal() throws {
        let services = try OpenReferralFeed.read(path: FixtureFiles.path("hsds3/service_list.json"))
        // total_items says 10: that counts every page; this page holds one service.
        #expect(services.count == 1)
        let service = try #require(services.first)
        #expect(service.serviceID == Self.serviceID)
        #expect(service.name == "Community Counselling")
        #expect(service.organisation == "Example Organization Inc.")
        #expect(service.email == "email@example.com")
        #expect(service.website == "http://example.com/counselling")
        #expect(service.eligibility == Self.counselling.eligibility)
        #expect(service.cost == Self.counselling.cost)
        // A list's items need not carry their child lists.
        #expect(service.phone.isEmpty && service.address.isEmpty && service.schedule.isEmpty && service.topics.isEmpty)
    }

    @Test func readsTheCSVFolderByJoiningItsTables() throws {
        let services = try OpenReferralFeed.read(path: FixtureFiles.path("hsds3/csv"))
        var expected = Self.counselling
        // The example's attributes row links to another entity's id, so in CSV no term reaches the service.
        expected.topics = []
        #expect(services == [expected])
    }

    @Test func jsonAndCSVOfTheSameDataMapAlike() throws {
        var tables = try FixtureFiles.tables("hsds3/csv")
        // Point the example's one attribute at the service, so both forms hold the same data.
        tables["attributes.csv"] = tables["attributes.csv"]?
            .replacingOccurrences(of: "f28dd44b-0c4d-479f-8e90-4c52219a8b3c", with: Self.serviceID)
        let fromCSV = try OpenReferralFeed.services(fromCSVTables: tables, folderName: "csv")
        let fromJSON = try OpenReferralFeed.services(
            fromJSON: FixtureFiles.bytes("hsds3/service_full.json"), fileName: "service_full.json")
        #expect(fromCSV == fromJSON)
    }

    @Test func aFolderPathWithATrailingSlashNamesItsFilesOnce() {
        #expect(throws: FeedError(file: FixtureFiles.path("malformed/csv_wrong_columns") + "/services.csv",
                                  place: "line 3", problem: "has 2 columns but the header has 3")) {
            try OpenReferralFeed.read(path: FixtureFiles.path("malformed/csv_wrong_columns") + "/")
        }
    }

    @Test func theFullServiceImportsAsAnAssetInTheMentalWellbeingCategory() throws {
        let services = try OpenReferralFeed.read(path: FixtureFiles.path("hsds3/service_full.json"))
        let now = Date(timeIntervalSince1970: 1_772_000_000)
        let plan = AssetImport.plan(services, feed: "service_full.json", existing: [], now: now)
        let asset = try #require(plan.added.first)
        #expect(plan.summary == "1 added, 0 updated, 0 unchanged, 0 skipped")
        #expect(asset.categories == [.mentalWellbeing])
        #expect(asset.capacity == .accepting)
        #expect(asset.phone == "+44 1234 234567 ext. 100")
        #expect(asset.source == AssetSource(feed: "service_full.json", serviceID: Self.serviceID,
                                            feedStatus: "active", importedAt: now))
    }
}
