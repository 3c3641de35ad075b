import CaseloadReports
import Testing

@Suite struct DocumentTextTests {
    @Test func wrapsAtWordsWithinTheWidth() {
        let lines = DocumentText.wrap("one two three four five", width: 9)
        #expect(lines == ["one two", "three", "four five"])
    }

    @Test func keepsLineBreaksAndIndents() {
        let lines = DocumentText.wrap("first line\nsecond", width: 20, indent: "  ")
        #expect(lines == ["  first line", "  second"])
    }

    @Test func hangingIndentFollowsTheFirstLine() {
        let lines = DocumentText.wrap("- alpha beta gamma", width: 12, hangingIndent: "  ")
        #expect(lines == ["- alpha beta", "  gamma"])
    }

    @Test func splitsAWordLongerThanTheLine() {
        #expect(DocumentText.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }

    @Test func countsColumnsNotBytes() {
        #expect(DocumentText.wrap("Zoë Łukasz 陈", width: 10) == ["Zoë Łukasz", "陈"])
        // Wide characters take two columns each, as in a terminal.
        #expect(DocumentText.wrap("陈氏太极 Tai", width: 8) == ["陈氏太极", "Tai"])
        #expect(DocumentText.wrap("陈氏太极拳", width: 4) == ["陈氏", "太极", "拳"])
    }

    @Test func blankTextGivesNoLines() {
        #expect(DocumentText.wrap("  \n ", width: 10).isEmpty)
    }

    @Test func escapesMarkdownFormatting() {
        #expect(DocumentText.markdown("a*b_c [x]") == "a\\*b\\_c \\[x\\]")
    }
}
