import CaseloadKit
@testable import CaseloadStore
import Foundation
import Testing

/// `AuditDiff` as a pure function of two versions of a client.
@Suite("What the audit log records as changed")
struct AuditDiffTests {
    private func changes(_ old: Client?, _ new: Client) throws -> [AuditChange] {
        AuditDiff.changes(from: try old.map(JSONValue.of), to: try JSONValue.of(new))
    }

    private func json(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    @Test func aNestedFieldIsRecordedByItsPath() throws {
        let old = try fullClient()
        var new = old
        new.referral.reason = "Wants to get back to the allotment."
        new.updatedAt = old.updatedAt.addingTimeInterval(60)
        #expect(try changes(old, new) == [AuditChange(
            path: "referral.reason", before: .string(old.referral.reason), after: .string(new.referral.reason))])
    }

    @Test func updatedAtAloneIsNoChange() throws {
        let old = try fullClient()
        var new = old
        new.updatedAt = old.updatedAt.addingTimeInterval(3600)
        #expect(try changes(old, new).isEmpty)
    }

    @Test func aFieldThatAppearsOrGoesHasOnlyOneSide() throws {
        var old = try fullClient()
        old.preferredName = nil
        var new = old
        new.preferredName = "Peggy"
        new.discharge = nil
        #expect(try changes(old, new) == [
            AuditChange(path: "discharge", before: try JSONValue.of(try #require(old.discharge)), after: nil),
            AuditChange(path: "preferredName", before: nil, after: .string("Peggy")),
        ])
    }

    @Test func aListWithoutIdsIsComparedWhole() throws {
        let old = try fullClient()
        var new = old
        new.referral.needs.append(.money)
        #expect(try changes(old, new) == [AuditChange(
            path: "referral.needs", before: try JSONValue.of(old.referral.needs), after: try JSONValue.of(new.referral.needs))])
    }

    @Test func contactsAreMatchedByIdAddedRemovedAndChanged() throws {
        let kept = Contact(at: pinnedNow, kind: .firstConversation, mode: .phone, notes: "Talked about the garden.")
        let dropped = Contact(at: pinnedNow.addingTimeInterval(60), kind: .attempt, mode: .phone)
        var old = try fullClient()
        old.contacts = [kept, dropped]
        var edited = kept
        edited.notes = "Talked about the garden.\nWould like company on walks."
        let added = Contact(at: pinnedNow.addingTimeInterval(120), kind: .checkIn, mode: .video, notes: "Zoë 陈 👋")
        var new = old
        new.contacts = [edited, added]

        let keptPath = "contacts[\(kept.id.uuidString)]"
        #expect(try changes(old, new) == [
            AuditChange(path: keptPath + ".notes", before: .string(kept.notes), after: .string(edited.notes)),
            AuditChange(path: "contacts[\(added.id.uuidString)]", before: nil, after: try JSONValue.of(added)),
            AuditChange(path: "contacts[\(dropped.id.uuidString)]", before: try JSONValue.of(dropped), after: nil),
        ])
    }

    @Test func reorderedGoalsAreRecordedAsTheirIdsInOrder() throws {
        let first = Goal(text: "Get out twice a week", createdOn: day("2026-08-05"))
        let second = Goal(text: "Sort out the pension", createdOn: day("2026-08-05"))
        var old = try fullClient()
        old.goals = [first, second]
        var new = old
        new.goals = [second, first]
        let ids = [first.id.uuidString, second.id.uuidString].map(JSONValue.string)
        #expect(try changes(old, new) == [
            AuditChange(path: "goals[]", before: .array(ids), after: .array(ids.reversed()))])
    }

    @Test func listsInsideListItemsAreMatchedByIdToo() throws {
        let old = try json(#"{"goals":[{"id":"g1","steps":[{"id":"s1","status":"to-do"},{"id":"s2","status":"to-do"}]}]}"#)
        let new = try json(#"{"goals":[{"id":"g1","steps":[{"id":"s1","status":"done"},{"id":"s2","status":"to-do"}]}]}"#)
        #expect(AuditDiff.changes(from: old, to: new) == [
            AuditChange(path: "goals[g1].steps[s1].status", before: .string("to-do"), after: .string("done"))])
    }

    @Test func itemsWithRepeatedOrMissingIdsAreComparedWhole() throws {
        for (before, after) in [(#"[{"id":"a","n":1},{"id":"a","n":2}]"#, #"[{"id":"a","n":1}]"#),
                                (#"[{"n":1}]"#, #"[{"n":2}]"#)] {
            let old = try json(#"{"list":"# + before + "}")
            let new = try json(#"{"list":"# + after + "}")
            #expect(AuditDiff.changes(from: old, to: new) == [
                AuditChange(path: "list", before: try json(before), after: try json(after))])
        }
    }

    @Test func valuesKeepTheirKind() throws {
        let old = try json(#"{"a":1,"b":true,"c":null,"d":"1"}"#)
        let new = try json(#"{"a":true,"b":1,"c":"null","d":1}"#)
        #expect(AuditDiff.changes(from: old, to: new).map(\.path) == ["a", "b", "c", "d"])
    }

    @Test func aNewClientListsEachTopLevelFieldButUpdatedAt() throws {
        let client = try fullClient()
        let recorded = try changes(nil, client)
        guard case .object(let fields) = try JSONValue.of(client) else { Issue.record("not an object"); return }
        #expect(recorded.map(\.path) == fields.keys.filter { $0 != "updatedAt" }.sorted())
        #expect(recorded.allSatisfy { $0.before == nil && $0.after == fields[$0.path] })
    }
}
