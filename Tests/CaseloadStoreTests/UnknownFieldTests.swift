import CaseloadKit
@testable import CaseloadStore
import Foundation
import Testing

/// A record file as a JSON object, to add what a newer Caseload might write.
typealias JSONObject = [String: Any]

func jsonObject(at url: URL) throws -> JSONObject {
    try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! JSONObject
}

/// Writes `object` as a newer Caseload might: keys in any order, compact, slashes escaped.
func writeJSONObject(_ object: JSONObject, to url: URL) throws {
    try JSONSerialization.data(withJSONObject: object).write(to: url)
}

/// A client with one of each list of objects with ids, so that unknown fields can be put inside them.
func clientWithWork() throws -> Client {
    var client = try fullClient()
    let contact = Contact(at: pinnedNow, kind: .checkIn, mode: .phone, notes: "Rang; going well.")
    client.contacts = [contact]
    client.goals = [Goal(text: "Get out twice a week", createdOn: day("2026-09-01"))]
    client.followUps = [FollowUp(due: day("2026-10-01"), purpose: "Review")]
    client.connections = [Connection(assetID: UUID(), assetName: "Lunch club",
                                     history: [ConnectionEvent(state: .suggested, date: day("2026-09-09"))])]
    return client
}

@Suite("Fields from a newer Caseload")
struct UnknownFieldTests {
    /// Saves `client`, lets `edit` change its file as a newer Caseload would, loads it, and saves
    /// `change(client)`: returns the file after that save.
    private func roundTrip(
        _ client: Client, in dir: URL, edit: (inout JSONObject) -> Void, change: (inout Client) -> Void = { _ in }
    ) throws -> JSONObject {
        let store = try ClientStore.open(directory: dir, now: pinnedNow)
        try store.save(client, previous: nil, at: pinnedNow)
        let file = clientFile(dir, client.id)
        var object = try jsonObject(at: file)
        edit(&object)
        try writeJSONObject(object, to: file)

        let load = store.loadClients()
        #expect(load.problems.isEmpty)
        var loaded = try #require(load.clients.first)
        #expect(loaded == client, "unknown fields change nothing this version sees")
        change(&loaded)
        try store.save(loaded, previous: client, at: pinnedNow)
        return try jsonObject(at: file)
    }

    @Test func aTopLevelFieldSurvivesALoadAndASave() throws {
        try withTemporaryDirectory { dir in
            let saved = try roundTrip(try fullClient(), in: dir, edit: {
                $0["pronouns"] = "she/her"
                $0["carer"] = ["name": "Tom", "phone": "07700 900456"]
            }, change: { $0.riskNote = "None now." })
            #expect(saved["pronouns"] as? String == "she/her")
            #expect((saved["carer"] as? JSONObject)?["name"] as? String == "Tom")
            #expect(saved["riskNote"] as? String == "None now.", "this version's change is saved too")
        }
    }

    @Test func aFieldInsideANestedObjectSurvives() throws {
        try withTemporaryDirectory { dir in
            let saved = try roundTrip(try fullClient(), in: dir, edit: { object in
                var referral = object["referral"] as! JSONObject
                referral["urgency"] = "high"
                object["referral"] = referral
            }, change: { $0.referral.reason = "Lonely" })
            let referral = try #require(saved["referral"] as? JSONObject)
            #expect(referral["urgency"] as? String == "high")
            #expect(referral["reason"] as? String == "Lonely")
        }
    }

    @Test(arguments: ["contacts", "goals", "followUps", "connections"])
    func aFieldInsideAListElementSurvivesMatchedByID(list: String) throws {
        try withTemporaryDirectory { dir in
            let client = try clientWithWork()
            let saved = try roundTrip(client, in: dir, edit: { object in
                var items = object[list] as! [JSONObject]
                items[0]["flag"] = true
                // A new element first, so the one with the unknown field moves: ids match, places do not.
                object[list] = items
            }, change: { client in
                client.goals.insert(Goal(text: "See the GP", createdOn: day("2026-09-02")), at: 0)
                client.followUps.insert(FollowUp(due: day("2026-09-20"), purpose: "Call"), at: 0)
                client.connections.insert(Connection(assetID: UUID(), assetName: "Choir",
                                                     history: [ConnectionEvent(state: .suggested, date: day("2026-09-10"))]), at: 0)
                client.contacts.insert(Contact(at: pinnedNow.addingTimeInterval(-86_400), kind: .checkIn, mode: .phone,
                                               notes: "Earlier"), at: 0)
            })
            let items = try #require(saved[list] as? [JSONObject])
            #expect(items.count == 2)
            let flagged = items.filter { $0["flag"] as? Bool == true }
            #expect(flagged.count == 1)
            #expect(flagged.first?["id"] as? String == Self.id(ofFirst: list, in: client))
        }
    }

    @Test func aRemovedElementTakesItsUnknownFieldsWithIt() throws {
        try withTemporaryDirectory { dir in
            let client = try clientWithWork()
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            try store.save(client, previous: nil, at: pinnedNow)
            var object = try jsonObject(at: clientFile(dir, client.id))
            var goals = object["goals"] as! [JSONObject]
            goals[0]["flag"] = true
            object["goals"] = goals
            try writeJSONObject(object, to: clientFile(dir, client.id))
            var loaded = try #require(store.loadClients().clients.first)

            let removed = loaded.goals.removeFirst()
            try store.save(loaded, previous: client, at: pinnedNow)
            loaded.goals = [removed]
            try store.save(loaded, previous: loaded, at: pinnedNow)
            let saved = try jsonObject(at: clientFile(dir, client.id))
            #expect((saved["goals"] as? [JSONObject])?.first?["flag"] == nil, "not brought back once removed")
        }
    }

    @Test func aClearedOptionalFieldIsNotBroughtBack() throws {
        try withTemporaryDirectory { dir in
            var client = try fullClient()
            client.referral.consentToShare = true
            let saved = try roundTrip(client, in: dir, edit: { $0["pronouns"] = "she/her" }, change: { client in
                client.preferredName = nil
                client.email = nil
                client.discharge = nil
                client.referral.consentToShare = nil
            })
            #expect(saved["pronouns"] as? String == "she/her")
            for key in ["preferredName", "email", "discharge"] { #expect(saved[key] == nil, "\(key)") }
            #expect((saved["referral"] as? JSONObject)?["consentToShare"] == nil)
        }
    }

    @Test func aFieldInsideARemovedObjectIsNotBroughtBack() throws {
        try withTemporaryDirectory { dir in
            let client = try fullClient()
            let saved = try roundTrip(client, in: dir, edit: { object in
                var discharge = object["discharge"] as! JSONObject
                discharge["code"] = "D7"
                object["discharge"] = discharge
            }, change: { $0.discharge = nil })
            #expect(saved["discharge"] == nil)
        }
    }

    @Test func aNullThisVersionOmitsIsNotKept() throws {
        try withTemporaryDirectory { dir in
            var client = try fullClient()
            client.preferredName = nil
            let saved = try roundTrip(client, in: dir, edit: {
                $0["preferredName"] = NSNull()
                $0["somethingNew"] = NSNull()
            })
            #expect(saved["preferredName"] == nil)
            #expect(saved["somethingNew"] == nil)
        }
    }

    @Test func anUnknownFieldSurvivesInAnAsset() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let asset = fullAsset()
            try store.save(asset, previous: nil, at: pinnedNow)
            var object = try jsonObject(at: assetFile(dir, asset.id))
            object["accessibility"] = ["stepFree": true]
            var source = object["source"] as! JSONObject
            source["feedVersion"] = "3.0"
            object["source"] = source
            try writeJSONObject(object, to: assetFile(dir, asset.id))

            var loaded = try #require(store.loadAssets().assets.first)
            loaded.capacity = .full
            try store.saveAssets([AssetChange(asset: loaded, previous: asset)], at: pinnedNow)
            loaded.notes = "Ring first."
            try store.save(loaded, previous: loaded, at: pinnedNow)
            let saved = try jsonObject(at: assetFile(dir, asset.id))
            #expect((saved["accessibility"] as? JSONObject)?["stepFree"] as? Bool == true)
            #expect((saved["source"] as? JSONObject)?["feedVersion"] as? String == "3.0")
            #expect(saved["capacity"] as? String == "full")
            #expect(saved["notes"] as? String == "Ring first.")
        }
    }

    @Test func aFileWithUnknownFieldsIsWrittenInTheStoreFormatAndReadsBack() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let client = try fullClient()
            try store.save(client, previous: nil, at: pinnedNow)
            var object = try jsonObject(at: clientFile(dir, client.id))
            object["website"] = "https://example.org/a"
            try writeJSONObject(object, to: clientFile(dir, client.id))
            let loaded = try #require(store.loadClients().clients.first)
            try store.save(loaded, previous: loaded, at: pinnedNow)

            let text = String(decoding: try bytes(at: clientFile(dir, client.id)), as: UTF8.self)
            let plain = String(decoding: try StoreJSON.encode(client), as: UTF8.self)
            // The store's own layout with one line added in its sorted place: pretty, unescaped slashes.
            var expected = plain.components(separatedBy: "\n")
            let index = try #require(expected.firstIndex { $0.hasPrefix("  \"updatedAt\"") })
            expected.insert("  \"website\" : \"https://example.org/a\"", at: index + 1)
            expected[index] += ","
            #expect(text == expected.joined(separator: "\n"))
            #expect(store.loadClients() == ClientLoad(clients: [client]))
        }
    }

    @Test func aFileWithoutUnknownFieldsIsSavedByteForByteAsBefore() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let client = try clientWithWork()
            try store.save(client, previous: nil, at: pinnedNow)
            let loaded = try #require(store.loadClients().clients.first)
            try store.save(loaded, previous: loaded, at: pinnedNow)
            #expect(try bytes(at: clientFile(dir, client.id)) == (try StoreJSON.encode(client)))
        }
    }

    @Test func anOlderLayoutIsNotMistakenForUnknownFields() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let client = try fullClient()
            var object = try JSONSerialization.jsonObject(with: Data(StoreJSON.encode(client))) as! JSONObject
            // Version 1 had no work lists; it loads with empty ones and is written back as the current layout.
            object["schemaVersion"] = 1
            for key in ["contacts", "goals", "followUps", "connections"] { object[key] = nil }
            try writeJSONObject(object, to: clientFile(dir, client.id))
            let loaded = try #require(store.loadClients().clients.first)
            try store.save(loaded, previous: loaded, at: pinnedNow)
            #expect(try bytes(at: clientFile(dir, client.id)) == (try StoreJSON.encode(client)))
        }
    }

    @Test func theAuditLogRecordsOnlyWhatThisVersionChanged() throws {
        try withTemporaryDirectory { dir in
            let client = try fullClient()
            _ = try roundTrip(client, in: dir, edit: { object in
                object["pronouns"] = "she/her"
                var referral = object["referral"] as! JSONObject
                referral["urgency"] = "high"
                object["referral"] = referral
            }, change: { $0.riskNote = "None now." })
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let history = try store.auditEntries(for: client.id)
            #expect(history.unreadableLines == 0)
            #expect(history.entries.count == 2)
            #expect(history.entries.last?.changes
                == [AuditEntry.Change(path: "riskNote", before: "\"Dog in the house; visit in pairs.\"",
                                      after: "\"None now.\"")])
        }
    }

    /// Loads `client` saved with `edit` applied to its file's text, as a newer Caseload might have
    /// written it: the load's problems, with nothing loaded when there are any.
    private func problems(loading client: Client, in dir: URL, edit: (String) -> String) throws -> [FileProblem] {
        let store = try ClientStore.open(directory: dir, now: pinnedNow)
        let text = String(decoding: try StoreJSON.encode(client), as: UTF8.self)
        try Data(edit(text).utf8).write(to: clientFile(dir, client.id))
        let load = store.loadClients()
        #expect(load.clients.isEmpty != load.problems.isEmpty)
        return load.problems
    }

    /// `text` with `field` added first in the top-level object.
    private static func adding(_ field: String, to text: String) -> String {
        "{\n  " + field + ",\n  " + text.dropFirst(4)
    }

    /// Each would be written back as another number: `12345678901234567890` as `1.2345678901234567e+19`.
    @Test(arguments: ["12345678901234567890", "0.10000000000000000001", "-0.0", "-0"])
    func anUnknownNumberSavingWouldChangeStopsTheLoad(number: String) throws {
        for field in [#""fromTheFuture": \#(number)"#, #""fromTheFuture": {"list": [1, \#(number)]}"#] {
            try withTemporaryDirectory { dir in
                let problems = try problems(loading: try fullClient(), in: dir) { Self.adding(field, to: $0) }
                #expect(problems.map(\.reason) == [
                    "holds a value this version of Caseload could not keep when saving (such as a number too large "
                        + "for it), so it was not loaded"], "\(field)")
            }
        }
    }

    /// Written back in another form but with the same value, which is all a newer Caseload reads.
    @Test(arguments: [("1e+16", 1e16), ("42", 42), ("0.1", 0.1), ("-2.50", -2.5), ("1E-7", 1e-7), ("0.0", 0)])
    func anUnknownNumberSavedWithTheSameValueLoads(number: String, value: Double) throws {
        try withTemporaryDirectory { dir in
            let client = try fullClient()
            #expect(try problems(loading: client, in: dir) { Self.adding(#""fromTheFuture": \#(number)"#, to: $0) }
                .isEmpty)
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let loaded = try #require(store.loadClients().clients.first)
            try store.save(loaded, previous: loaded, at: pinnedNow)
            #expect((try jsonObject(at: clientFile(dir, client.id)))["fromTheFuture"] as? Double == value)
        }
    }

    @Test func aFieldInsideAListWithoutIDsStopsTheLoad() throws {
        try withTemporaryDirectory { dir in
            let client = try clientWithWork()
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            try store.save(client, previous: nil, at: pinnedNow)
            var object = try jsonObject(at: clientFile(dir, client.id))
            var changes = object["statusHistory"] as! [JSONObject]
            changes[1]["recordedBy"] = "Sam"
            object["statusHistory"] = changes
            var connections = object["connections"] as! [JSONObject]
            var events = connections[0]["history"] as! [JSONObject]
            events[0]["by"] = "Sam"
            connections[0]["history"] = events
            object["connections"] = connections
            try writeJSONObject(object, to: clientFile(dir, client.id))
            // Fields are looked at in key order, so the connection's history is named first.
            #expect(store.loadClients().problems.map(\.reason) == [
                "holds fields from a newer Caseload inside connections[0].history that this version could not "
                    + "keep when saving, so it was not loaded"])

            // With the connections as this version wrote them, the status history is next.
            object["connections"] = (try JSONSerialization.jsonObject(with: Data(StoreJSON.encode(client)))
                as! JSONObject)["connections"]
            try writeJSONObject(object, to: clientFile(dir, client.id))
            #expect(store.loadClients().problems.map(\.reason) == ["holds fields from a newer Caseload inside "
                + "statusHistory that this version could not keep when saving, so it was not loaded"])
        }
    }

    @Test func unknownFieldsAreFoundByComparingTrees() throws {
        let file = #"""
            {"kept": "x", "new": 1, "gone": null, "nested": {"a": true, "b": "new"},
             "list": [{"id": "5f0c6d8e-0000-4000-8000-000000000001", "extra": 2}], "plain": [{"a": 3}, "x"]}
            """#
        let written = #"""
            {"kept": "x", "nested": {"a": true},
             "list": [{"id": "5F0C6D8E-0000-4000-8000-000000000001"}], "plain": [{"a": 3}, "x"]}
            """#
        #expect(try UnknownFields.difference(file: Array(file.utf8), reencoded: Array(written.utf8)) == UnknownFields(
            fields: ["new": .integer(1)],
            objects: ["nested": UnknownFields(fields: ["b": .string("new")])],
            elements: ["list": ["5F0C6D8E-0000-4000-8000-000000000001": UnknownFields(fields: ["extra": .integer(2)])]]))
        #expect(try UnknownFields.difference(file: Array(written.utf8), reencoded: Array(written.utf8)) == nil)
    }

    @Test func aFieldInAListWithoutIDsIsRefusedWherever() throws {
        let written = #"{"plain": [{"a": 1}], "list": [{"id": "x", "events": [{"a": 1}, [{"b": 2}]]}]}"#
        let cases = [
            (#"{"plain": [{"a": 1, "c": 0}], "list": [{"id": "x", "events": [{"a": 1}, [{"b": 2}]]}]}"#, "plain"),
            (#"{"plain": [{"a": 1}], "list": [{"id": "x", "events": [{"a": 1, "c": 0}, [{"b": 2}]]}]}"#,
             "list[0].events"),
            (#"{"plain": [{"a": 1}], "list": [{"id": "x", "events": [{"a": 1}, [{"b": 2, "c": 0}]]}]}"#,
             "list[0].events[1]"),
        ]
        for (file, path) in cases {
            #expect(throws: UnknownFields.Unkeepable.fieldsInListWithoutIDs(path: path)) {
                try UnknownFields.difference(file: Array(file.utf8), reencoded: Array(written.utf8))
            }
        }
    }

    @Test func numbersAreReadAsWrittenWhateverTheirPlace() throws {
        let text = #"{"a": [1, -0.0, {"b\u0041": 1.50e+3}], "s": "1, 2", "t": true, "n": null, "o": {}}"#
        #expect(try WrittenNumbers(json: Array(text.utf8)) == .object([
            "a": .array([.number("1"), .number("-0.0"), .object(["bA": .number("1.50e+3")])]),
            "s": .other, "t": .other, "n": .other, "o": .object([:]),
        ]))
    }

    private static func id(ofFirst list: String, in client: Client) -> String {
        switch list {
        case "contacts": client.contacts[0].id.uuidString
        case "goals": client.goals[0].id.uuidString
        case "followUps": client.followUps[0].id.uuidString
        default: client.connections[0].id.uuidString
        }
    }
}
