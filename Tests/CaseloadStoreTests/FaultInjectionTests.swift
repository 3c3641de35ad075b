import CaseloadKit
@testable import CaseloadStore
import Foundation
import Glibc
import Testing

/// A save that fails at any step must say so plainly, leave the previous file exactly as it was
/// (until the rename, after which the new file is complete) and leave no temporary file behind.
@Suite("Save failures")
struct FaultInjectionTests {
    static let codes: [Int32] = [ENOSPC, EIO, EACCES, EROFS]

    @Test(arguments: WriteStep.allCases, codes)
    func failureAtEachStepKeepsThePreviousFile(step: WriteStep, code: Int32) throws {
        try withTemporaryDirectory { dir in
            let faults = FaultPlan()
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            let original = try fullClient()
            try store.save(original, previous: nil, at: pinnedNow)
            let file = clientFile(dir, original.id)
            let before = try bytes(at: file)
            let auditBefore = try bytes(at: auditFile(dir))

            var client = original
            client.riskNote = "Changed: must not reach the disk when the save fails."
            faults.fail(step, with: code)
            let error = #expect(throws: StoreError.self) { try store.save(client, previous: original, at: pinnedNow) }

            let reason = SystemError(code)
            #expect(error == .saveFailed(reference: "C-0042", failure: WriteFailure(step: step, reason: reason)))
            let message = error?.description ?? ""
            #expect(message.contains("C-0042"))
            #expect(message.contains(reason.description))
            #expect(!message.contains("\(code)"), "no bare errno numbers in messages")
            if step == .syncDirectory {
                // The rename happened: the new version is whole, and the message admits it is not confirmed.
                #expect(try bytes(at: file) == StoreJSON.encode(client))
                #expect(message.contains("may be lost"))
                // The change is on disk, so the log records it.
                #expect(try store.auditEntries(for: client.id).entries.map(\.action) == [.created, .updated])
            } else {
                #expect(try bytes(at: file) == before)
                #expect(message == "Could not save C-0042: \(reason).")
                #expect(try bytes(at: auditFile(dir)) == auditBefore)
            }
            #expect(try names(in: clientsFolder(dir)) == [file.lastPathComponent])
        }
    }

    @Test func failureOnAFirstSaveLeavesNoFileAtAll() throws {
        try withTemporaryDirectory { dir in
            let faults = FaultPlan()
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            faults.fail(.write, with: ENOSPC)
            let error = #expect(throws: StoreError.self) { try store.save(try fullClient(), previous: nil, at: pinnedNow) }
            #expect(error?.description == "Could not save C-0042: No space left on device.")
            #expect(try names(in: clientsFolder(dir)).isEmpty)
            #expect(!FileManager.default.fileExists(atPath: auditFile(dir).path))
        }
    }

    @Test func aFailedSaveDoesNotSpoilTheNextOne() throws {
        try withTemporaryDirectory { dir in
            let faults = FaultPlan()
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            let client = try fullClient()
            faults.fail(.flush, with: EIO)
            #expect(throws: StoreError.self) { try store.save(client, previous: nil, at: pinnedNow) }
            try store.save(client, previous: nil, at: pinnedNow)
            #expect(store.loadClients().clients == [client])
        }
    }

    @Test func clientWithoutReferenceIsNamedByItsId() throws {
        try withTemporaryDirectory { dir in
            let faults = FaultPlan()
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            let client = try fullClient(reference: "")
            faults.fail(.rename, with: EROFS)
            let error = #expect(throws: StoreError.self) { try store.save(client, previous: nil, at: pinnedNow) }
            #expect(error?.description
                == "Could not save client \(client.id.uuidString.lowercased()): Read-only file system.")
        }
    }

    @Test func failingToWriteTheManifestFailsTheOpenAndLeavesNothingHalfDone() throws {
        try withTemporaryDirectory { (dir: URL) throws in
            let faults = FaultPlan()
            faults.fail(.write, with: ENOSPC)
            let error = #expect(throws: StoreError.self) {
                try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            }
            let path = dir.appendingPathComponent("manifest.json").path
            #expect(error?.description == "Could not create \(path): No space left on device.")
            #expect(try names(in: dir) == [".lock"])
            // The failed open let go of the lock.
            #expect(try reopensReadWrite(dir))
        }
    }
}
