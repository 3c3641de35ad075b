import CaseloadKit
import Testing
@testable import OpenReferral

/// Joining the tabular form's tables by id.
@Suite struct CSVFeedTests {
    func services(_ tables: [String: String]) throws -> [FeedService] {
        try OpenReferralFeed.services(fromCSVTables: tables, folderName: "feed")
    }

    static let services = """
        id,organization_id,name,email,url,status,fees,minimum_age
        s1,o1,Lunch Club,,,Active,,60
        s2,o1,Chair Yoga,,,inactive,£3,
        s3,,"Walk, Talk",,,,,
        """

    static let tables = [
        "services.csv": services,
        "organizations.csv": "id,name,website\no1,Northfield Age Concern,https://age.example.org.uk\n",
        "contacts.csv": "id,service_id,email\nc1,s1,\nc2,s1,lunch@example.org.uk\n",
        "phones.csv": """
            id,service_id,contact_id,organization_id,service_at_location_id,location_id,number,extension
            p1,,c2,,,,01632 960201,
            p2,,,o1,,,01632 960200,
            p3,,,,sal3,,01632 960203,
            """,
        "service_at_locations.csv": "id,service_id,location_id\nsal1,s1,l1\nsal3,s3,l1\n",
        "locations.csv": "id,name\nl1,Village Hall\n",
        "addresses.csv": "id,location_id,address_1,city,postal_code,address_type\na1,l1,Church Road,Northfield,NF3 3CC,physical\n",
        "schedules.csv": """
            id,service_id,service_at_location_id,freq,byday,opens_at,closes_at,description
            h1,s1,,WEEKLY,WE,12:00,14:00,
            h2,,sal1,WEEKLY,FR,12:00,14:00,Fish on Fridays
            h3,s1,sal1,,,,,Booking needed
            """,
        "attributes.csv": "id,link_id,taxonomy_term_id\nt1,s1,term-lunch\nt2,s1,term-gone\nt3,s2,term-yoga\n",
        "taxonomy_terms.csv": "id,name\nterm-lunch,Lunch clubs\nterm-yoga,Yoga\n",
        "cost_options.csv": "id,service_id,amount,currency,amount_description,option\nk1,s1,4.5,GBP,per meal,\n",
    ]

    @Test func joinsEveryTableToItsService() throws {
        let lunch = try services(Self.tables)[0]
        #expect(lunch == FeedService(
            serviceID: "s1", name: "Lunch Club", organisation: "Northfield Age Concern",
            phone: "01632 960201", email: "lunch@example.org.uk", website: "https://age.example.org.uk",
            address: "Village Hall, Church Road, Northfield, NF3 3CC",
            schedule: "Weekly on Wednesday, 12:00–14:00; Booking needed; Weekly on Friday, 12:00–14:00. Fish on Fridays",
            eligibility: "Ages 60 and over", cost: "£4.50 per meal", status: "active", topics: ["Lunch clubs"]))
    }

    @Test func fallsBackToTheOrganisationsPhoneAndV1Fees() throws {
        let yoga = try services(Self.tables)[1]
        #expect(yoga.phone == "01632 960200")
        #expect(yoga.cost == "£3")
        #expect(yoga.status == "inactive")
        #expect(yoga.topics == ["Yoga"])
    }

    @Test func takesTheLocationsPhoneWhenTheServiceHasNoOther() throws {
        let walk = try services(Self.tables)[2]
        #expect(walk.name == "Walk, Talk")
        #expect(walk.phone == "01632 960203")
        #expect(walk.organisation.isEmpty && walk.website.isEmpty)
    }

    @Test func servicesCSVAloneIsEnough() throws {
        #expect(try services(["services.csv": "id,name\ns1,Bowls\n"]) == [FeedService(serviceID: "s1", name: "Bowls")])
        #expect(try services(["services.csv": ""]).isEmpty)
        #expect(try services(["services.csv": "id,name\r\n"]).isEmpty)
    }

    @Test func rowsWithoutIdOrNameAreKeptForTheMergeToSkip() throws {
        let found = try services(["services.csv": "id,name\n,No id\ns2,\n"])
        #expect(found.map(\.serviceID) == ["", "s2"])
        #expect(found.map(\.name) == ["No id", ""])
    }

    @Test func tablesWeDoNotReadMayBeAnything() throws {
        #expect(try services(["services.csv": "id,name\ns1,Bowls\n", "notes.csv": "\"unclosed"]).count == 1)
    }
}
