import CaseloadKit
@testable import CaseloadStore
import Foundation
import Glibc
import Testing

@Suite("Audit log")
struct AuditLogTests {
    @Test func eachSaveAddsOneLineInOrder() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let first = try fullClient()
            var second = first
            second.riskNote = "Dog re-homed."
            var third = second
            third.discussInSupervision = false
            let other = try fullClient(reference: "C-0043", name: "Sam Hill")
            try store.save(first, previous: nil, at: pinnedNow)
            try store.save(other, previous: nil, at: pinnedNow.addingTimeInterval(1))
            try store.save(second, previous: first, at: pinnedNow.addingTimeInterval(2))
            try store.save(third, previous: second, at: pinnedNow.addingTimeInterval(3))

            #expect(try auditLines(dir).count == 4)
            let all = try store.auditEntries(for: nil)
            #expect(all.unreadableLines == 0)
            #expect(all.entries.map(\.reference) == ["C-0042", "C-0043", "C-0042", "C-0042"])
            #expect(all.entries.map(\.at) == (0..<4).map { pinnedNow.addingTimeInterval(TimeInterval($0)) })

            let history = try store.auditEntries(for: first.id).entries
            #expect(history.map(\.action) == [.created, .updated, .updated])
            #expect(history.allSatisfy { $0.clientId == first.id })
            #expect(history[1].changes == [AuditEntry.Change(
                path: "riskNote", before: #""Dog in the house; visit in pairs.""#, after: #""Dog re-homed.""#)])
            #expect(history[2].changes == [AuditEntry.Change(path: "discussInSupervision", before: "true", after: "false")])
        }
    }

    @Test func aLineIsCompactJSONWithSortedKeys() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let old = try fullClient()
            var new = old
            new.referral.reason = "Walks / \"company\""
            try store.save(old, previous: nil, at: pinnedNow)
            try store.save(new, previous: old, at: pinnedNow.addingTimeInterval(60))
            let expected = #"{"action":"updated","at":"2026-09-09T14:06:00Z","changes":[{"after":"Walks / \"company\"","#
                + #""before":"Lonely since husband died; \"not getting out\".","path":"referral.reason"}],"#
                + #""clientId":"\#(old.id.uuidString)","reference":"C-0042"}"#
            #expect(try auditLines(dir).last == expected)
        }
    }

    @Test func theLogIsPrivate() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            try store.save(try fullClient(), previous: nil, at: pinnedNow)
            #expect(mode(of: auditFile(dir)) == 0o600)
        }
    }

    @Test func aNewClientIsRecordedFieldByField() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let client = try fullClient()
            try store.save(client, previous: nil, at: pinnedNow)
            let entry = try #require(try store.auditEntries(for: client.id).entries.first)
            #expect(entry.action == .created)
            #expect(entry.changes.allSatisfy { $0.before == nil && $0.after != nil })
            #expect(entry.changes.map(\.path).contains("referral"))
            #expect(!entry.changes.map(\.path).contains("updatedAt"))
            #expect(entry.changes.first { $0.path == "name" }?.after == #""Margaret Oduya""#)
        }
    }

    @Test func multiLineUnicodeTextStaysOnOneLine() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let old = try fullClient()
            var new = old
            new.riskNote = "Zoë Ærø-陈 👋🏽\nsecond line\u{2028}third"
            try store.save(old, previous: nil, at: pinnedNow)
            try store.save(new, previous: old, at: pinnedNow)
            #expect(try auditLines(dir).count == 2)
            let change = try #require(try store.auditEntries(for: old.id).entries.last?.changes.first)
            let text = try JSONDecoder().decode(String.self, from: Data(try #require(change.after).utf8))
            #expect(text == new.riskNote)
        }
    }

    @Test func aCorrectionKeepsTheOriginalEntry() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let original = try fullClient()
            var mistaken = original
            mistaken.name = "Margaret Oduyo"
            try store.save(original, previous: nil, at: pinnedNow)
            try store.save(mistaken, previous: original, at: pinnedNow)
            let before = try bytes(at: auditFile(dir))
            try store.save(original, previous: mistaken, at: pinnedNow)
            let after = try bytes(at: auditFile(dir))
            #expect(Array(after.prefix(before.count)) == before)
            let names = try store.auditEntries(for: original.id).entries.dropFirst().map { $0.changes.map(\.after) }
            #expect(names == [[#""Margaret Oduyo""#], [#""Margaret Oduya""#]])
        }
    }

    @Test func noLogMeansNoEntries() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            #expect(try store.auditEntries(for: nil) == AuditHistory())
        }
    }

    @Test func anUnfinishedLastLineIsIgnoredAndEndedBeforeTheNextEntry() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let client = try fullClient()
            try store.save(client, previous: nil, at: pinnedNow)
            let handle = try FileHandle(forWritingTo: auditFile(dir))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(#"{"action":"upd"#.utf8))
            try handle.close()
            let torn = try store.auditEntries(for: nil)
            #expect(torn.entries.count == 1)
            #expect(torn.unreadableLines == 0)

            try store.save(client, previous: client, at: pinnedNow)
            let history = try store.auditEntries(for: client.id)
            #expect(history.entries.map(\.action) == [.created, .updated])
            // Ended by the next append, it is counted as an interrupted append, not as damage.
            #expect(history.unreadableLines == 0)
            #expect(history.interruptedLines == 1)
            #expect(try auditLines(dir)[1] == #"{"action":"upd"#)

            let report = try DataCheck.scan(directory: dir)
            #expect(report.problems.isEmpty)
            #expect(report.notes.map(\.description)
                == ["audit.jsonl: line 2 is an entry cut short by an interrupted save; it never held a confirmed change"])
        }
    }

    @Test func damagedLinesAreCountedAndTheRestRead() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let client = try fullClient()
            try store.save(client, previous: nil, at: pinnedNow)
            let good = try auditLines(dir)[0]
            try write("not json\n" + good + "\n{\"action\":\"deleted\"}\n\n" + good + "\n", to: auditFile(dir))
            let history = try store.auditEntries(for: nil)
            #expect(history.entries.count == 2)
            #expect(history.unreadableLines == 2)
            #expect(history.interruptedLines == 0)
        }
    }

    @Test func anUnreadableLogIsAnError() throws {
        try withTemporaryDirectory { dir in
            let faults = FaultPlan()
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            try store.save(try fullClient(), previous: nil, at: pinnedNow)
            faults.failRead(ofPathEndingIn: "/audit.jsonl", with: EACCES)
            let error = #expect(throws: StoreError.self) { try store.auditEntries(for: nil) }
            #expect(error?.description == "Could not read the audit log \(auditFile(dir).path): Permission denied.")
        }
    }

    @Test func aReadOnlyWindowReadsTheLogAndAddsNothing() throws {
        try withTemporaryDirectory { dir in
            let writer = try ClientStore.open(directory: dir, now: pinnedNow)
            let client = try fullClient()
            try writer.save(client, previous: nil, at: pinnedNow)
            let reader = try ClientStore.open(directory: dir, now: pinnedNow)
            let before = try bytes(at: auditFile(dir))
            #expect(throws: StoreError.self) { try reader.save(client, previous: client, at: pinnedNow) }
            #expect(try bytes(at: auditFile(dir)) == before)
            #expect(try reader.auditEntries(for: client.id).entries.count == 1)
        }
    }

    @Test func anEarlierVersionOfAnotherClientIsRefusedBeforeWriting() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let client = try fullClient()
            let error = #expect(throws: StoreError.self) {
                try store.save(client, previous: try fullClient(), at: pinnedNow)
            }
            #expect(error?.description
                == "Could not save C-0042: the earlier version given for the audit log is of another client.")
            #expect(try names(in: clientsFolder(dir)).isEmpty)
            #expect(!FileManager.default.fileExists(atPath: auditFile(dir).path))
        }
    }
}
