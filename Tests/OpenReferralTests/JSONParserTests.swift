import Testing
@testable import OpenReferral

@Suite struct JSONParserTests {
    func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    @Test func parsesEveryKindOfValue() throws {
        let value = try parse(#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "d"}, "e": []} "#)
        #expect(value == .object([
            "a": .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]),
            "b": .object(["c": .string("d")]),
            "e": .array([]),
        ]))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        #expect(try parse(#""a\"b\\c\/d\n\t\u00a3\ud83d\ude00""#) == .string("a\"b\\c/d\n\t£😀"))
        // A lone surrogate names no character: it is replaced, not fatal.
        #expect(try parse(#""x\ud800y""#) == .string("x\u{FFFD}y"))
    }

    @Test func theLastOfARepeatedKeyWins() throws {
        #expect(try parse(#"{"a":1,"a":2}"#) == .object(["a": .number("2")]))
    }

    @Test func refusesNestingDeeperThanTheLimit() throws {
        let limit = JSONParser.maximumDepth
        _ = try parse(String(repeating: "[", count: limit) + String(repeating: "]", count: limit))
        let tooDeep = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        #expect(throws: JSONSyntaxError(message: "nested more than 512 levels deep", line: 1, column: 513, byteOffset: 512)) {
            try parse(tooDeep)
        }
    }

    @Test func survivesAMillionOpeningBrackets() {
        #expect(throws: JSONSyntaxError.self) { try parse(String(repeating: "[", count: 1_000_000)) }
    }

    @Test(arguments: [
        ("", "unexpected end of data", 0),
        ("[1,]", "unexpected ']'", 3),
        (#"{"a":1,}"#, "expected a quoted field name, found '}'", 7),
        (#"{"a" 1}"#, "expected ':' after a field name, found '1'", 5),
        ("[1 2]", "expected ',' or ']', found '2'", 3),
        (#"{"a":1]"#, "expected ',' or '}', found ']'", 6),
        ("01", "unexpected '1' after the end of the data", 1),
        ("-", "malformed number: expected a digit, found end of data", 1),
        ("1.", "malformed number: expected a digit after '.', found end of data", 2),
        ("1e+", "malformed number: expected a digit in the exponent, found end of data", 3),
        ("tru", "unexpected end of data (expected true)", 3),
        ("nul!", "unexpected '!' (expected null)", 3),
        ("\"a\tb\"", "unescaped control character inside text", 2),
        (#""\x""#, "unknown escape: '\\' followed by 'x'", 2),
        (#""\u12G4""#, "expected four hex digits after '\\u', found 'G'", 5),
        ("\"open", "unexpected end of data inside text", 5),
        ("\u{7F}", "unexpected character U+7F", 0),
        ("[] []", "unexpected '[' after the end of the data", 3),
    ])
    func reportsWhatAndWhere(text: String, message: String, offset: Int) {
        do {
            _ = try parse(text)
            Issue.record("parsed \(text)")
        } catch {
            #expect(error.message == message)
            #expect(error.byteOffset == offset)
        }
    }

    @Test func countsLinesAndColumnsInCharacters() {
        do {
            _ = try parse("{\n  \"é\": x}")
            Issue.record("parsed")
        } catch {
            #expect((error.line, error.column) == (2, 8))
            #expect(error.description == "unexpected 'x' at line 2, column 8 (byte 10)")
        }
    }

    @Test func aByteOrderMarkIsPassedOverButCountedInByteOffsets() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.number("1")]))
        #expect(throws: JSONSyntaxError(message: "unexpected 'x'", line: 1, column: 1, byteOffset: 3)) {
            try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("x".utf8))
        }
    }
}
