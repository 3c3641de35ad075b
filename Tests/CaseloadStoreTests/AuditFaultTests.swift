import CaseloadKit
@testable import CaseloadStore
import Foundation
import Glibc
import Testing

/// When the audit entry cannot be written the client is still saved, the message says both things,
/// nothing already in the log is lost, and the next save's entry is whole.
@Suite("Audit log failures")
struct AuditFaultTests {
    /// Calls after which the line may already be in the file, though unconfirmed.
    static let lineMayBeWritten: Set<AuditCall> = [.fsync, .close, .syncDirectory]

    @Test(arguments: AuditCall.allCases, [ENOSPC, EIO])
    func failureAtEachStepOfAFirstAppend(call: AuditCall, code: Int32) throws {
        try withTemporaryDirectory { dir in
            let faults = FaultPlan()
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            let client = try fullClient()
            faults.failAudit(call, with: code)
            let error = #expect(throws: StoreError.self) { try store.save(client, previous: nil, at: pinnedNow) }

            let reason = SystemError(code)
            #expect(error == .auditNotWritten(reference: "C-0042", reason: reason))
            #expect(error?.description
                == "C-0042 was saved, but the audit log entry for this change could not be written: \(reason).")
            #expect(store.loadClients().clients == [client])

            var next = client
            next.riskNote = "Next save"
            try store.save(next, previous: client, at: pinnedNow)
            let history = try store.auditEntries(for: nil)
            #expect(history.unreadableLines == 0)
            #expect(history.entries.map(\.action)
                == (Self.lineMayBeWritten.contains(call) ? [.created, .updated] : [.updated]))
            #expect(mode(of: auditFile(dir)) == 0o600)
        }
    }

    @Test(arguments: [AuditCall.readTail, .open, .write, .fsync, .close])
    func failureAppendingToAnExistingLogKeepsItsEntries(call: AuditCall) throws {
        try withTemporaryDirectory { dir in
            let faults = FaultPlan()
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            let client = try fullClient()
            try store.save(client, previous: nil, at: pinnedNow)
            let before = try bytes(at: auditFile(dir))
            var next = client
            next.riskNote = "Changed"
            faults.failAudit(call, with: EIO)
            #expect(throws: StoreError.auditNotWritten(reference: "C-0042", reason: SystemError(EIO))) {
                try store.save(next, previous: client, at: pinnedNow)
            }
            #expect(Array(try bytes(at: auditFile(dir)).prefix(before.count)) == before)
            #expect(store.loadClients().clients == [next])
        }
    }

    @Test func aLineCutShortIsEndedSoTheNextEntryIsWhole() throws {
        try withTemporaryDirectory { dir in
            let faults = FaultPlan()
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            let client = try fullClient()
            try store.save(client, previous: nil, at: pinnedNow)
            let before = try bytes(at: auditFile(dir))

            var second = client
            second.riskNote = "Second"
            faults.tearNextAuditWrite(keeping: 12, with: ENOSPC)
            #expect(throws: StoreError.auditNotWritten(reference: "C-0042", reason: SystemError(ENOSPC))) {
                try store.save(second, previous: client, at: pinnedNow)
            }
            #expect(try bytes(at: auditFile(dir)).count == before.count + 12)
            #expect(try store.auditEntries(for: nil) == AuditHistory(entries: [try #require(
                try store.auditEntries(for: client.id).entries.first)]))

            var third = second
            third.riskNote = "Third"
            try store.save(third, previous: second, at: pinnedNow)
            let history = try store.auditEntries(for: client.id)
            #expect(history.unreadableLines == 0)
            #expect(history.interruptedLines == 1)
            #expect(history.entries.map(\.action) == [.created, .updated])
            #expect(history.entries.last?.changes.map(\.after) == [#""Third""#])
            #expect(Array(try bytes(at: auditFile(dir)).prefix(before.count)) == before)
        }
    }

    @Test func theFolderIsSyncedOnlyOnTheFirstAppendOfASession() throws {
        try withTemporaryDirectory { dir in
            let faults = FaultPlan()
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            let client = try fullClient()
            try store.save(client, previous: nil, at: pinnedNow)
            faults.failAudit(.syncDirectory, with: EIO)
            try store.save(client, previous: client, at: pinnedNow)  // no folder sync, so no failure
            store.close()

            // A new session syncs again: an earlier session may have created the log and failed.
            let reopened = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            #expect(throws: StoreError.auditNotWritten(reference: "C-0042", reason: SystemError(EIO))) {
                try reopened.save(client, previous: client, at: pinnedNow)
            }
        }
    }

    @Test func anAuditLogThatIsNotAFileIsReported() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            try FileManager.default.createDirectory(at: auditFile(dir), withIntermediateDirectories: false)
            let error = #expect(throws: StoreError.self) { try store.save(try fullClient(), previous: nil, at: pinnedNow) }
            #expect(error == .auditNotWritten(reference: "C-0042", reason: SystemError(EISDIR)))
        }
    }
}
