import Testing
@testable import TerminalUI

@Suite struct BufferTests {
    @Test func writesWideCharactersAcrossTwoCells() {
        var buffer = Buffer(size: Size(width: 10, height: 1))
        let used = buffer.write("a陈b", x: 0, y: 0)
        #expect(used == 4)
        #expect(buffer[1, 0].text == "陈")
        #expect(buffer[1, 0].width == 2)
        #expect(buffer[2, 0].width == 0)
        #expect(buffer[3, 0].text == "b")
        #expect(buffer.text == "a陈b")
    }

    @Test func clipsAtMaxWidthWithEllipsis() {
        var buffer = Buffer(size: Size(width: 20, height: 1))
        buffer.write("Zoë Ærø-陈 Smith", x: 2, y: 0, maxWidth: 8)
        #expect(buffer.text == "  Zoë Ærø…")
    }

    @Test func clipsAtTheRightEdge() {
        var buffer = Buffer(size: Size(width: 5, height: 1))
        buffer.write("abcdefgh", x: 1, y: 0)
        #expect(buffer.text == " abc…")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(size: Size(width: 4, height: 1))
        buffer.write("陈陈", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)
        #expect(buffer.text == " x陈")
        #expect(buffer[0, 0].width == 1)
    }

    @Test func controlCharactersShowAsSpaces() {
        var buffer = Buffer(size: Size(width: 10, height: 1))
        buffer.write("a\nb\tc", x: 0, y: 0)
        #expect(buffer.text == "a b c")
    }

    @Test func writesOutsideTheBufferAreIgnored() {
        var buffer = Buffer(size: Size(width: 3, height: 2))
        #expect(buffer.write("abc", x: 0, y: 5) == 0)
        #expect(buffer.write("abc", x: 7, y: 0) == 0)
        #expect(buffer.text == "\n")
    }

    @Test func hintBarDropsWholeItemsButKeepsTheFirstTheLastAndHelp() {
        var buffer = Buffer(size: Size(width: 30, height: 1))
        buffer.drawHintBar([
            HintItem(key: "Enter", text: "Open"), HintItem(key: "/", text: "Search"),
            HintItem(key: "a", text: "Add"), HintItem(key: "?", text: "Help"), HintItem(key: "q", text: "Quit"),
        ], in: buffer.area)
        #expect(buffer.text == " Enter Open  ? Help  q Quit")
        #expect(buffer[1, 0].style.role == .hintKey)
    }
}

@Suite struct HelpPanelTests {
    @Test func saysHowManyLinesAreBelowWhenTheyDoNotFit() {
        var buffer = Buffer(size: Size(width: 50, height: 8))
        let lines = (1...10).map { HelpLine(keys: "k\($0)", text: "does \($0)") }
        buffer.drawHelp(title: "Help", lines: lines, footer: "any key closes", in: buffer.area)
        #expect(buffer.text.contains("k5"))
        #expect(!buffer.text.contains("k6"))
        #expect(buffer.text.contains("↓ 5 more · any key closes"))
        buffer = Buffer(size: Size(width: 50, height: 8))
        buffer.drawHelp(title: "Help", lines: lines, footer: "any key closes", in: buffer.area, scroll: 5)
        #expect(buffer.text.contains("k10"))
        #expect(!buffer.text.contains("more"))
    }
}
