import Foundation

/// Any JSON value, so that two versions of a record can be compared field by field whatever the
/// model looks like, and a value can be written to the audit log exactly as it was in the file.
/// (`JSONSerialization`'s `Any` cannot be compared with `==`.)
enum JSONValue: Codable, Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Bool before numbers, and Int before Double, so that each value keeps its own kind.
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The value as the store writes it, read back as JSON.
    static func of<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(StoreJSON.encode(value)))
    }

    /// One line, keys sorted: `{"a":1,"b":[true,null]}`.
    var compactText: String {
        // Encoding a value that was decoded from JSON cannot fail: it holds no NaN or infinity.
        guard let data = try? StoreJSON.compactEncoder().encode(self) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}
