import Foundation

/// Turns a decoding failure into a reason a person can act on: which field, what was expected,
/// or where the JSON stops making sense.
enum DecodingProblem {
    static func reason(for error: any Error, in bytes: [UInt8]) -> String {
        guard let error = error as? DecodingError else { return "could not be read: \(error)" }
        switch error {
        case .typeMismatch(let type, let context):
            if context.codingPath.isEmpty { return "expected a JSON object { ... } at the top level" }
            return field(context.codingPath) + ": expected " + expectation(type, at: context.codingPath)
        case .valueNotFound(let type, let context):
            return field(context.codingPath) + ": expected " + expectation(type, at: context.codingPath)
                + ", found null"
        case .keyNotFound(let key, let context):
            return field(context.codingPath + [key]) + " is missing"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return syntaxProblem(in: bytes) }
            return field(context.codingPath) + ": " + context.debugDescription
        @unknown default:
            return "could not be read: \(error)"
        }
    }

    /// `field `statusHistory[2].date``
    static func field(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue, key.stringValue.hasPrefix("Index") || key.stringValue == "\(index)" {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return "field `\(text)`"
    }

    /// Dates and NHS numbers are stored as strings, so a type error in them says "expected String";
    /// the field name tells us what the string should have held.
    private static let stringFieldHints: [String: String] = [
        "date": "a date as YYYY-MM-DD",
        "dateOfBirth": "a date as YYYY-MM-DD",
        "firstContactDate": "a date as YYYY-MM-DD",
        "retiredOn": "a date as YYYY-MM-DD",
        "createdAt": StoreJSON.dateTimeExample,
        "updatedAt": StoreJSON.dateTimeExample,
        "importedAt": StoreJSON.dateTimeExample,
        "nhsNumber": "a 10-digit NHS number in quotes",
    ]

    private static func expectation(_ type: Any.Type, at path: [any CodingKey]) -> String {
        if type == String.self, let last = path.last?.stringValue, let hint = stringFieldHints[last] { return hint }
        switch type {
        case is String.Type: return "text in quotes"
        case is Bool.Type: return "true or false"
        case is Int.Type: return "a whole number"
        case is Double.Type, is Float.Type: return "a number"
        default: break
        }
        let name = "\(type)"
        if name.hasPrefix("Array") { return "a list [ ... ]" }
        if name.hasPrefix("Dictionary") { return "an object { ... }" }
        return name
    }

    /// Checked before decoding: Foundation's decoder notices bad UTF-8 only in the values it reads,
    /// so a field it skips could otherwise carry the damage on, and a field it reads would be
    /// called "not valid JSON" without saying where. Nil when the text is valid UTF-8.
    static func encodingProblem(in bytes: [UInt8]) -> String? {
        guard let offset = JSONShape.firstInvalidUTF8(in: bytes) else { return nil }
        let (line, column) = lineAndColumn(ofByte: offset, in: bytes)
        return "not UTF-8 text (the problem is near line \(line), column \(column)); "
            + "it may be damaged or saved in another encoding"
    }

    /// Foundation's decoder does not say where bad JSON goes wrong; its serialisation parser does
    /// ("around character 38"), so ask it and turn the offset into a line and column. Nesting and
    /// an early end are measured here, as the parser's words for them point nowhere useful.
    static func syntaxProblem(in bytes: [UInt8]) -> String {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return "the file is empty" }
        let shape = JSONShape.scan(bytes, nestingLimit: JSONShape.parserNestingLimit)
        if shape.tooDeep {
            return "nested too deeply (more than \(JSONShape.parserNestingLimit) levels of [ ] or { }); "
                + "not a file Caseload wrote"
        }
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
            if let offset = characterOffset(in: detail) {
                let (line, column) = lineAndColumn(ofByte: offset, in: bytes)
                return "not valid JSON (the problem is near line \(line), column \(column))"
            }
            if shape.unfinished {
                let (line, _) = lineAndColumn(ofByte: bytes.count, in: bytes)
                return "not valid JSON: it stops part way through (at line \(line)), as a file cut short would"
            }
            return "not valid JSON"
        }
        // The JSON parses, so a value is of a kind the decoder cannot use and did not name.
        return "a value has the wrong form (for example a fraction where a whole number belongs)"
    }

    private static func characterOffset(in detail: String) -> Int? {
        guard let range = detail.range(of: "character ") else { return nil }
        return Int(detail[range.upperBound...].prefix(while: \.isNumber))
    }

    /// One-based line and column (in characters) of a byte offset.
    static func lineAndColumn(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let end = min(max(offset, 0), bytes.count)
        let before = bytes[..<end]
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
        return (line, column)
    }
}
