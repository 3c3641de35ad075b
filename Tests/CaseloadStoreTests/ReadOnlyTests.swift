import CaseloadKit
@testable import CaseloadStore
import Foundation
import Glibc
import Testing

@Suite("Read-only opens and damaged manifests")
struct ReadOnlyTests {
    @Test(arguments: [EACCES, EROFS, EPERM])
    func lockFileThatCannotBeOpenedMeansNotWritable(code: Int32) throws {
        try withTemporaryDirectory { dir in
            try ClientStore.open(directory: dir, now: pinnedNow).close()
            let faults = FaultPlan()
            faults.failOpen(ofPathEndingIn: "/.lock", with: code)
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            #expect(store.access == .readOnly(.directoryNotWritable))
            #expect(store.access.description == "read-only: the data folder is not writable")
            let error = #expect(throws: StoreError.self) { try store.save(try fullClient(), previous: nil, at: pinnedNow) }
            #expect(error?.description
                == "Could not save C-0042: the caseload is read-only: the data folder is not writable.")
        }
    }

    @Test func folderThatFailsTheWritableCheckIsReadOnlyAndReleasesTheLock() throws {
        try withTemporaryDirectory { dir in
            let faults = FaultPlan()
            faults.failCheckWritable(with: EROFS)
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            #expect(store.access == .readOnly(.directoryNotWritable))
            #expect(try reopensReadWrite(dir))
        }
    }

    @Test func lockingUnsupportedIsReadOnlyWithTheReason() throws {
        try withTemporaryDirectory { dir in
            let faults = FaultPlan()
            faults.failLock(with: ENOLCK)
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            #expect(store.access == .readOnly(.lockUnavailable(SystemError(ENOLCK))))
            #expect(store.access.description == "read-only: the data folder could not be locked (No locks available)")
        }
    }

    @Test func newerManifestOpensReadOnlyAndIsNotTouched() throws {
        try withTemporaryDirectory { dir in
            let manifest = dir.appendingPathComponent("manifest.json")
            // A future layout may rename fields; the version alone must be enough to refuse.
            let text = #"{"application":"caseload","schemaVersion":2,"created":"someday"}"#
            try write(text, to: manifest)
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            #expect(store.access == .readOnly(.newerSchema(found: 2)))
            #expect(store.access.description == "read-only: written by a newer Caseload (schema 2)")
            #expect(throws: StoreError.readOnly(reference: "C-0042", reason: .newerSchema(found: 2))) {
                try store.save(try fullClient(), previous: nil, at: pinnedNow)
            }
            #expect(String(decoding: try bytes(at: manifest), as: UTF8.self) == text)
            #expect(!FileManager.default.fileExists(atPath: clientsFolder(dir).path))
            // The lock was let go, for the newer Caseload's sake.
            let fd = open(dir.appendingPathComponent(".lock").path, O_RDWR | O_CLOEXEC)
            defer { close(fd) }
            #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        }
    }

    @Test(arguments: [
        ("{ \"application\": \"caseload\",\n  \"schemaVersion\": 1,\n  oops }",
         "not valid JSON (the problem is near line 3, column 3)"),
        ("", "the file is empty"),
        (#"{"application":"caseload","schemaVersion":1}"#, "field `createdAt` is missing"),
        (#"{"application":"caseload","schemaVersion":1,"createdAt":"yesterday"}"#,
         "field `createdAt`: expected a date and time such as 2026-09-09T14:05:00Z, found \"yesterday\""),
        (#"{"application":"notes","schemaVersion":1,"createdAt":"2026-01-01T00:00:00Z"}"#,
         "belongs to \"notes\", not Caseload; choose another data folder"),
        (#"{"application":"caseload","schemaVersion":0,"createdAt":"2026-01-01T00:00:00Z"}"#,
         "schema version 0 was never written by Caseload"),
    ])
    func damagedManifestStopsTheOpenAndIsLeftAlone(text: String, reason: String) throws {
        try withTemporaryDirectory { dir in
            let manifest = dir.appendingPathComponent("manifest.json")
            try write(text, to: manifest)
            let error = #expect(throws: StoreError.self) { try ClientStore.open(directory: dir, now: pinnedNow) }
            #expect(error == .unusableManifest(path: manifest.path, reason: reason))
            #expect(error?.description
                == "Cannot open the caseload: \(manifest.path): \(reason). The file has been left as it is.")
            #expect(String(decoding: try bytes(at: manifest), as: UTF8.self) == text)
            let fd = open(dir.appendingPathComponent(".lock").path, O_RDWR | O_CLOEXEC)
            defer { close(fd) }
            #expect(flock(fd, LOCK_EX | LOCK_NB) == 0, "a failed open must not keep the lock")
        }
    }

    @Test func unreadableManifestNamesTheReason() throws {
        try withTemporaryDirectory { dir in
            try ClientStore.open(directory: dir, now: pinnedNow).close()
            let faults = FaultPlan()
            faults.failRead(ofPathEndingIn: "/manifest.json", with: EACCES)
            let error = #expect(throws: StoreError.self) {
                try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            }
            let path = dir.appendingPathComponent("manifest.json").path
            #expect(error?.description
                == "Cannot open the caseload: \(path): cannot be read: Permission denied. "
                    + "The file has been left as it is.")
        }
    }
}
