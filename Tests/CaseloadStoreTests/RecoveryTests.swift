import CaseloadKit
@testable import CaseloadStore
import Foundation
import Glibc
import Testing

@Suite("Recovery of unsaved text")
struct RecoveryTests {
    private func recoveryFolder(_ dir: URL) -> URL { dir.appendingPathComponent("recovery", isDirectory: true) }

    @Test func whatIsWrittenIsListedBackExactly() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let data = Data((0...255).map(UInt8.init)) + Data("Zoë 陈 👋\n".utf8)
            let start = Date().addingTimeInterval(-5)
            try store.writeRecovery(data, name: "C-0042-notes")
            let files = try store.listRecoveries()
            #expect(files.map(\.name) == ["C-0042-notes"])
            #expect(files.first?.data == data)
            #expect(try #require(files.first?.modified) >= start)
            #expect(try #require(files.first?.modified) <= Date().addingTimeInterval(5))
        }
    }

    @Test func folderIs0700AndFilesAre0600() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            try store.writeRecovery(Data("draft".utf8), name: "draft")
            #expect(mode(of: recoveryFolder(dir)) == 0o700)
            #expect(mode(of: recoveryFolder(dir).appendingPathComponent("draft")) == 0o600)
        }
    }

    @Test func writingTheSameNameAgainReplacesTheDraft() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            try store.writeRecovery(Data("first".utf8), name: "draft")
            try store.writeRecovery(Data("second".utf8), name: "draft")
            #expect(try store.listRecoveries().map(\.data) == [Data("second".utf8)])
            #expect(try names(in: recoveryFolder(dir)) == ["draft"])
        }
    }

    @Test func listingIgnoresTemporaryAndHiddenFilesAndFoldersOldestFirst() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            try store.writeRecovery(Data("newer".utf8), name: "b-newer")
            try store.writeRecovery(Data("older".utf8), name: "z-older")
            let folder = recoveryFolder(dir)
            try FileManager.default.setAttributes(
                [.modificationDate: pinnedNow], ofItemAtPath: folder.appendingPathComponent("z-older").path)
            try write("half a dra", to: folder.appendingPathComponent(".draft.1f2e.tmp"))
            try write("hidden", to: folder.appendingPathComponent(".hidden"))
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("a-folder"), withIntermediateDirectories: false)
            let files = try store.listRecoveries()
            #expect(files.map(\.name) == ["z-older", "b-newer"])
            #expect(files.first?.modified == pinnedNow)
        }
    }

    @Test func removalDeletesTheDraftAndIsHarmlessTwice() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            try store.writeRecovery(Data("keep".utf8), name: "keep")
            try store.writeRecovery(Data("done".utf8), name: "done")
            try store.removeRecovery(name: "done")
            try store.removeRecovery(name: "done")
            #expect(try store.listRecoveries().map(\.name) == ["keep"])
            #expect(try names(in: recoveryFolder(dir)) == ["keep"])
        }
    }

    @Test func noFolderMeansNoDrafts() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            #expect(try store.listRecoveries().isEmpty)
        }
    }

    @Test func aReadOnlyWindowWritesNothingButCanList() throws {
        try withTemporaryDirectory { dir in
            let writer = try ClientStore.open(directory: dir, now: pinnedNow)
            let reader = try ClientStore.open(directory: dir, now: pinnedNow)
            let reason = ReadOnlyReason.otherInstance(pid: getpid())
            #expect(throws: StoreError.readOnly(reference: "the unsaved text \"draft\"", reason: reason)) {
                try reader.writeRecovery(Data("x".utf8), name: "draft")
            }
            #expect(!FileManager.default.fileExists(atPath: recoveryFolder(dir).path))

            try writer.writeRecovery(Data("x".utf8), name: "draft")
            #expect(try reader.listRecoveries().map(\.name) == ["draft"])
            let error = #expect(throws: StoreError.self) { try reader.removeRecovery(name: "draft") }
            #expect(error?.description == "Could not remove the unsaved text \"draft\": "
                + "the caseload is read-only: open in another window (pid \(getpid())).")
            #expect(try names(in: recoveryFolder(dir)) == ["draft"])
        }
    }

    @Test func aClosedStoreWritesNothing() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            store.close()
            #expect(throws: StoreError.closed(reference: "the unsaved text \"draft\"")) {
                try store.writeRecovery(Data("x".utf8), name: "draft")
            }
        }
    }

    @Test(arguments: ["", ".hidden", "a/b", "../escape", String(repeating: "x", count: 201)])
    func namesThatAreNotPlainFileNamesAreRefused(name: String) throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            #expect(throws: StoreError.cannotWriteRecovery(
                name: name, failure: WriteFailure(step: .createTemporaryFile, reason: SystemError(EINVAL)))) {
                try store.writeRecovery(Data("x".utf8), name: name)
            }
            #expect(throws: StoreError.self) { try store.removeRecovery(name: name) }
            #expect(try names(in: dir) == [".lock", "assets", "clients", "manifest.json"])
        }
    }

    @Test(arguments: WriteStep.allCases)
    func failureAtEachStepKeepsThePreviousDraft(step: WriteStep) throws {
        try withTemporaryDirectory { dir in
            let faults = FaultPlan()
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            try store.writeRecovery(Data("first".utf8), name: "draft")
            faults.fail(step, with: ENOSPC)
            let error = #expect(throws: StoreError.self) { try store.writeRecovery(Data("second".utf8), name: "draft") }
            #expect(error == .cannotWriteRecovery(name: "draft", failure: WriteFailure(step: step, reason: SystemError(ENOSPC))))
            let kept = step == .syncDirectory ? "second" : "first"
            #expect(try store.listRecoveries().map(\.data) == [Data(kept.utf8)])
            #expect(try names(in: recoveryFolder(dir)) == ["draft"])
            #expect(error?.description == (step == .syncDirectory
                ? "The unsaved text \"draft\" was kept but the disk did not confirm it (No space left on device)."
                : "Could not keep the unsaved text \"draft\": No space left on device."))
        }
    }

    @Test func anUnconfirmedRemovalIsReported() throws {
        try withTemporaryDirectory { dir in
            let faults = FaultPlan()
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            try store.writeRecovery(Data("x".utf8), name: "draft")
            faults.fail(.syncDirectory, with: EIO)
            let error = #expect(throws: StoreError.self) { try store.removeRecovery(name: "draft") }
            #expect(error?.description == "Could not remove the unsaved text \"draft\": "
                + "the disk did not confirm the removal (Input/output error).")
        }
    }

    @Test func anUnreadableDraftIsReportedNotSkipped() throws {
        try withTemporaryDirectory { dir in
            let faults = FaultPlan()
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            try store.writeRecovery(Data("x".utf8), name: "draft")
            faults.failRead(ofPathEndingIn: "/recovery/draft", with: EACCES)
            let error = #expect(throws: StoreError.self) { try store.listRecoveries() }
            let path = recoveryFolder(dir).appendingPathComponent("draft").path
            #expect(error?.description == "Could not read the unsaved text kept in \(path): Permission denied.")
        }
    }

    @Test func temporaryFilesLeftByACrashAreTidiedByTheNextWriter() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            try store.writeRecovery(Data("x".utf8), name: "draft")
            store.close()
            let stale = recoveryFolder(dir).appendingPathComponent(".draft.1f2e.tmp")
            try write("half", to: stale)
            _ = try ClientStore.open(directory: dir, now: pinnedNow)
            #expect(try names(in: recoveryFolder(dir)) == ["draft"])
        }
    }
}
