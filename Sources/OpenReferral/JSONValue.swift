/// A parsed JSON document. Numbers keep their literal text so that an extension written as `100`
/// reads back as "100", not "100.0".
enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// How an error message names what was found: "expected text, found a number".
    var kind: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number: "a number"
        case .string: "text"
        case .array: "a list"
        case .object: "an object"
        }
    }
}

/// A fault in the JSON syntax, with where it is.
struct JSONSyntaxError: Error, Equatable {
    var message: String
    var line: Int
    var column: Int
    var byteOffset: Int

    /// "unexpected end of data at line 40, column 3 (byte 1203)".
    var description: String { "\(message) at line \(line), column \(column) (byte \(byteOffset))" }
}
