import CaseloadKit
@testable import CaseloadStore
import Foundation
import Glibc
import Testing

/// Saving assets, one or a batch, that fails at any step must say so plainly and leave every file
/// holding its previous version or its new one in full, with no temporary file behind.
@Suite("Asset save failures")
struct AssetFaultTests {
    static let codes: [Int32] = [ENOSPC, EIO]

    @Test(arguments: WriteStep.allCases, codes)
    func failureOfOneSaveAtEachStepKeepsThePreviousFile(step: WriteStep, code: Int32) throws {
        try withTemporaryDirectory { dir in
            let faults = FaultPlan()
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            let original = fullAsset()
            try store.save(original, previous: nil, at: pinnedNow)
            let file = assetFile(dir, original.id)
            let before = try bytes(at: file)
            let auditBefore = try bytes(at: auditFile(dir))

            var asset = original
            asset.notes = "Changed: must not reach the disk when the save fails."
            faults.fail(step, with: code)
            let error = #expect(throws: StoreError.self) { try store.save(asset, previous: original, at: pinnedNow) }

            let reason = SystemError(code)
            let label = #"asset "Walking for Health""#
            #expect(error == .saveFailed(reference: label, failure: WriteFailure(step: step, reason: reason)))
            if step == .syncDirectory {
                #expect(try bytes(at: file) == StoreJSON.encode(asset))
                #expect(error?.description == "\(label) was written but the disk did not confirm it (\(reason)); "
                    + "it may be lost if the computer loses power.")
                #expect(try store.auditEntries(forAsset: asset.id).entries.map(\.action) == [.created, .updated])
            } else {
                #expect(try bytes(at: file) == before)
                #expect(error?.description == "Could not save \(label): \(reason).")
                #expect(try bytes(at: auditFile(dir)) == auditBefore)
            }
            #expect(try names(in: assetsFolder(dir)) == [file.lastPathComponent])
        }
    }

    /// Steps before any rename: a failure on the third file changes nothing at all.
    @Test(arguments: [WriteStep.createTemporaryFile, .write, .flush, .close], codes)
    func batchFailureBeforeTheRenamesChangesNothing(step: WriteStep, code: Int32) throws {
        try withTemporaryDirectory { dir in
            let batch = try Batch(in: dir)
            batch.faults.fail(step, with: code, after: 2)
            let error = #expect(throws: StoreError.self) { try batch.store.saveAssets(batch.changes, at: pinnedNow) }

            let reason = SystemError(code)
            #expect(error == .assetsSaveFailed(
                saved: [], of: 5, asset: #"asset "Group 3""#, failure: WriteFailure(step: step, reason: reason)))
            #expect(error?.description
                == #"Could not save 5 assets: asset "Group 3": \#(reason). Nothing was changed."#)
            try batch.expectOnDisk(newVersions: 0)
            #expect(try bytes(at: auditFile(dir)) == batch.auditBefore)
        }
    }

    @Test(arguments: codes)
    func batchFailingToRenameTheThirdKeepsTheFirstTwoAndRecordsThem(code: Int32) throws {
        try withTemporaryDirectory { dir in
            let batch = try Batch(in: dir)
            batch.faults.fail(.rename, with: code, after: 2)
            let error = #expect(throws: StoreError.self) { try batch.store.saveAssets(batch.changes, at: pinnedNow) }

            let reason = SystemError(code)
            let saved = batch.changes.prefix(2).map(\.asset.id)
            #expect(error == .assetsSaveFailed(
                saved: saved, of: 5, asset: #"asset "Group 3""#, failure: WriteFailure(step: .rename, reason: reason)))
            #expect(error?.description == #"Saved 2 of 5 assets, then could not save asset "Group 3": \#(reason). "#
                + "The other 3 are as they were.")
            try batch.expectOnDisk(newVersions: 2)
            // The log records exactly what reached the disk.
            let entries = try batch.store.auditEntries(forAsset: nil).entries
            #expect(entries.count == 4 + 2)
            #expect(entries.suffix(2).map(\.assetId) == saved)
            #expect(Array(try bytes(at: auditFile(dir)).prefix(batch.auditBefore.count)) == batch.auditBefore)

            // Nothing lingers: the same batch saved again completes.
            try batch.store.saveAssets(batch.changes, at: pinnedNow)
            try batch.expectOnDisk(newVersions: 5)
        }
    }

    @Test func batchFailingToRenameTheFirstChangesNothing() throws {
        try withTemporaryDirectory { dir in
            let batch = try Batch(in: dir)
            batch.faults.fail(.rename, with: EROFS)
            let error = #expect(throws: StoreError.self) { try batch.store.saveAssets(batch.changes, at: pinnedNow) }
            #expect(error?.description
                == #"Could not save 5 assets: asset "Group 1": Read-only file system. Nothing was changed."#)
            try batch.expectOnDisk(newVersions: 0)
            #expect(try bytes(at: auditFile(dir)) == batch.auditBefore)
        }
    }

    @Test(arguments: codes)
    func batchWhoseFolderSyncFailsIsWrittenRecordedAndSaysItIsUnconfirmed(code: Int32) throws {
        try withTemporaryDirectory { dir in
            let batch = try Batch(in: dir)
            batch.faults.fail(.syncDirectory, with: code)
            let error = #expect(throws: StoreError.self) { try batch.store.saveAssets(batch.changes, at: pinnedNow) }

            let reason = SystemError(code)
            #expect(error == .assetsSaveFailed(
                saved: batch.changes.map(\.asset.id), of: 5, asset: nil,
                failure: WriteFailure(step: .syncDirectory, reason: reason)))
            #expect(error?.description == "5 assets were written but the disk did not confirm the change (\(reason)); "
                + "it may be lost if the computer loses power.")
            try batch.expectOnDisk(newVersions: 5)
            #expect(try batch.store.auditEntries(forAsset: nil).entries.count == 4 + 5)
        }
    }

    @Test(arguments: [AuditCall.readTail, .open, .write, .fsync], codes)
    func batchWhoseAuditLinesFailIsSavedAndSaysSo(call: AuditCall, code: Int32) throws {
        try withTemporaryDirectory { dir in
            let batch = try Batch(in: dir)
            batch.faults.failAudit(call, with: code)
            let error = #expect(throws: StoreError.self) { try batch.store.saveAssets(batch.changes, at: pinnedNow) }

            let reason = SystemError(code)
            #expect(error == .assetsAuditNotWritten(count: 5, reason: reason))
            #expect(error?.description
                == "5 assets were saved, but the audit log could not record the changes: \(reason).")
            try batch.expectOnDisk(newVersions: 5)
            #expect(Array(try bytes(at: auditFile(dir)).prefix(batch.auditBefore.count)) == batch.auditBefore)
        }
    }
}

/// Four saved assets and a batch that changes all four and adds a fifth, for breaking part way.
private struct Batch {
    let faults = FaultPlan()
    let dir: URL
    let store: ClientStore
    let changes: [AssetChange]
    /// The bytes of the four files, and of the log, before the batch.
    let filesBefore: [[UInt8]]
    let auditBefore: [UInt8]

    init(in dir: URL) throws {
        self.dir = dir
        store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
        let saved = (1...4).map { fullAsset(name: "Group \($0)") }
        try store.saveAssets(saved.map { AssetChange(asset: $0, previous: nil) }, at: pinnedNow)
        changes = saved.map { asset in
            var changed = asset
            changed.capacity = .full
            return AssetChange(asset: changed, previous: asset)
        } + [AssetChange(asset: fullAsset(name: "Group 5"), previous: nil)]
        filesBefore = try saved.map { try bytes(at: assetFile(dir, $0.id)) }
        auditBefore = try bytes(at: auditFile(dir))
    }

    /// The first `newVersions` changes are on disk in full, every other file is exactly as before
    /// (the new fifth asset absent), and no temporary file is left.
    func expectOnDisk(newVersions: Int) throws {
        for (index, change) in changes.enumerated() {
            let file = assetFile(dir, change.asset.id)
            if index < newVersions {
                #expect(try bytes(at: file) == StoreJSON.encode(change.asset))
            } else if index < filesBefore.count {
                #expect(try bytes(at: file) == filesBefore[index])
            } else {
                #expect(!FileManager.default.fileExists(atPath: file.path))
            }
        }
        #expect(try names(in: assetsFolder(dir)).allSatisfy { !$0.hasPrefix(".") })
        #expect(store.loadAssets().problems.isEmpty)
    }
}
