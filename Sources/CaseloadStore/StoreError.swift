import Foundation

/// What went wrong opening the caseload or saving to it. Every description is a sentence a link
/// worker can act on (or read out to support): it names the thing and gives the system's reason.
/// A save's `reference` names what was being saved: a client's reference (`C-0042`), `asset "…"`,
/// or a count such as `12 assets` for `saveAssets`.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// None of `--data-dir`, `CASELOAD_DIR`, `XDG_DATA_HOME` or `HOME` says where the data lives.
    case noDataDirectory
    case cannotCreateDirectory(path: String, reason: SystemError)
    /// `manifest.json` exists but cannot be used; it is left exactly as it is.
    case unusableManifest(path: String, reason: String)
    case cannotWriteManifest(path: String, failure: WriteFailure)
    /// A save was refused because the store is read-only.
    case readOnly(reference: String, reason: ReadOnlyReason)
    /// A save was refused because the store has been closed (the lock is no longer held).
    case closed(reference: String)
    case cannotEncode(reference: String, reason: String)
    /// A save failed. Before the rename the previous file is untouched; at `.syncDirectory` the new
    /// version is in place but the disk did not confirm it.
    case saveFailed(reference: String, failure: WriteFailure)
    /// The client's file was saved, but the line recording the change could not be added to the audit log.
    case auditNotWritten(reference: String, reason: SystemError)
    /// Saving several assets at once failed. `saved` are the ids of the first ones, now complete on
    /// disk in their new version; every other asset is untouched. `asset` names the one being
    /// written, nil when all were written but the disk did not confirm them (`.syncDirectory`).
    case assetsSaveFailed(saved: [UUID], of: Int, asset: String?, failure: WriteFailure)
    /// Every asset of a `saveAssets` was saved, but the audit log lines could not be written.
    case assetsAuditNotWritten(count: Int, reason: SystemError)
    case cannotReadAudit(path: String, reason: SystemError)
    /// Unsaved text could not be kept in `recovery/`. At `.syncDirectory` it is there but unconfirmed.
    case cannotWriteRecovery(name: String, failure: WriteFailure)
    /// `path` is the recovery folder or one file in it.
    case cannotReadRecovery(path: String, reason: SystemError)
    case cannotRemoveRecovery(name: String, reason: String)
    /// `settings.json` cannot be used; it is left as it is until new settings are saved over it.
    case unreadableSettings(path: String, reason: String)
    /// An export could not be written. At `.syncDirectory` it is there but unconfirmed.
    case cannotWriteExport(path: String, failure: WriteFailure)
    /// Unreadable files could not be moved aside, for `reason` ("the caseload is read-only: …").
    case cannotQuarantine(reason: String)

    public var description: String {
        switch self {
        case .noDataDirectory:
            "Cannot tell where to keep the caseload: HOME is not set. Use --data-dir or set CASELOAD_DIR."
        case .cannotCreateDirectory(let path, let reason):
            "Could not create the data folder \(path): \(reason)."
        case .unusableManifest(let path, let reason):
            "Cannot open the caseload: \(path): \(reason). The file has been left as it is."
        case .cannotWriteManifest(let path, let failure):
            "Could not create \(path): \(failure.reason)."
        case .readOnly(let reference, let reason):
            "Could not save \(reference): the caseload is \(reason)."
        case .closed(let reference):
            "Could not save \(reference): the caseload has been closed."
        case .cannotEncode(let reference, let reason):
            "Could not save \(reference): \(reason)."
        case .saveFailed(let reference, let failure) where failure.replacedTarget:
            "\(reference) was written but the disk did not confirm it (\(failure.reason)); "
                + "it may be lost if the computer loses power."
        case .saveFailed(let reference, let failure):
            "Could not save \(reference): \(failure.reason)."
        case .auditNotWritten(let reference, let reason):
            "\(reference) was saved, but the audit log entry for this change could not be written: \(reason)."
        case .assetsSaveFailed(let saved, _, nil, let failure):
            "\(Self.assetsWere(saved.count)) written but the disk did not confirm the change (\(failure.reason)); "
                + "it may be lost if the computer loses power."
        case .assetsSaveFailed(let saved, let total, let asset?, let failure) where saved.isEmpty:
            "Could not save \(Self.assets(total)): \(asset): \(failure.reason). Nothing was changed."
        case .assetsSaveFailed(let saved, let total, let asset?, let failure):
            "Saved \(saved.count) of \(Self.assets(total)), then could not save \(asset): \(failure.reason). "
                + "The other \(total - saved.count) are as they were."
        case .assetsAuditNotWritten(let count, let reason):
            "\(Self.assetsWere(count)) saved, but the audit log could not record the changes: \(reason)."
        case .cannotReadAudit(let path, let reason):
            "Could not read the audit log \(path): \(reason)."
        case .cannotWriteRecovery(let name, let failure) where failure.replacedTarget:
            "The unsaved text \"\(name)\" was kept but the disk did not confirm it (\(failure.reason))."
        case .cannotWriteRecovery(let name, let failure):
            "Could not keep the unsaved text \"\(name)\": \(failure.reason)."
        case .cannotReadRecovery(let path, let reason):
            "Could not read the unsaved text kept in \(path): \(reason)."
        case .cannotRemoveRecovery(let name, let reason):
            "Could not remove the unsaved text \"\(name)\": \(reason)."
        case .unreadableSettings(let path, let reason):
            "Could not read your settings in \(path): \(reason). The file has been left as it is."
        case .cannotWriteExport(let path, let failure) where failure.replacedTarget:
            "Wrote \(path), but the disk did not confirm it (\(failure.reason)); it may be lost if the computer loses power."
        case .cannotWriteExport(let path, let failure):
            "Could not write \(path): \(failure.reason)."
        case .cannotQuarantine(let reason):
            "Could not move the unreadable files aside: \(reason). They are where they were."
        }
    }

    /// `1 asset`, `12 assets`: how save errors name a batch.
    static func assets(_ count: Int) -> String { count == 1 ? "1 asset" : "\(count) assets" }

    private static func assetsWere(_ count: Int) -> String { assets(count) + (count == 1 ? " was" : " were") }
}
