import CaseloadKit
import Testing
@testable import OpenReferral

/// How the parts of a service become the directory's text.
@Suite struct FieldMappingTests {
    func service(_ json: String) throws -> FeedService {
        let services = try OpenReferralFeed.services(fromJSON: Array(json.utf8), fileName: "test.json")
        return try #require(services.first)
    }

    @Test(arguments: [
        (ScheduleRecord(freq: "WEEKLY", byday: "MO,WE,FR", opensAt: "09:00", closesAt: "17:00"), "Weekly on Monday, Wednesday and Friday, 09:00–17:00"),
        (ScheduleRecord(freq: "WEEKLY", interval: "2", byday: "TU"), "Every 2 weeks on Tuesday"),
        (ScheduleRecord(freq: "MONTHLY", byday: "1TH"), "Monthly on the first Thursday"),
        (ScheduleRecord(freq: "monthly", bymonthday: "15"), "Monthly on day 15"),
        (ScheduleRecord(freq: "MONTHLY", bymonthday: "1,15"), "Monthly on days 1 and 15"),
        (ScheduleRecord(freq: "DAILY", opensAt: "2000-01-01T08:00:00.000Z"), "Daily, from 08:00"),
        (ScheduleRecord(byday: "SA", closesAt: "12:00:00"), "Saturday, until 12:00"),
        (ScheduleRecord(freq: "HOURLY", byday: "XX,SU"), "XX and Sunday"),
        (ScheduleRecord(opensAt: "morning", closesAt: "noon"), "morning–noon"),
        (ScheduleRecord(description: "Term time only"), "Term time only"),
        (ScheduleRecord(weekday: "fri", opensAt: "18:30"), "Friday from 18:30"),
        (ScheduleRecord(weekday: "7"), "Sunday"),
        (ScheduleRecord(weekday: "Funday", opensAt: "10:00", closesAt: "11:00"), "Funday 10:00–11:00"),
        (ScheduleRecord(), ""),
    ])
    func scheduleText(schedule: ScheduleRecord, expected: String) {
        #expect(ScheduleText.text(schedule) == expected)
    }

    @Test func schedulesComeFromTheServiceAndItsLocationsWithoutRepeats() throws {
        let json = #"""
        {"id":"s","name":"N",
         "schedules":[{"byday":"MO"}],
         "service_at_locations":[{"schedules":[{"byday":"MO"},{"byday":"TU"}],
                                  "location":{"schedules":[{"byday":"SU"}]}}]}
        """#
        #expect(try service(json).schedule == "Monday; Tuesday")
    }

    @Test func phonesAreCleanedAndTakenFromTheNearestOwner() throws {
        let json = #"""
        {"id":"s","name":"N",
         "contacts":[{"phones":[{"number":"  \"01632 960001\" ","extension":12}]}],
         "service_at_locations":[{"phones":[{"number":"01632 960002"}]}],
         "organization":{"phones":[{"number":"01632 960003"}]}}
        """#
        #expect(try service(json).phone == "01632 960001 ext. 12")
        let fromLocation = #"{"id":"s","name":"N","phones":[{"number":"\"\""}],"service_at_locations":[{"location":{"phones":[{"number":441632960002}]}}]}"#
        #expect(try service(fromLocation).phone == "441632960002")
        let fromOrganisation = #"{"id":"s","name":"N","organization":{"phones":[{"number":"01632 960003"}]}}"#
        #expect(try service(fromOrganisation).phone == "01632 960003")
    }

    @Test func agesAreAppendedToEligibility() throws {
        #expect(try service(#"{"id":"s","name":"N","maximum_age":16}"#).eligibility == "Ages up to 16")
        #expect(try service(#"{"id":"s","name":"N","minimum_age":"65"}"#).eligibility == "Ages 65 and over")
        #expect(try service(#"{"id":"s","name":"N","eligibility_description":"Carers","minimum_age":16.5,"maximum_age":25}"#)
            .eligibility == "Carers; Ages 16.5–25")
        // The service's own ages win over those on a v1 eligibility.
        let v1 = #"{"id":"s","name":"N","minimum_age":18,"eligibilitys":[{"eligibility":"Men","minimum_age":40,"maximum_age":70}]}"#
        #expect(try service(v1).eligibility == "Men; Ages 18–70")
    }

    @Test(arguments: [
        (CostOptionRecord(amount: 5, currency: "GBP", amountDescription: "per session"), "£5.00 per session"),
        (CostOptionRecord(amount: 12.5, currency: "eur"), "€12.50"),
        (CostOptionRecord(amount: 3, currency: "CHF", option: "Members"), "3.00 CHF (Members)"),
        (CostOptionRecord(amount: 4), "4.00"),
        (CostOptionRecord(amount: 0, amountDescription: "for everyone"), "Free for everyone"),
        (CostOptionRecord(option: "Pay what you can"), "Pay what you can"),
    ])
    func costOptionText(option: CostOptionRecord, expected: String) {
        #expect(ServiceFlattening.costText(option) == expected)
    }

    @Test func costPrefersTheDescriptionThenOptionsThenV1Fees() throws {
        #expect(try service(#"{"id":"s","name":"N","fees":"£1","cost_options":[{"amount":2,"currency":"GBP"},{"amount":3,"currency":"GBP"}]}"#)
            .cost == "£2.00; £3.00")
        #expect(try service(#"{"id":"s","name":"N","fees":"£1","cost_options":[]}"#).cost == "£1")
        #expect(try service(#"{"id":"s","name":"N","fees_description":"Donations","fees":"£1"}"#).cost == "Donations")
    }

    @Test func addressesPreferThePhysicalOne() throws {
        let json = #"""
        {"id":"s","name":"N","service_at_locations":[
          {"location":{"name":"Hub","addresses":[
            {"address_type":"postal","address_1":"PO Box 1","city":"Northfield"},
            {"address_type":"physical","address_1":"2 High St","address_2":"","city":"Northfield","region":"West","country":"GB","postal_code":"NF1 1AA"}]}},
          {"location":{"name":"Hub","addresses":[{"address_type":"physical","address_1":"2 High St","city":"Northfield","postal_code":"NF1 1AA"}]}},
          {"location":null}]}
        """#
        #expect(try service(json).address == "Hub, 2 High St, Northfield, NF1 1AA")
    }

    @Test func topicsComeFromEveryTaxonomyShapeWithoutRepeats() throws {
        let json = #"""
        {"id":"s","name":"N",
         "attributes":[{"taxonomy_term":{"name":"Gardening"}},{"value":"x"},{"taxonomy_term":{"name":" "}}],
         "taxonomy_terms":[{"name":"Outdoors"},{"name":"Gardening"}],
         "service_taxonomys":[{"taxonomy":{"name":"Allotments"}},{"taxonomy":null}]}
        """#
        #expect(try service(json).topics == ["Gardening", "Outdoors", "Allotments"])
    }

    @Test func websiteFallsBackToTheOrganisation() throws {
        #expect(try service(#"{"id":"s","name":"N","organization":{"website":"https://a.example","url":"https://b.example"}}"#)
            .website == "https://a.example")
        #expect(try service(#"{"id":"s","name":"N","organization":{"url":"https://b.example"}}"#).website == "https://b.example")
    }

    @Test func nullsReadAsAbsentAndTextIsTrimmed() throws {
        let parsed = try service(#"{"id":" s1 ","name":"  Lunch Club\n","description":null,"status":" ACTIVE ","email":null}"#)
        #expect(parsed == FeedService(serviceID: "s1", name: "Lunch Club", status: "active"))
    }

    @Test func aByteOrderMarkBeforeJSONIsIgnored() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"id":"s","name":"N"}"#.utf8)
        #expect(try OpenReferralFeed.services(fromJSON: bytes, fileName: "f").map(\.name) == ["N"])
    }

    @Test func emptyListsAndNullItemsGiveNothing() throws {
        #expect(try OpenReferralFeed.services(fromJSON: Array("[]".utf8), fileName: "f").isEmpty)
        #expect(try OpenReferralFeed.services(fromJSON: Array(#"{"contents":null}"#.utf8), fileName: "f").isEmpty)
        #expect(try OpenReferralFeed.services(fromJSON: Array(#"{"content":[null]}"#.utf8), fileName: "f").isEmpty)
    }
}
