import Foundation

/// What importing one or more feeds did, file by file, in words both the command line and the
/// screens print.
public struct AssetImportReport: Hashable, Sendable {
    public enum FileOutcome: Hashable, Sendable {
        /// Read and merged; `saved` is false when writing its changes failed (see `saveFailure`).
        case imported(ImportPlan)
        /// Could not be read: nothing was imported from it.
        case unreadable(file: String, reason: String)
    }

    public var files: [FileOutcome]
    /// The assets as written, to replace the ones in memory.
    public var saved: [Asset]
    /// Why the changes could not all be written, when they could not.
    public var saveFailure: String?

    public init(files: [FileOutcome] = [], saved: [Asset] = [], saveFailure: String? = nil) {
        self.files = files
        self.saved = saved
        self.saveFailure = saveFailure
    }

    public var hasProblems: Bool {
        saveFailure != nil || files.contains { if case .unreadable = $0 { true } else { false } }
    }

    /// One line per file, then one per skipped service, then any save failure.
    public var lines: [String] {
        var lines: [String] = []
        for file in files {
            switch file {
            case .imported(let plan):
                lines.append("\(plan.feed): \(plan.summary)")
                for skip in plan.skipped {
                    let what = skip.name.isEmpty ? (skip.serviceID.isEmpty ? "a service" : "service \(skip.serviceID)") : "“\(skip.name)”"
                    lines.append("  skipped \(what): \(skip.reason)")
                }
            case .unreadable(let file, let reason):
                lines.append("\(file): not imported: \(reason)")
            }
        }
        if let saveFailure { lines.append("Not all changes were saved: \(saveFailure)") }
        return lines
    }

    /// "3 added, 1 updated" across every file, for a one-line message.
    public var totals: String {
        let plans = files.compactMap { if case .imported(let plan) = $0 { plan } else { nil } }
        let failed = files.count - plans.count
        let total = ImportPlan(feed: "", added: plans.flatMap(\.added), updated: plans.flatMap(\.updated),
                               unchanged: plans.map(\.unchanged).reduce(0, +), skipped: plans.flatMap(\.skipped))
        return total.summary + (failed > 0 ? ", \(failed) file\(failed == 1 ? "" : "s") not imported" : "")
    }
}
