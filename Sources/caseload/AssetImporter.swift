import CaseloadKit
import CaseloadStore
import Foundation
import OpenReferral

/// Imports Open Referral feeds into the store's directory, for the command line and the screens alike.
enum AssetImporter {
    /// Reads each path in turn (a file that cannot be read is reported and contributes nothing),
    /// merges it into the directory as it stands after the files before it, then saves every change
    /// in one durable batch.
    static func run(paths: [String], existing: [Asset], store: ClientStore, now: Date) -> AssetImportReport {
        // An asset whose file cannot be read would come back from the feed as a second copy.
        let unreadable = store.loadAssets().problems
        guard unreadable.isEmpty else {
            let files = unreadable.map(\.fileName).joined(separator: ", ")
            return AssetImportReport(saved: existing, saveFailure:
                "nothing was imported: \(unreadable.count) asset file\(unreadable.count == 1 ? "" : "s") cannot be read (\(files)); "
                + "fix or move \(unreadable.count == 1 ? "it" : "them") first, so that the import does not add the same services twice")
        }
        var directory = Dictionary(existing.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var originals: [UUID: Asset?] = [:]
        var outcomes: [AssetImportReport.FileOutcome] = []
        for path in paths {
            let expanded = (path as NSString).expandingTildeInPath
            let services: [FeedService]
            do {
                services = try OpenReferralFeed.read(path: expanded)
            } catch {
                let reason = error.place.isEmpty ? error.problem : "\(error.place): \(error.problem)"
                outcomes.append(.unreadable(file: error.file, reason: reason))
                continue
            }
            // "." or "feeds/../council" name the folder they stand for.
            let feed = URL(fileURLWithPath: expanded).standardizedFileURL.lastPathComponent
            let plan = AssetImport.plan(services, feed: feed, existing: Array(directory.values), now: now)
            for asset in plan.added + plan.updated.map(\.after) {
                if originals[asset.id] == nil { originals[asset.id] = .some(directory[asset.id]) }
                directory[asset.id] = asset
            }
            outcomes.append(.imported(plan))
        }
        let changes = originals.keys.sorted { $0.uuidString < $1.uuidString }
            .map { AssetChange(asset: directory[$0]!, previous: originals[$0]!) }
        do {
            try store.saveAssets(changes, at: now)
            return AssetImportReport(files: outcomes, saved: changes.map(\.asset))
        } catch {
            // What reached the disk is what counts from now on: read it back rather than guess.
            if case .assetsAuditNotWritten = error {
                return AssetImportReport(files: outcomes, saved: changes.map(\.asset), saveFailure: error.description)
            }
            return AssetImportReport(files: outcomes, saved: store.loadAssets().assets, saveFailure: error.description)
        }
    }
}
