import CaseloadKit
import Foundation

/// One asset in a `saveAssets` batch: the version to write and the one it replaces (nil for a new
/// asset), which the audit log compares.
public struct AssetChange: Equatable, Sendable {
    public var asset: Asset
    public var previous: Asset?

    public init(asset: Asset, previous: Asset?) {
        self.asset = asset
        self.previous = previous
    }
}

/// The community-asset directory: `assets/<uuid lowercased>.json`, one asset per file, read, written
/// and audited exactly as clients are. Assets live in the same store because they share its lock,
/// folder and audit log.
extension ClientStore {
    /// Reads every asset file. Files that cannot be used are reported in `problems`, never changed.
    public func loadAssets() -> AssetLoad {
        let load = loadRecords(Asset.self)
        return AssetLoad(assets: load.records, problems: load.problems)
    }

    /// Writes `asset` to its own file durably and records what changed since `previous` (nil for a
    /// new asset) in the audit log, with the guarantees and errors of saving a client.
    public func save(_ asset: Asset, previous: Asset?, at now: Date) throws(StoreError) {
        try saveRecord(asset, previous: previous, at: now)
    }

    /// Saves many assets at once, as an import does, with one folder fsync and one audit append for
    /// the lot instead of one each. Each file ends up holding its old version or its new one in full,
    /// never a mixture. On failure throws `.assetsSaveFailed`, whose `saved` lists the assets written
    /// (the first ones, in order) before it stopped; every other one is untouched. The audit log
    /// records exactly the assets written. When only the audit lines fail, throws
    /// `.assetsAuditNotWritten`: every asset is saved. The same asset twice is refused before writing.
    public func saveAssets(_ changes: [AssetChange], at now: Date) throws(StoreError) {
        if let refusal = writeRefusal() { throw refusal.error(StoreError.assets(changes.count)) }
        var files: [(name: String, bytes: [UInt8])] = []
        var auditLines: [[UInt8]] = []
        var unknownFields: [UnknownFields?] = []
        var seen: Set<UUID> = []
        for change in changes {
            let asset = change.asset
            guard seen.insert(asset.id).inserted else {
                throw .cannotEncode(reference: asset.saveLabel, reason: "it is given twice in one batch")
            }
            let encoded = try encode(asset, previous: change.previous, at: now)
            files.append((AssetFileReader.fileName(for: asset.id), encoded.file))
            auditLines.append(encoded.auditLine)
            unknownFields.append(encoded.unknownFields)
        }
        guard !changes.isEmpty else { return }

        do {
            try operations.writeDurably(files, in: folder(of: Asset.self))
        } catch {
            // As for one save: whatever reached its file is recorded, even though the batch failed.
            for index in 0..<error.replaced { keepUnknownFields(unknownFields[index], of: changes[index].asset) }
            if error.replaced > 0 { try? appendToAudit(Array(auditLines.prefix(error.replaced).joined())) }
            throw .assetsSaveFailed(
                saved: changes.prefix(error.replaced).map(\.asset.id), of: changes.count,
                asset: error.failedFile.map { changes[$0].asset.saveLabel }, failure: error.failure)
        }
        for (change, unknown) in zip(changes, unknownFields) { keepUnknownFields(unknown, of: change.asset) }
        do {
            try appendToAudit(Array(auditLines.joined()))
        } catch {
            throw .assetsAuditNotWritten(count: changes.count, reason: error)
        }
    }

    /// Every audit entry for the asset with `id` (for all assets when nil), oldest first. Client
    /// entries are left out; `unreadableLines` counts damage anywhere in the log.
    public func auditEntries(forAsset id: UUID?) throws(StoreError) -> AuditHistory<AssetAuditEntry> {
        try AuditLog.assetEntries(in: directory.path, for: id, operations: operations)
    }
}
