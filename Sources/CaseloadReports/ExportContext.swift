import CaseloadKit
import Foundation

/// What every export is written with: who wrote it, when, and in which time zone contact times are
/// shown. Passed in, never read from the system, so that exports are the same on every run of a test.
public struct ExportContext: Sendable {
    public var worker: WorkerSettings
    public var generatedAt: Date
    public var timeZone: TimeZone

    public init(worker: WorkerSettings, generatedAt: Date, timeZone: TimeZone) {
        self.worker = worker
        self.generatedAt = generatedAt
        self.timeZone = timeZone
    }

    /// `21 November 2026, 10:00` in the context's time zone, for "generated" lines.
    public var generatedText: String { RecordWording.dateTime(generatedAt, in: timeZone) }

    /// "Sam Patel, Social prescribing link worker, Northgate PCN"; empty when none of those is set.
    var preparedBy: String {
        [worker.name, worker.role, worker.organisation].compactMap(RecordWording.nonBlank).joined(separator: ", ")
    }
}

/// The file formats exports are written in. Raw values are the command-line spellings and file extensions.
public enum DocumentFormat: String, CaseIterable, Sendable {
    case markdown = "md"
    /// Plain text wrapped at 80 columns, for pasting into a GP record.
    case text = "txt"
    case json = "json"
    /// Reports only: one row per figure.
    case csv = "csv"

    public var label: String {
        switch self {
        case .markdown: "Markdown"
        case .text: "Plain text"
        case .json: "JSON"
        case .csv: "CSV"
        }
    }
}
