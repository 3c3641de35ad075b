import Foundation

/// One field that differs between two versions of a client or asset, as the audit log keeps it.
/// A nil `before` means the field was absent (new); a nil `after` means it was removed.
/// In JSON an absent side is left out, which is not the same as `null`.
struct AuditChange: Codable, Equatable, Sendable {
    var path: String
    var before: JSONValue?
    var after: JSONValue?

    init(path: String, before: JSONValue?, after: JSONValue?) {
        self.path = path
        self.before = before
        self.after = after
    }

    private enum CodingKeys: String, CodingKey { case path, before, after }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decode(String.self, forKey: .path)
        // `decodeIfPresent` would read `null` as absent.
        before = container.contains(.before) ? try container.decode(JSONValue.self, forKey: .before) : nil
        after = container.contains(.after) ? try container.decode(JSONValue.self, forKey: .after) : nil
    }
}

/// Compares two versions of a client or asset as the JSON the store writes, so that every field the
/// model gains later is audited without changes here. The rules are documented on `AuditEntry`.
enum AuditDiff {
    /// Changes at every save, so it says nothing about what changed.
    static let ignoredTopLevelKeys = ["updatedAt"]

    /// A new record (no `previous`) lists each top-level field with only an `after`.
    static func changes(from previous: JSONValue?, to current: JSONValue) -> [AuditChange] {
        var changes: [AuditChange] = []
        diff(withoutIgnoredKeys(previous ?? .object([:])), withoutIgnoredKeys(current), path: "", into: &changes)
        return changes
    }

    private static func withoutIgnoredKeys(_ value: JSONValue) -> JSONValue {
        guard case .object(var fields) = value else { return value }
        for key in ignoredTopLevelKeys { fields[key] = nil }
        return .object(fields)
    }

    private static func diff(_ before: JSONValue?, _ after: JSONValue?, path: String, into changes: inout [AuditChange]) {
        if before == after { return }
        switch (before, after) {
        case (.object(let old)?, .object(let new)?):
            for key in Set(old.keys).union(new.keys).sorted() {
                diff(old[key], new[key], path: path.isEmpty ? key : path + "." + key, into: &changes)
            }
        case (.array(let old)?, .array(let new)?):
            if let oldIDs = ids(of: old), let newIDs = ids(of: new) {
                diffByID(old: zip(oldIDs, old), new: zip(newIDs, new), path: path, into: &changes)
            } else {
                changes.append(AuditChange(path: path, before: before, after: after))
            }
        default:
            changes.append(AuditChange(path: path, before: before, after: after))
        }
    }

    /// The `"id"` of each element, when every element is an object with a distinct text id (contacts,
    /// goals, follow-ups): such lists are compared item by item, so that one new note in one contact
    /// is recorded as that note and not as the whole list twice.
    private static func ids(of array: [JSONValue]) -> [String]? {
        var ids: [String] = []
        for element in array {
            guard case .object(let fields) = element, case .string(let id)? = fields["id"] else { return nil }
            ids.append(id)
        }
        return Set(ids).count == ids.count ? ids : nil
    }

    private static func diffByID(
        old: Zip2Sequence<[String], [JSONValue]>, new: Zip2Sequence<[String], [JSONValue]>,
        path: String, into changes: inout [AuditChange]
    ) {
        let oldByID = Dictionary(uniqueKeysWithValues: old.map { ($0, $1) })
        let newByID = Dictionary(uniqueKeysWithValues: new.map { ($0, $1) })
        // Changed and added items in their new order, then removed ones.
        for (id, element) in new {
            diff(oldByID[id], element, path: "\(path)[\(id)]", into: &changes)
        }
        for (id, element) in old where newByID[id] == nil {
            changes.append(AuditChange(path: "\(path)[\(id)]", before: element, after: nil))
        }
        // Reordering changes no item, so it gets an entry of its own: the kept ids, before and after.
        let oldOrder = old.map(\.0).filter { newByID[$0] != nil }
        let newOrder = new.map(\.0).filter { oldByID[$0] != nil }
        if oldOrder != newOrder {
            changes.append(AuditChange(
                path: path + "[]", before: .array(oldOrder.map(JSONValue.string)),
                after: .array(newOrder.map(JSONValue.string))))
        }
    }
}
