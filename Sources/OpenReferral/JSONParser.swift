/// A strict JSON parser (RFC 8259) over UTF-8 bytes that reports where it failed.
///
/// It is iterative, with an explicit stack, so that hostile nesting cannot overflow the thread's
/// stack; nesting deeper than `maximumDepth` is refused. The input must already be valid UTF-8;
/// a leading byte order mark is passed over.
struct JSONParser {
    static let maximumDepth = 512

    private let bytes: [UInt8]
    /// Where the document starts: after the byte order mark, if any.
    private let documentStart: Int
    private var index: Int

    /// An array or object still being read.
    private struct OpenContainer {
        var isObject: Bool
        var items: [JSONValue] = []
        var fields: [String: JSONValue] = [:]
        var pendingKey = ""

        mutating func add(_ value: JSONValue) {
            if isObject { fields[pendingKey] = value } else { items.append(value) }
        }

        var value: JSONValue { isObject ? .object(fields) : .array(items) }
        var closer: UInt8 { isObject ? UInt8(ascii: "}") : UInt8(ascii: "]") }
    }

    static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        return try parser.parseDocument()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        documentStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        index = documentStart
    }

    private mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        var stack: [OpenContainer] = []
        while true {
            skipWhitespace()
            guard let byte = peek() else { throw failure("unexpected end of data") }
            var value: JSONValue
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard stack.count < Self.maximumDepth else {
                    throw failure("nested more than \(Self.maximumDepth) levels deep")
                }
                index += 1
                var container = OpenContainer(isObject: byte == UInt8(ascii: "{"))
                skipWhitespace()
                if peek() == container.closer {
                    index += 1
                    value = container.value
                } else {
                    if container.isObject { container.pendingKey = try parseKey() }
                    stack.append(container)
                    continue
                }
            case UInt8(ascii: "\""):
                value = .string(try parseString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try parseNumber())
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                value = .null
            default:
                throw failure("unexpected \(describeCharacter(at: index))")
            }
            // Hand the finished value to its container, closing every container that ends here.
            while true {
                guard !stack.isEmpty else {
                    skipWhitespace()
                    guard index == bytes.count else {
                        throw failure("unexpected \(describeCharacter(at: index)) after the end of the data")
                    }
                    return value
                }
                stack[stack.count - 1].add(value)
                skipWhitespace()
                guard let next = peek() else { throw failure("unexpected end of data") }
                let top = stack[stack.count - 1]
                if next == UInt8(ascii: ",") {
                    index += 1
                    if top.isObject { stack[stack.count - 1].pendingKey = try parseKey() }
                    break
                }
                guard next == top.closer else {
                    let closer = top.isObject ? "}" : "]"
                    throw failure("expected ',' or '\(closer)', found \(describeCharacter(at: index))")
                }
                index += 1
                value = stack.removeLast().value
            }
        }
    }

    /// A member name and its colon.
    private mutating func parseKey() throws(JSONSyntaxError) -> String {
        skipWhitespace()
        guard let byte = peek() else { throw failure("unexpected end of data") }
        guard byte == UInt8(ascii: "\"") else {
            throw failure("expected a quoted field name, found \(describeCharacter(at: index))")
        }
        let key = try parseString()
        skipWhitespace()
        guard let colon = peek() else { throw failure("unexpected end of data") }
        guard colon == UInt8(ascii: ":") else {
            throw failure("expected ':' after a field name, found \(describeCharacter(at: index))")
        }
        index += 1
        return key
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1  // the opening quote
        var decoded: [UInt8] = []
        var runStart = index
        while true {
            guard let byte = peek() else { throw failure("unexpected end of data inside text") }
            switch byte {
            case UInt8(ascii: "\""):
                decoded.append(contentsOf: bytes[runStart..<index])
                index += 1
                return String(decoding: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"):
                decoded.append(contentsOf: bytes[runStart..<index])
                try parseEscape(into: &decoded)
                runStart = index
            case 0..<0x20:
                throw failure("unescaped control character inside text")
            default:
                index += 1
            }
        }
    }

    private mutating func parseEscape(into decoded: inout [UInt8]) throws(JSONSyntaxError) {
        index += 1  // the backslash
        guard let byte = peek() else { throw failure("unexpected end of data inside text") }
        index += 1
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "\\"): UInt8(ascii: "\\"),
            UInt8(ascii: "/"): UInt8(ascii: "/"), UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C,
            UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]
        if let replacement = simple[byte] {
            decoded.append(replacement)
            return
        }
        guard byte == UInt8(ascii: "u") else {
            index -= 1
            throw failure("unknown escape: '\\' followed by \(describeCharacter(at: index))")
        }
        var scalar = try parseHexQuad()
        if (0xD800..<0xDC00).contains(scalar), bytes[index...].starts(with: Array("\\u".utf8)) {
            let resume = index
            index += 2
            let low = try parseHexQuad()
            if (0xDC00..<0xE000).contains(low) {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else {
                index = resume
            }
        }
        // A lone surrogate names no character: keep the text readable with a replacement character.
        let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        decoded.append(contentsOf: Array(String(character).utf8))
    }

    private mutating func parseHexQuad() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek() else { throw failure("unexpected end of data inside text") }
            guard let digit = Self.hexValue(byte) else {
                throw failure("expected four hex digits after '\\u', found \(describeCharacter(at: index))")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, returned as written.
    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        if peek() == UInt8(ascii: "0") {
            index += 1
        } else if try digits() == 0 {
            throw failure("malformed number: expected a digit, found \(describeCharacter(at: index))")
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard try digits() > 0 else {
                throw failure("malformed number: expected a digit after '.', found \(describeCharacter(at: index))")
            }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard try digits() > 0 else {
                throw failure("malformed number: expected a digit in the exponent, found \(describeCharacter(at: index))")
            }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func digits() throws(JSONSyntaxError) -> Int {
        let start = index
        while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
        return index - start
    }

    private mutating func expectLiteral(_ literal: String) throws(JSONSyntaxError) {
        for expected in literal.utf8 {
            guard peek() == expected else {
                throw failure("unexpected \(describeCharacter(at: index)) (expected \(literal))")
            }
            index += 1
        }
    }

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    /// "'x'", "end of data", or the character's code point when it would not print.
    private func describeCharacter(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of data" }
        let tail = bytes[offset..<min(offset + 4, bytes.count)]
        guard let scalar = String(decoding: tail, as: UTF8.self).unicodeScalars.first else { return "end of data" }
        if scalar.properties.generalCategory == .control || scalar.properties.isWhitespace {
            return "character U+\(String(scalar.value, radix: 16, uppercase: true))"
        }
        return "'\(scalar)'"
    }

    /// The error, placed by line and column (in characters) as an editor would show them.
    private func failure(_ message: String) -> JSONSyntaxError {
        var line = 1
        var column = 1
        for byte in bytes[documentStart..<max(documentStart, min(index, bytes.count))] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return JSONSyntaxError(message: message, line: line, column: column, byteOffset: index)
    }
}
