import Foundation

/// Short human references such as `C-0042`: what a link worker writes on a sticky note or says on
/// the phone instead of a name.
public enum ClientReference {
    public static let prefix = "C-"
    /// Digits are zero-padded to at least this many; larger numbers simply grow (`C-10000`).
    public static let minimumDigits = 4

    /// `C-0042` for 42.
    public static func make(_ number: Int) -> String {
        let digits = String(number)
        return prefix + String(repeating: "0", count: max(0, minimumDigits - digits.count)) + digits
    }

    /// The number in a reference: 42 for `C-0042`, `c-42` or `C42`. Nil for anything else.
    public static func number(in reference: String) -> Int? {
        if let number = plainNumber(in: reference) { return number }
        var rest = Substring(reference.trimmingCharacters(in: .whitespaces))
        guard let first = rest.first, first == "C" || first == "c" else { return nil }
        rest = rest.dropFirst()
        if rest.first == "-" { rest = rest.dropFirst() }
        return digitsValue(rest)
    }

    /// One more than the highest number in `existing`, so a number is never handed out twice.
    /// Pass every reference ever issued in the caseload, discharged and archived clients included:
    /// the numbers of removed records must stay retired. Malformed references are ignored.
    public static func next(existing: [String]) -> String {
        make((existing.compactMap(number(in:)).max() ?? 0) + 1)
    }

    /// `number(in:)` for the usual `C-0042`, byte by byte: sorting a large caseload asks for
    /// every client's number. Nil when the reference is anything else, which takes the full route.
    private static func plainNumber(in reference: String) -> Int? {
        var bytes = Array(reference.utf8)[...]
        guard let first = bytes.popFirst(), first == UInt8(ascii: "C") || first == UInt8(ascii: "c") else { return nil }
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard !bytes.isEmpty, bytes.count <= 15 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// The value of a run of ASCII digits; nil when empty, not all digits, or absurdly long
    /// (more than 15 digits cannot be a reference and would risk overflow on `+ 1`).
    static func digitsValue(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 15, text.allSatisfy({ $0.isASCII && $0.isWholeNumber }) else { return nil }
        return Int(text)
    }
}
