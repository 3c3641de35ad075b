import CaseloadKit
@testable import CaseloadStore
import Foundation
import Glibc
import Testing

@Suite struct GeneratedCaseloadTests {
    static let today = CalendarDate(pinnedNow, in: TimeZone(identifier: "UTC")!)
    static let assets = DemoDirectory.make(today: today, now: pinnedNow)
    static let caseload = SyntheticCaseload(seed: 3, today: today, now: pinnedNow, assets: assets)

    /// More than one batch of 256, so that one is written while the next is encoded.
    @Test func writtenClientsLoadBackEqualWithNoProblems() throws {
        try withTemporaryDirectory { dir in
            let clients = Array(Self.caseload.clients(count: 300))
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let written = try store.writeGenerated(clients)
            #expect(written.clients == 300)
            #expect(written.folder == clientsFolder(dir).path)
            store.close()

            let reopened = try ClientStore.open(directory: dir, now: pinnedNow)
            defer { reopened.close() }
            let load = reopened.loadClients()
            #expect(load.problems.isEmpty)
            #expect(load.clients.sorted { $0.reference < $1.reference } == clients)
        }
    }

    @Test func filesHoldWhatSaveWritesReadableOnlyByTheOwnerAndNoAudit() throws {
        let clients = Array(Self.caseload.clients(count: 5))
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            defer { store.close() }
            let written = try store.writeGenerated(clients)
            var total = 0
            for client in clients {
                let file = clientFile(dir, client.id)
                #expect(mode(of: file) == 0o600)
                let generated = try bytes(at: file)
                total += generated.count
                try withTemporaryDirectory { other in
                    let saving = try ClientStore.open(directory: other, now: pinnedNow)
                    defer { saving.close() }
                    try saving.save(client, previous: nil, at: pinnedNow)
                    #expect(try bytes(at: clientFile(other, client.id)) == generated, "\(client.reference)")
                }
            }
            #expect(written.bytes == total)
            #expect(try names(in: clientsFolder(dir)).count == clients.count)
            #expect(!FileManager.default.fileExists(atPath: auditFile(dir).path), "a generated caseload has no history")
        }
    }

    @Test func refusesAFolderThatHoldsAnything() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            defer { store.close() }
            try write("kept by hand", to: clientsFolder(dir).appendingPathComponent("notes.txt"))
            #expect(throws: GeneratedCaseloadError.clientsFolderNotEmpty(path: clientsFolder(dir).path)) {
                try store.writeGenerated(Self.caseload.clients(count: 3))
            }
            #expect(try names(in: clientsFolder(dir)) == ["notes.txt"])
        }
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            defer { store.close() }
            try store.save(try fullClient(), previous: nil, at: pinnedNow)
            #expect(throws: GeneratedCaseloadError.clientsFolderNotEmpty(path: clientsFolder(dir).path)) {
                try store.writeGenerated(Self.caseload.clients(count: 3))
            }
            #expect(try names(in: clientsFolder(dir)).count == 1)
        }
    }

    @Test func refusesUnlessReadWrite() throws {
        try withTemporaryDirectory { dir in
            let writer = try ClientStore.open(directory: dir, now: pinnedNow)
            let reader = try ClientStore.open(directory: dir, now: pinnedNow)
            #expect(reader.access.isReadOnly)
            #expect {
                try reader.writeGenerated(Self.caseload.clients(count: 2))
            } throws: { error in
                guard case GeneratedCaseloadError.refused(let reason) = error else { return false }
                return reason.contains("read-only")
            }
            reader.close()
            writer.close()
            #expect(throws: GeneratedCaseloadError.refused(reason: "the caseload has been closed")) {
                try writer.writeGenerated(Self.caseload.clients(count: 2))
            }
            #expect(try names(in: clientsFolder(dir)).isEmpty)
        }
    }

    @Test func aFailedWriteLeavesOnlyWholeFiles() throws {
        try withTemporaryDirectory { dir in
            let faults = FaultPlan()
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            defer { store.close() }
            let clients = Array(Self.caseload.clients(count: 5))
            faults.fail(.write, with: ENOSPC, after: 2)
            #expect(throws: GeneratedCaseloadError.cannotWrite(reference: clients[2].reference, written: 2,
                                                                reason: SystemError(ENOSPC))) {
                try store.writeGenerated(clients)
            }
            let load = store.loadClients()
            #expect(load.problems.isEmpty)
            #expect(Set(load.clients.map(\.id)) == Set(clients.prefix(2).map(\.id)))
        }
    }
}
