import Testing
@testable import OpenReferral

@Suite struct CSVParserTests {
    func rows(_ text: String) throws -> [[String]] {
        let table = try CSVTable.parse(text)
        return table.rows.map { row in table.header.map { row[$0] } }
    }

    @Test func readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws {
        let text = "id,name,note\n1,\"Smith, Jo\",\"She said \"\"hi\"\"\"\n2,\"Two\nlines\",plain\n"
        #expect(try rows(text) == [["1", "Smith, Jo", "She said \"hi\""], ["2", "Two\nlines", "plain"]])
    }

    @Test func acceptsCRLFAndAByteOrderMark() throws {
        let table = try CSVTable.parse("\u{FEFF}ID, Name \r\n1,Walk\r\n2,Swim\r\n")
        #expect(table.header == ["id", "name"])
        #expect(table.rows.map { $0["name"] } == ["Walk", "Swim"])
        #expect(table.rows.map(\.line) == [2, 3])
    }

    @Test func keepsLineEndsInsideQuotesAsWritten() throws {
        #expect(try rows("a\n\"x\r\ny\"\n") == [["x\r\ny"]])
    }

    @Test func skipsBlankLinesAndAMissingFinalLineEnd() throws {
        #expect(try rows("a,b\n\n1,2\n\n\n3,4") == [["1", "2"], ["3", "4"]])
        #expect(try CSVTable.parse("a,b\n\n1,2\n\n3,4").rows.map(\.line) == [3, 5])
    }

    @Test func countsLinesInsideQuotedFieldsForLaterRows() throws {
        let table = try CSVTable.parse("a,b\n\"one\ntwo\nthree\",x\n4,y\n")
        #expect(table.rows.map(\.line) == [2, 5])
    }

    @Test func emptyFieldsAndEmptyQuotedFields() throws {
        #expect(try rows("a,b,c\n,\"\",\n") == [["", "", ""]])
    }

    @Test func aQuoteInsideAnUnquotedFieldIsKept() throws {
        #expect(try rows("a,b\n5\" screen,x\n") == [["5\" screen", "x"]])
    }

    @Test func unknownColumnsReadAsEmpty() throws {
        let table = try CSVTable.parse("a\n1\n")
        #expect(table.rows[0]["missing"] == "")
    }

    @Test func anEmptyTextIsAnEmptyTable() throws {
        let table = try CSVTable.parse("")
        #expect(table.header.isEmpty && table.rows.isEmpty)
    }

    @Test(arguments: [
        ("a,b\n1,\"open\n2,3\n", CSVSyntaxError(line: 2, problem: "a quoted field is never closed")),
        ("a,b\n1,\"x\"y\n", CSVSyntaxError(line: 2, problem: "unexpected text after a closing quote")),
        ("a,b\n1,2,3\n", CSVSyntaxError(line: 2, problem: "has 3 columns but the header has 2")),
        ("a,b\n1,2\n3\n", CSVSyntaxError(line: 3, problem: "has 1 column but the header has 2")),
        ("a,b\n\"x\ny\",1\n2\n", CSVSyntaxError(line: 4, problem: "has 1 column but the header has 2")),
    ])
    func malformedTables(text: String, expected: CSVSyntaxError) {
        #expect(throws: expected) { try CSVTable.parse(text) }
    }
}
