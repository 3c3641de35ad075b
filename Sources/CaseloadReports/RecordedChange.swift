import Foundation

/// One audit entry for a client, as the executable hands it over from the store's audit log, so
/// that this module stays free of the store. `before` and `after` are the compact JSON the log
/// holds (`"Lonely"`, `true`, `{"id":"…"}`); nil when the field was absent (added) or removed.
public struct RecordedChange: Hashable, Sendable, Codable {
    public var at: Date
    /// `created` or `updated`.
    public var action: String
    public var changes: [Field]

    public struct Field: Hashable, Sendable, Codable {
        /// Dotted, with list items by id: `referral.reason`, `contacts[<id>].notes`.
        public var path: String
        public var before: String?
        public var after: String?

        public init(path: String, before: String?, after: String?) {
            self.path = path
            self.before = before
            self.after = after
        }
    }

    public init(at: Date, action: String, changes: [Field]) {
        self.at = at
        self.action = action
        self.changes = changes
    }
}
