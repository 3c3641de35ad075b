import Testing
@testable import TerminalUI

@Suite struct TextWidthTests {
    @Test(arguments: [
        ("a", 1), ("é", 1), ("e\u{301}", 1), ("Ø", 1), ("Ł", 1),
        ("陈", 2), ("한", 2), ("ｱ", 1), ("Ａ", 2), ("😀", 2), ("❤\u{FE0F}", 2), ("👍🏽", 2), ("\u{200D}", 0),
    ])
    func widthOfOneCharacter(text: String, expected: Int) {
        #expect(TextWidth.of(Character(text)) == expected)
    }

    @Test func widthOfMixedText() {
        #expect(TextWidth.of("Zoë Ærø-陈") == 10)
        #expect(TextWidth.of("Łukasz 😀") == 9)
    }

    @Test func truncationEndsInEllipsisAndNeverSplitsAWideCharacter() {
        #expect(TextWidth.truncate("Zoë Ærø", to: 10) == "Zoë Ærø")
        #expect(TextWidth.truncate("Zoë Ærø", to: 5) == "Zoë …")
        // 陈伟 is four columns: at three, the second character cannot fit with the ellipsis.
        #expect(TextWidth.truncate("陈伟明", to: 4) == "陈…")
        #expect(TextWidth.truncate("陈伟明", to: 3) == "陈…")
        #expect(TextWidth.truncate("陈伟明", to: 2) == "…")
        #expect(TextWidth.truncate("abc", to: 0) == "")
    }

    @Test func fitPadsToExactWidth() {
        #expect(TextWidth.fit("陈", to: 4) == "陈  ")
        #expect(TextWidth.fit("12", to: 4, alignRight: true) == "  12")
        #expect(TextWidth.of(TextWidth.fit("Zoë Ærø-陈伟 and more", to: 9)) == 9)
    }

    @Test func wrapBreaksAtWordsAndKeepsLineBreaks() {
        #expect(TextWidth.wrap("one two three", width: 7) == ["one two", "three"])
        #expect(TextWidth.wrap("a\nb c", width: 10) == ["a", "b c"])
        #expect(TextWidth.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWidth.wrap("陈伟明陈伟", width: 4) == ["陈伟", "明陈", "伟"])
    }
}
