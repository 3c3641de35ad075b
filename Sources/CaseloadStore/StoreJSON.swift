import Foundation

/// How the store writes and reads JSON: human-readable, diffable files.
enum StoreJSON {
    /// Sorted keys and pretty printing so that a file can be read, diffed and (in need) mended by hand.
    /// Dates are ISO 8601 to the whole second.
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return Array(try encoder.encode(value)) + [UInt8(ascii: "\n")]
    }

    /// One value per line, for the audit log: sorted keys, no line breaks (JSON escapes those inside strings).
    static func compactEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Reads what `encode` writes. Dates are parsed by hand rather than with `.iso8601` because
    /// Foundation's strategy reports a bad date without saying which field it was in.
    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = try? Date(text, strategy: .iso8601) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "expected \(dateTimeExample), found \"\(text)\"")
            }
            return date
        }
        return decoder
    }

    static let dateTimeExample = "a date and time such as 2026-09-09T14:05:00Z"
}

/// The one field every store file carries, read before the rest so that a file from a newer
/// Caseload is reported as such rather than as a puzzling type error. A `Double` so that `1.5`
/// is caught here: Foundation's decoder reports that case without a field name.
struct SchemaProbe: Decodable {
    var schemaVersion: Double?

    enum Verdict: Equatable {
        case supported
        case newer(Int)
        case invalid(String)
    }

    /// Nil when the file is not a JSON object with a number in `schemaVersion`: the full decode says why.
    static func check(_ bytes: [UInt8], decoder: JSONDecoder, current: Int) -> Verdict? {
        guard let probe = try? decoder.decode(SchemaProbe.self, from: Data(bytes)),
              let version = probe.schemaVersion else { return nil }
        guard version == version.rounded(.towardZero) else {
            return .invalid("field `schemaVersion`: expected a whole number")
        }
        if version > Double(current) { return .newer(Int(exactly: version) ?? Int.max) }
        if version < 1 {
            let shown = Int(exactly: version).map(String.init) ?? "\(version)"
            return .invalid("schema version \(shown) was never written by Caseload")
        }
        return .supported
    }
}
