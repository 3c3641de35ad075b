import Foundation

/// Fields of a client or asset file that this version of Caseload does not know: added by a newer
/// version with the same schema version (additive changes do not raise it). They are kept with the
/// record when it loads and put back when it is saved, so that using an older Caseload for a while
/// never loses what a newer one wrote.
///
/// A field counts as unknown when this version's encoder never writes it at that place: it is in
/// the file but not in the record decoded from the file and encoded again. A field this version
/// knows (an optional one that is set, say) is in both, so it is never kept: clearing it later
/// cannot bring the old value back. Inside nested objects the same holds, and inside lists of
/// objects with an `"id"` (contacts, goals, follow-ups, connections) element by element, matched by
/// id. Lists without ids are this version's to write whole, and so is a `null` this version omits
/// (it reads the same as an absent field).
struct UnknownFields: Equatable, Sendable {
    /// Keys this version never writes at this level, with their values as found.
    var fields: [String: JSONValue] = [:]
    /// Known keys holding objects with unknown fields further in.
    var objects: [String: UnknownFields] = [:]
    /// Known keys holding lists of objects with ids: the unknown fields of each element, by id.
    var elements: [String: [String: UnknownFields]] = [:]

    var isEmpty: Bool { fields.isEmpty && objects.isEmpty && elements.isEmpty }

    /// What `file` holds that `reencoded` (the record read from it, encoded again) lacks; nil when nothing.
    static func difference(file: JSONValue, reencoded: JSONValue) -> UnknownFields? {
        guard case .object(let found) = file, case .object(let written) = reencoded else { return nil }
        var unknown = UnknownFields()
        for (key, value) in found {
            switch (value, written[key]) {
            case (.null, nil):
                break
            case (_, nil):
                unknown.fields[key] = value
            case (.object, .object(let known)?):
                unknown.objects[key] = difference(file: value, reencoded: .object(known))
            case (.array(let items), .array(let known)?):
                let byID = elementDifferences(file: items, reencoded: known)
                if !byID.isEmpty { unknown.elements[key] = byID }
            default:
                break
            }
        }
        return unknown.isEmpty ? nil : unknown
    }

    /// The unknown fields of each file element whose id is also in the re-encoded list.
    private static func elementDifferences(file: [JSONValue], reencoded: [JSONValue]) -> [String: UnknownFields] {
        guard let found = byID(file), let written = byID(reencoded) else { return [:] }
        var differences: [String: UnknownFields] = [:]
        for (id, element) in found {
            if let known = written[id], let difference = difference(file: element, reencoded: known) {
                differences[id] = difference
            }
        }
        return differences
    }

    /// `encoded` (a record as this version writes it) with the unknown fields put back wherever the
    /// record still has a place for them, and those fields: an object or element this version has
    /// since removed takes its unknown fields with it. A key the encoding holds is never replaced.
    func merged(into encoded: JSONValue) -> (value: JSONValue, kept: UnknownFields?) {
        guard case .object(var object) = encoded else { return (encoded, nil) }
        var kept = UnknownFields()
        for (key, value) in fields where object[key] == nil {
            object[key] = value
            kept.fields[key] = value
        }
        for (key, nested) in objects {
            guard let inner = object[key] else { continue }
            let (value, keptInside) = nested.merged(into: inner)
            object[key] = value
            kept.objects[key] = keptInside
        }
        for (key, unknownByID) in elements {
            guard case .array(var items)? = object[key] else { continue }
            var keptByID: [String: UnknownFields] = [:]
            for index in items.indices {
                guard let id = Self.id(of: items[index]), let unknown = unknownByID[id] else { continue }
                let (value, keptInside) = unknown.merged(into: items[index])
                items[index] = value
                keptByID[id] = keptInside
            }
            object[key] = .array(items)
            if !keptByID.isEmpty { kept.elements[key] = keptByID }
        }
        return (.object(object), kept.isEmpty ? nil : kept)
    }

    /// The elements by id, when every element is an object with a distinct text id; else nil.
    private static func byID(_ items: [JSONValue]) -> [String: JSONValue]? {
        var result: [String: JSONValue] = [:]
        for item in items {
            guard let id = id(of: item), result.updateValue(item, forKey: id) == nil else { return nil }
        }
        return result
    }

    /// An element's `"id"`. UUIDs are compared as UUIDs: a hand-written file may give them in lower
    /// case, which this version writes in upper case.
    private static func id(of item: JSONValue) -> String? {
        guard case .object(let fields) = item, case .string(let id)? = fields["id"] else { return nil }
        return UUID(uuidString: id)?.uuidString ?? id
    }
}

extension UnknownFields {
    /// The unknown fields of the file `bytes` from which `record` was decoded; nil when none. Files
    /// this version wrote are their record's encoding byte for byte, which is checked first, so
    /// that only other files pay for comparing trees. Throws when the file holds a value that
    /// `JSONValue` cannot hold (a number beyond `Double`), which the record's decoder skipped.
    static func of<Record: Encodable>(_ record: Record, in bytes: [UInt8]) throws -> UnknownFields? {
        let reencoded = try StoreJSON.encode(record)
        guard reencoded != bytes else { return nil }
        let file = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        return difference(file: file, reencoded: try JSONDecoder().decode(JSONValue.self, from: Data(reencoded)))
    }

    /// `encoded` (the bytes `StoreJSON.encode` made of a record) with these fields put back, in the
    /// same form: pretty-printed, keys sorted, ending in a newline.
    func merged(into encoded: [UInt8]) throws -> (bytes: [UInt8], kept: UnknownFields?) {
        let tree = try JSONDecoder().decode(JSONValue.self, from: Data(encoded))
        let (value, kept) = merged(into: tree)
        return (try StoreJSON.encode(value), kept)
    }
}
