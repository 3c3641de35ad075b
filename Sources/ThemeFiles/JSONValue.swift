import Foundation

/// A parsed JSON value. JSONSerialization returns booleans and numbers alike as NSNumber; this
/// keeps them apart so `true` is never taken for colour 1.
enum JSONValue: Sendable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses a file's bytes, or explains in plain words, with a line and column, why they are not JSON.
    static func parse(_ data: Data) throws(ProblemMessage) -> JSONValue {
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let bytes = data.starts(with: byteOrderMark) ? Array(data.dropFirst(3)) : Array(data)
        if let offset = firstInvalidUTF8(bytes) {
            throw ProblemMessage(text: "not UTF-8 text at \(position(ofByte: offset, in: bytes)); save the file as UTF-8")
        }
        if bytes.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            throw ProblemMessage(text: "the file is empty; a theme is a JSON object such as { \"styles\": { } }")
        }
        do {
            return convert(try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]))
        } catch {
            throw ProblemMessage(text: "not valid JSON: " + explanation(of: error as NSError, in: bytes))
        }
    }

    private static func convert(_ value: Any) -> JSONValue {
        switch value {
        case let string as String:
            return .string(string)
        case let number as NSNumber:
            // JSONSerialization makes booleans a distinct NSNumber subclass; `as? Bool` would also accept 0 and 1.
            return type(of: number) == type(of: NSNumber(value: true)) ? .bool(number.boolValue) : .number(number.doubleValue)
        case let array as [Any]:
            return .array(array.map(convert))
        case let object as [String: Any]:
            return .object(object.mapValues(convert))
        default:
            return .null
        }
    }

    /// Foundation says "around character N" (a byte offset); people's editors show lines and columns.
    private static func explanation(of error: NSError, in bytes: [UInt8]) -> String {
        var text = (error.userInfo[NSDebugDescriptionErrorKey] as? String) ?? error.localizedDescription
        if let match = text.firstMatch(of: /around character (\d+)/), let offset = Int(match.1) {
            text.replaceSubrange(match.range, with: "around " + position(ofByte: offset, in: bytes))
        }
        if text.hasSuffix(".") { text.removeLast() }
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// "line L, column C", counting from 1 and counting characters, not bytes, along the line.
    private static func position(ofByte offset: Int, in bytes: [UInt8]) -> String {
        let before = bytes.prefix(max(0, min(offset, bytes.count)))
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = before.count(where: { $0 == 0x0A }) + 1
        let column = String(decoding: before[lineStart...], as: UTF8.self).count + 1
        return "line \(line), column \(column)"
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
