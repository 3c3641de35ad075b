import Foundation

/// The time, real or pinned by `CASELOAD_NOW` so demos and tests see the same day every run.
struct Clock {
    private let pinned: Date?

    init(environment: [String: String]) throws {
        guard let text = environment["CASELOAD_NOW"], !text.isEmpty else {
            pinned = nil
            return
        }
        guard let date = Clock.parse(text) else {
            throw CommandFailure("CASELOAD_NOW must be a date and time like 2026-11-21T10:00:00Z, found \"\(text)\"")
        }
        pinned = date
    }

    /// Whole seconds: the store writes times to the second, so a fraction would make a saved
    /// client differ from the same client read back.
    func now() -> Date { pinned ?? Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)) }

    static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: text)
    }
}
