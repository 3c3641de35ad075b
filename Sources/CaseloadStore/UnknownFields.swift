import Foundation

/// Fields of a client or asset file that this version of Caseload does not know: added by a newer
/// version with the same schema version (additive changes do not raise it). They are kept with the
/// record when it loads and put back when it is saved, so that using an older Caseload for a while
/// never loses what a newer one wrote.
///
/// A field counts as unknown when this version's encoder never writes it at that place: it is in
/// the file but not in the record decoded from the file and encoded again. A field this version
/// knows (an optional one that is set, say) is in both, so it is never kept: clearing it later
/// cannot bring the old value back. What is kept:
/// - unknown fields at the top level and, recursively, inside known objects;
/// - unknown fields inside the elements of lists of objects with distinct `"id"`s (contacts, goals,
///   follow-ups, connections), matched by id, so that they follow their element when the list is
///   reordered and go with it when it is removed.
///
/// What is dropped, as this version writes the same: a `null` this version omits (it reads the same
/// as an absent field), and a number that this version writes in another form but with exactly the
/// same value (`10000000000000000` for `1e+16`).
///
/// What is refused (`Unkeepable`: the file is not loaded, so nothing can save over it, and is
/// reported; a newer Caseload still reads it):
/// - unknown fields inside an element of a list whose elements cannot be matched by id (status
///   history, a connection's history): this version writes those lists whole and could not tell
///   where the fields belong after a change;
/// - an unknown number that `JSONValue` would write back with another value: an integer beyond
///   `Int` (`12345678901234567890`), more digits than a `Double` holds (`0.10000000000000000001`),
///   or `-0`, which would become `0`.
struct UnknownFields: Equatable, Sendable {
    /// Keys this version never writes at this level, with their values as found.
    var fields: [String: JSONValue] = [:]
    /// Known keys holding objects with unknown fields further in.
    var objects: [String: UnknownFields] = [:]
    /// Known keys holding lists of objects with ids: the unknown fields of each element, by id.
    var elements: [String: [String: UnknownFields]] = [:]

    var isEmpty: Bool { fields.isEmpty && objects.isEmpty && elements.isEmpty }

    /// Why a file's unknown fields could not all be kept (see the type's comment); `path` names the
    /// list in the file's own terms: `connections[0].history`.
    enum Unkeepable: Error, Equatable {
        case fieldsInListWithoutIDs(path: String)
        case numberChangedBySaving
    }

    /// What the JSON text `file` holds that `reencoded` (the record read from it, encoded again)
    /// lacks; nil when nothing. Throws `Unkeepable` when some of it could not be kept.
    static func difference(file: [UInt8], reencoded: [UInt8]) throws -> UnknownFields? {
        let decoder = JSONDecoder()
        return try difference(
            file: decoder.decode(JSONValue.self, from: Data(file)), numbers: try WrittenNumbers(json: file),
            reencoded: decoder.decode(JSONValue.self, from: Data(reencoded)), at: "")
    }

    /// `numbers` is `file` with its numbers as written, to check that those kept are written back the same.
    private static func difference(
        file: JSONValue, numbers: WrittenNumbers, reencoded: JSONValue, at path: String
    ) throws(Unkeepable) -> UnknownFields? {
        guard case .object(let found) = file, case .object(let written) = reencoded else { return nil }
        var unknown = UnknownFields()
        // In key order, so that the field a refusal names is the same on every run.
        for (key, value) in found.sorted(by: { $0.key < $1.key }) {
            let inner = path.isEmpty ? key : path + "." + key
            switch (value, written[key]) {
            case (.null, nil):
                break
            case (_, nil):
                guard numbers[key].keepsNumbers(of: value) else { throw .numberChangedBySaving }
                unknown.fields[key] = value
            case (.object, .object(let known)?):
                unknown.objects[key] = try difference(
                    file: value, numbers: numbers[key], reencoded: .object(known), at: inner)
            case (.array(let items), .array(let known)?):
                let byID = try elementDifferences(file: items, numbers: numbers[key], reencoded: known, at: inner)
                if !byID.isEmpty { unknown.elements[key] = byID }
            default:
                break
            }
        }
        return unknown.isEmpty ? nil : unknown
    }

    /// The unknown fields of each file element whose id is also in the re-encoded list. When the
    /// elements have no ids to match them by, they are compared place by place (the record was just
    /// decoded from the file, so its list is in the file's order), only to refuse any unknown field.
    private static func elementDifferences(
        file: [JSONValue], numbers: WrittenNumbers, reencoded: [JSONValue], at path: String
    ) throws(Unkeepable) -> [String: UnknownFields] {
        guard byID(file) != nil, let written = byID(reencoded) else {
            for (index, (element, known)) in zip(file, reencoded).enumerated() {
                let inner = path + "[\(index)]"
                let unkept: Bool = switch (element, known) {
                case (.object, .object):
                    try difference(file: element, numbers: numbers[index], reencoded: known, at: inner) != nil
                case (.array(let items), .array(let knownItems)):
                    try !elementDifferences(
                        file: items, numbers: numbers[index], reencoded: knownItems, at: inner).isEmpty
                default:
                    false
                }
                if unkept { throw .fieldsInListWithoutIDs(path: path) }
            }
            return [:]
        }
        var differences: [String: UnknownFields] = [:]
        for (index, element) in file.enumerated() {
            guard let id = id(of: element), let known = written[id] else { continue }
            differences[id] = try difference(
                file: element, numbers: numbers[index], reencoded: known, at: path + "[\(index)]")
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
    /// that only other files pay for comparing trees. Throws `Unkeepable` when some unknown field
    /// could not be kept, and a decoding error when the file holds a value that `JSONValue` cannot
    /// hold at all (a number beyond `Double`), which the record's decoder skipped.
    static func of<Record: Encodable>(_ record: Record, in bytes: [UInt8]) throws -> UnknownFields? {
        let reencoded = try StoreJSON.encode(record)
        guard reencoded != bytes else { return nil }
        return try difference(file: bytes, reencoded: reencoded)
    }

    /// `encoded` (the bytes `StoreJSON.encode` made of a record) with these fields put back, in the
    /// same form: pretty-printed, keys sorted, ending in a newline.
    func merged(into encoded: [UInt8]) throws -> (bytes: [UInt8], kept: UnknownFields?) {
        let tree = try JSONDecoder().decode(JSONValue.self, from: Data(encoded))
        let (value, kept) = merged(into: tree)
        return (try StoreJSON.encode(value), kept)
    }
}

/// A JSON text's numbers exactly as written, at their places: `JSONValue` holds numbers as `Int` or
/// `Double`, which cannot tell whether one would be written back with the same value. Strings,
/// booleans and null are `other`, as `JSONValue` keeps those exactly.
indirect enum WrittenNumbers: Equatable {
    case number(String)
    case array([WrittenNumbers])
    case object([String: WrittenNumbers])
    case other

    /// Reads `bytes`, which `JSONDecoder` has already read as JSON: anything else is only refused.
    init(json bytes: [UInt8]) throws {
        var reader = Reader(bytes: bytes)
        self = try reader.value()
    }

    /// The value at `key` of an object; `other` when there is none, so that a number there cannot match.
    subscript(key: String) -> WrittenNumbers {
        guard case .object(let fields) = self else { return .other }
        return fields[key] ?? .other
    }

    /// The element at `index` of a list; `other` when there is none.
    subscript(index: Int) -> WrittenNumbers {
        guard case .array(let items) = self, items.indices.contains(index) else { return .other }
        return items[index]
    }

    /// Whether `value`, read from this text, is written back with every number's value unchanged.
    /// Any difference in shape counts as a change: that is the safe answer.
    func keepsNumbers(of value: JSONValue) -> Bool {
        switch (value, self) {
        case (.integer, .number(let text)), (.number, .number(let text)):
            guard let written = ExactNumber(value.compactText), let found = ExactNumber(text) else { return false }
            return written == found
        case (.array(let items), .array(let texts)):
            return items.count == texts.count && zip(texts, items).allSatisfy { $0.keepsNumbers(of: $1) }
        case (.object(let fields), .object(let texts)):
            return fields.allSatisfy { key, field in texts[key].map { $0.keepsNumbers(of: field) } ?? false }
        case (.null, .other), (.bool, .other), (.string, .other):
            return true
        default:
            return false
        }
    }

    /// A number's exact value: `1e+16` and `10000000000000000` are equal, `0.1` and
    /// `0.10000000000000000001` are not. The sign of zero counts, as `-0` and `0` are different `Double`s.
    private struct ExactNumber: Equatable {
        let negative: Bool
        /// Without leading or trailing zeros; empty for zero.
        let digits: [UInt8]
        let exponent: Int

        init?(_ text: String) {
            var mantissa = Substring(text)
            negative = mantissa.first == "-"
            if negative { mantissa = mantissa.dropFirst() }
            var exponent = 0
            if let mark = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
                // An exponent beyond `Int` is not compared: the number is refused as changed.
                guard let written = Int(mantissa[mantissa.index(after: mark)...]) else { return nil }
                exponent = written
                mantissa = mantissa[..<mark]
            }
            let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
            let fraction = parts.count > 1 ? parts[1] : ""
            var digits = Array((parts[0] + fraction).utf8).drop { $0 == UInt8(ascii: "0") }
            exponent -= fraction.count
            while digits.last == UInt8(ascii: "0") {
                digits.removeLast()
                exponent += 1
            }
            self.digits = Array(digits)
            self.exponent = digits.isEmpty ? 0 : exponent
        }
    }

    /// A minimal reader of valid JSON, keeping numbers as text and decoding only object keys.
    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        struct Malformed: Error {}

        mutating func value() throws -> WrittenNumbers {
            skipSpace()
            guard index < bytes.count else { throw Malformed() }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var fields: [String: WrittenNumbers] = [:]
                guard try !closes("}") else { return .object(fields) }
                repeat {
                    skipSpace()
                    let key = try string()
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw Malformed() }
                    index += 1
                    fields[key] = try value()
                } while try continues(closing: "}")
                return .object(fields)
            case UInt8(ascii: "["):
                index += 1
                var items: [WrittenNumbers] = []
                guard try !closes("]") else { return .array(items) }
                repeat {
                    items.append(try value())
                } while try continues(closing: "]")
                return .array(items)
            case UInt8(ascii: "\""):
                _ = try stringToken()
                return .other
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                while index < bytes.count, Self.numberBytes.contains(bytes[index]) { index += 1 }
                return .number(String(decoding: bytes[start..<index], as: UTF8.self))
            default:
                // true, false or null.
                while index < bytes.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[index]) { index += 1 }
                return .other
            }
        }

        private static let numberBytes = Set("+-.eE0123456789".utf8)

        /// Whether the object or list just opened is empty, passing its closing bracket if so.
        private mutating func closes(_ bracket: Unicode.Scalar) throws -> Bool {
            skipSpace()
            guard index < bytes.count else { throw Malformed() }
            guard bytes[index] == UInt8(ascii: bracket) else { return false }
            index += 1
            return true
        }

        /// Passes the comma before another member, true, or the closing bracket, false.
        private mutating func continues(closing bracket: Unicode.Scalar) throws -> Bool {
            skipSpace()
            guard index < bytes.count else { throw Malformed() }
            index += 1
            switch bytes[index - 1] {
            case UInt8(ascii: ","): return true
            case UInt8(ascii: bracket): return false
            default: throw Malformed()
            }
        }

        /// A string's text; escapes are left to `JSONDecoder`, which reads them as the file's decoding did.
        private mutating func string() throws -> String {
            let token = try stringToken()
            guard token.contains(UInt8(ascii: "\\")) else {
                return String(decoding: token.dropFirst().dropLast(), as: UTF8.self)
            }
            return try JSONDecoder().decode(String.self, from: Data(token))
        }

        /// The string starting here, quotes included.
        private mutating func stringToken() throws -> ArraySlice<UInt8> {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw Malformed() }
            let start = index
            index += 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard index < bytes.count else { throw Malformed() }
            index += 1
            return bytes[start..<index]
        }

        private mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }
    }
}
