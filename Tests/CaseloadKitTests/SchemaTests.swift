import Foundation
import Testing
@testable import CaseloadKit

@Suite struct SchemaTests {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// A client with some of everything, as written by this version.
    static func busyClient() throws -> Client {
        let contact = Contact(at: Fixture.at("2026-01-15", "14:30"), kind: .whatMatters, mode: .homeVisit, durationMinutes: 60,
                              notes: "Long talk", whatMatters: WhatMatters(whatMatters: "Seeing people", concerns: [Concern(need: .loneliness)]),
                              ons4: ONS4(satisfaction: 4, worthwhile: 5, happy: 3, anxious: 7),
                              swemwbs: SWEMWBS(answers: [2, 3, 2, 3, 2, 3, 2]))
        let followUp = FollowUp(due: Fixture.date("2026-02-01"), time: "10:00", purpose: "Check in",
                                state: .cancelled(reason: "Unwell", on: Fixture.date("2026-01-30")),
                                previousDueDates: [Fixture.date("2026-01-28")])
        let goal = Goal(text: "Get out more", createdOn: Fixture.date("2026-01-15"),
                        steps: [PlanStep(what: "Lunch club", owner: .someoneElse, ownerName: "Sam", due: Fixture.date("2026-01-22"))])
        var client = Fixture.client("C-0001", name: "Ama Owusu", status: .active, firstContact: "2026-01-15")
        client.referral.consentToShare = true
        client.contacts = [contact]
        client.goals = [goal]
        client.followUps = [followUp]
        client.connections = [Connection(
            assetID: UUID(uuidString: "5A5A5A5A-0000-4000-8000-000000000001")!, assetName: "Walking for Health",
            stepID: goal.steps.first?.id,
            history: [ConnectionEvent(state: .referred, date: Fixture.date("2026-01-15"), note: "Gave leaflet"),
                      ConnectionEvent(state: .attended, date: Fixture.date("2026-01-22"))])]
        client.createdAt = Fixture.at("2026-01-10")
        client.updatedAt = Fixture.at("2026-01-15")
        return client
    }

    @Test func isVersionFour() {
        #expect(Client.currentSchemaVersion == 4)
        #expect(Fixture.client("C-0001", name: "A").schemaVersion == 4)
    }

    @Test func roundTripsTheWork() throws {
        let client = try Self.busyClient()
        let data = try Self.encoder().encode(client)
        #expect(try Self.decoder().decode(Client.self, from: data) == client)
        let text = String(decoding: data, as: UTF8.self)
        for key in ["\"contacts\"", "\"goals\"", "\"followUps\"", "\"connections\"", "\"schemaVersion\" : 4", "\"consentToShare\" : true", "\"status\" : \"cancelled\""] {
            #expect(text.contains(key), "\(key)")
        }
    }

    @Test func writesEmptyListsToo() throws {
        let object = try JSONSerialization.jsonObject(with: try Self.encoder().encode(Fixture.client("C-0001", name: "A")))
        let keys = (object as? [String: Any]).map { Set($0.keys) } ?? []
        #expect(keys.isSuperset(of: ["contacts", "goals", "followUps", "connections"]))
    }

    /// A version 1 file: the layout written before contacts, goals and follow-ups existed.
    static let versionOne = """
        {
          "createdAt" : "2026-01-10T09:00:00Z",
          "discussInSupervision" : false,
          "firstContactDate" : "2026-01-15",
          "id" : "0C1D2E3F-4A5B-4C6D-8E7F-8091A2B3C4D5",
          "name" : "Zoë Whitfield",
          "nhsNumber" : "9434765919",
          "practice" : "Hillview Surgery",
          "reference" : "C-0042",
          "referral" : {
            "consentToContact" : true,
            "date" : "2026-01-10",
            "needs" : ["loneliness"],
            "reason" : "Lonely since moving",
            "referrerName" : "Dr Okoro",
            "referrerRole" : "gp"
          },
          "riskNote" : "",
          "schemaVersion" : 1,
          "status" : "active",
          "statusHistory" : [
            { "date" : "2026-01-15", "from" : "waiting", "to" : "active", "note" : "" }
          ],
          "updatedAt" : "2026-01-15T11:00:00Z"
        }
        """

    @Test func readsAVersionOneFileWithNoWorkYet() throws {
        let client = try Self.decoder().decode(Client.self, from: Data(Self.versionOne.utf8))
        #expect(client.name == "Zoë Whitfield")
        #expect(client.reference == "C-0042")
        #expect(client.nhsNumber?.digits == "9434765919")
        #expect(client.firstContactDate == Fixture.date("2026-01-15"))
        #expect(client.statusHistory.count == 1)
        #expect(client.contacts.isEmpty && client.goals.isEmpty && client.followUps.isEmpty)
        #expect(client.preferredName == nil && client.email == nil)
        // Upgraded in memory, so it is written back as the current version and an older Caseload refuses it.
        #expect(client.schemaVersion == 4)
        #expect(client.referral.consentToShare == nil)
        let rewritten = try JSONSerialization.jsonObject(with: try Self.encoder().encode(client)) as? [String: Any]
        #expect(rewritten?["schemaVersion"] as? Int == 4)
    }

    @Test func aVersionOneClientEncodedTodayStillDecodes() throws {
        // Take today's encoding, strip the new keys and call it version 1.
        let busy = try Self.busyClient()
        var object = try #require(try JSONSerialization.jsonObject(with: try Self.encoder().encode(busy)) as? [String: Any])
        for key in ["contacts", "goals", "followUps", "connections"] { object.removeValue(forKey: key) }
        object["schemaVersion"] = 1
        let client = try Self.decoder().decode(Client.self, from: try JSONSerialization.data(withJSONObject: object))
        var expected = busy
        expected.contacts = []
        expected.goals = []
        expected.followUps = []
        expected.connections = []
        #expect(client == expected)
    }

    @Test func aVersionTwoFileHasNoConnectionsYet() throws {
        let busy = try Self.busyClient()
        var object = try #require(try JSONSerialization.jsonObject(with: try Self.encoder().encode(busy)) as? [String: Any])
        object.removeValue(forKey: "connections")
        object["schemaVersion"] = 2
        let client = try Self.decoder().decode(Client.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(client.connections.isEmpty)
        #expect(client.contacts == busy.contacts && client.goals == busy.goals)
    }

    @Test func aVersionThreeFileHasNotBeenAskedAboutSharing() throws {
        let busy = try Self.busyClient()
        var object = try #require(try JSONSerialization.jsonObject(with: try Self.encoder().encode(busy)) as? [String: Any])
        var referral = try #require(object["referral"] as? [String: Any])
        referral.removeValue(forKey: "consentToShare")
        object["referral"] = referral
        object["schemaVersion"] = 3
        let client = try Self.decoder().decode(Client.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(client.referral.consentToShare == nil)
        #expect(client.connections == busy.connections)
    }

    @Test func refusesAConnectionWithoutHistory() throws {
        let busy = try Self.busyClient()
        var object = try #require(try JSONSerialization.jsonObject(with: try Self.encoder().encode(busy)) as? [String: Any])
        var connection = try #require((object["connections"] as? [[String: Any]])?.first)
        connection["history"] = [Any]()
        object["connections"] = [connection]
        #expect(throws: DecodingError.self) {
            try Self.decoder().decode(Client.self, from: try JSONSerialization.data(withJSONObject: object))
        }
    }

    @Test func refusesANewerVersionAndReportsMissingFields() throws {
        let newer = Self.versionOne.replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 5")
        #expect(throws: DecodingError.self) { try Self.decoder().decode(Client.self, from: Data(newer.utf8)) }
        let nameless = Self.versionOne.replacingOccurrences(of: "\"name\" : \"Zoë Whitfield\",", with: "")
        #expect(throws: DecodingError.self) { try Self.decoder().decode(Client.self, from: Data(nameless.utf8)) }
    }

    @Test func sortsContactsReadFromAFile() throws {
        var client = try Self.busyClient()
        let earlier = Fixture.contact(.firstConversation, "2026-01-12")
        client.contacts.append(earlier)  // out of order, as a hand-edited file might be
        let decoded = try Self.decoder().decode(Client.self, from: try Self.encoder().encode(client))
        #expect(decoded.contacts.map(\.id) == [earlier.id, client.contacts[0].id])
    }
}
