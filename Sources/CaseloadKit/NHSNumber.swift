/// A 10-digit NHS number whose Modulus 11 check digit is valid. Stored as the bare digits,
/// shown 3-3-4 (`943 476 5919`).
public struct NHSNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    public let digits: String

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case notDigits
        case wrongLength(Int)
        /// The weighted sum leaves a check value of 10: no valid number has these first nine digits.
        case noValidCheckDigit
        case checkDigitMismatch

        public var description: String {
            switch self {
            case .notDigits: "NHS number must contain only digits and spaces"
            case .wrongLength(let count): "NHS number must have 10 digits (found \(count))"
            case .noValidCheckDigit: "NHS number is not valid (its first nine digits cannot have a check digit)"
            case .checkDigitMismatch: "NHS number check digit does not match"
            }
        }
    }

    /// Accepts digits with or without spaces or hyphens.
    public init(_ text: String) throws(Problem) {
        // Bytes, not characters: every client file and cached row holds one. Anything but ASCII
        // digits, spaces and hyphens (a combining mark on a digit, say) is not digits.
        let compactBytes = text.utf8.filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "-") }
        guard compactBytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { throw .notDigits }
        guard compactBytes.count == 10 else { throw .wrongLength(compactBytes.count) }
        let compact = String(decoding: compactBytes, as: UTF8.self)
        let values = compactBytes.map { Int($0 - UInt8(ascii: "0")) }
        guard let check = NHSNumber.checkDigit(forFirstNine: Array(values.prefix(9))) else { throw .noValidCheckDigit }
        guard check == values[9] else { throw .checkDigitMismatch }
        self.digits = compact
    }

    /// Modulus 11: weights 10...2 over the first nine digits; 11 becomes 0; 10 means no valid number.
    public static func checkDigit(forFirstNine digits: [Int]) -> Int? {
        precondition(digits.count == 9)
        let sum = zip(digits, stride(from: 10, through: 2, by: -1)).reduce(0) { $0 + $1.0 * $1.1 }
        let check = 11 - sum % 11
        switch check {
        case 11: return 0
        case 10: return nil
        default: return check
        }
    }

    /// `943 476 5919`
    public var formatted: String {
        let chars = Array(digits)
        return String(chars[0..<3]) + " " + String(chars[3..<6]) + " " + String(chars[6..<10])
    }

    public var description: String { formatted }

    /// Numbers starting 999 are reserved for testing and never issued to patients.
    public var isTestNumber: Bool { digits.hasPrefix("999") }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(error) (\"\(text)\")")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }
}
