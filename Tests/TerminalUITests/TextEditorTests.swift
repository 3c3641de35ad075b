import Foundation
import Testing
@testable import TerminalUI

private func editor(_ text: String, cursor: Int) -> TextEditor {
    var editor = TextEditor(text)
    for _ in cursor..<text.count { editor.handle(.left, width: 80, pageHeight: 10) }
    return editor
}

private func press(_ keys: Key..., on editor: inout TextEditor, width: Int = 80, pageHeight: Int = 10) {
    for key in keys { editor.handle(key, width: width, pageHeight: pageHeight) }
}

@Suite struct TextEditorWrapTests {
    @Test func wrapsAtWordsKeepingTheSpaceOnTheRow() {
        let lines = TextEditor("one two three").lines(width: 8)
        #expect(lines.map(\.text) == ["one two ", "three"])
        #expect(lines.map(\.range) == [0..<8, 8..<13])
        #expect(lines.map(\.width) == [8, 5])
    }

    @Test func breaksLongWordsBetweenGraphemesAndWideCharactersWhole() {
        #expect(TextEditor("abcdefghij").lines(width: 5).map(\.text) == ["abcd", "efgh", "ij"])
        #expect(TextEditor("陈伟明陈伟").lines(width: 5).map(\.text) == ["陈伟", "明陈", "伟"])
        #expect(TextEditor("a陈伟").lines(width: 3).map(\.text) == ["a", "陈", "伟"])
    }

    @Test func paragraphsAndEmptyLinesAreRowsOfTheirOwn() {
        let lines = TextEditor("a\n\nb\n").lines(width: 10)
        #expect(lines.map(\.text) == ["a", "", "b", ""])
        #expect(lines.map(\.range) == [0..<1, 2..<2, 3..<4, 5..<5])
    }

    @Test func longSpaceRunsContinueOnTheNextRow() {
        #expect(TextEditor("ab     cd").lines(width: 5).map(\.text) == ["ab   ", "  cd"])
    }

    @Test func aFullLastRowGetsAnEmptyRowForTheCursor() {
        let full = TextEditor("abcd ")
        #expect(full.lines(width: 5).map(\.text) == ["abcd ", ""])
        #expect(full.cursorPosition(width: 5) == (1, 0))
        #expect(TextEditor("abcd").cursorPosition(width: 5) == (0, 4))
    }

    @Test func cursorPositionCountsColumnsOfWideAndCombinedCharacters() {
        #expect(editor("Zoe\u{301} 陈伟 ok", cursor: 6).cursorPosition(width: 80) == (0, 8))
        #expect(editor("one two three", cursor: 10).cursorPosition(width: 8) == (1, 2))
        // At a soft wrap the cursor is at the start of the next row, not past the end of this one.
        #expect(editor("one two three", cursor: 8).cursorPosition(width: 8) == (1, 0))
    }
}

@Suite struct TextEditorKeyTests {
    @Test func typingEnterAndUnicode() {
        var text = TextEditor()
        for character in "Zoë 陈" { text.handle(.character(character), width: 20, pageHeight: 5) }
        press(.enter, .character("😀"), on: &text)
        #expect(text.text == "Zoë 陈\n😀")
        #expect(text.cursor == 7)
    }

    @Test func combiningMarkJoinsAndBackspaceRemovesTheWholeGrapheme() {
        var text = TextEditor("cafe")
        press(.character("\u{301}"), on: &text)
        #expect(text.text == "café" && text.cursor == 4)
        press(.backspace, on: &text)
        #expect(text.text == "caf" && text.cursor == 3)
    }

    @Test func backspaceAtALineStartJoinsTheLines() {
        var text = editor("ab\ncd", cursor: 3)
        press(.backspace, on: &text)
        #expect(text.text == "abcd" && text.cursor == 2)
        press(.enter, .left, .delete, on: &text)
        #expect(text.text == "abcd" && text.cursor == 2)
    }

    @Test func leftAndRightCrossLines() {
        var text = editor("ab\ncd", cursor: 2)
        press(.right, on: &text)
        #expect(text.cursor == 3)
        press(.left, .left, on: &text)
        #expect(text.cursor == 1)
    }

    @Test func upAndDownKeepTheColumnAcrossShortAndWideRows() {
        // Offsets: "abcdef" 0-5, 陈 7, 伟 8, 明 9, x 11, y 12, second "abcdef" from 14.
        var text = editor("abcdef\n陈伟明\nxy\nabcdef", cursor: 3)
        var visited: [Int] = []
        for key in [Key.down, .down, .down, .up, .up, .up] {
            press(key, on: &text)
            visited.append(text.cursor)
        }
        // Column 3 falls inside 伟 (columns 2-3): the cursor stops before it, never inside.
        #expect(visited == [8, 13, 17, 13, 8, 3])
        #expect(text.cursorPosition(width: 80) == (0, 3))
    }

    @Test func upAndDownMoveByWrappedRow() {
        var text = editor("one two three four", cursor: 1)
        press(.down, on: &text, width: 8)
        #expect(text.cursor == 9)
        press(.down, on: &text, width: 8)
        #expect(text.cursor == 15)
        press(.up, .up, on: &text, width: 8)
        #expect(text.cursor == 1)
    }

    @Test func upOnTheFirstRowGoesToTheStartAndDownOnTheLastToTheEnd() {
        var text = editor("abc\ndef", cursor: 2)
        press(.up, on: &text)
        #expect(text.cursor == 0)
        press(.down, .down, on: &text)
        #expect(text.cursor == 7)
    }

    @Test func homeAndEndWorkOnTheWrappedRow() {
        var text = editor("one two three", cursor: 10)
        press(.home, on: &text, width: 8)
        #expect(text.cursor == 8)
        press(.end, on: &text, width: 8)
        #expect(text.cursor == 13)
        press(.up, .end, on: &text, width: 8)
        // The end of a wrapped row is before its last space: after it is the next row's start.
        #expect(text.cursor == 7)
        press(.control("a"), on: &text, width: 8)
        #expect(text.cursor == 0)
    }

    @Test func pageKeysMoveAndScrollByThePage() {
        var text = TextEditor((1...30).map { "line \($0)" }.joined(separator: "\n"))
        press(.pageUp, .pageUp, .pageUp, .pageUp, on: &text)
        #expect(text.cursor == 0 && text.scrollTop == 0)
        press(.right, .right, .pageDown, on: &text)
        #expect(text.cursorPosition(width: 80) == (10, 2))
        #expect(text.scrollTop == 10)
        press(.pageDown, .pageDown, on: &text)
        #expect(text.cursorPosition(width: 80) == (29, 2))
        #expect(text.scrollTop == 20)
        press(.pageUp, on: &text)
        #expect(text.cursorPosition(width: 80) == (19, 2))
        #expect(text.scrollTop == 10)
    }

    @Test func wordMovesStopAtWordEndsAndStarts() {
        // Offsets: Z0 o1 ë2 '3 s4 _5 c6 a7 f8 é9 ,10 _11 陈12 伟13 _14 o15 k16.
        var text = editor("Zoë's café, 陈伟 ok", cursor: 0)
        var ends: [Int] = []
        for _ in 0..<6 {
            press(.wordRight, on: &text)
            ends.append(text.cursor)
        }
        #expect(ends == [3, 5, 10, 14, 17, 17])
        var starts: [Int] = []
        for _ in 0..<6 {
            press(.wordLeft, on: &text)
            starts.append(text.cursor)
        }
        #expect(starts == [15, 12, 6, 4, 0, 0])
        text = editor("ab\n\ncd", cursor: 2)
        press(.wordRight, on: &text)
        #expect(text.cursor == 6)
    }

    @Test func lineAndWordDeletion() {
        var text = TextEditor("one two\nthree four")
        press(.control("w"), on: &text)
        #expect(text.text == "one two\nthree ")
        press(.control("u"), on: &text)
        #expect(text.text == "one two\n")
        press(.control("u"), on: &text)
        #expect(text.text == "one two")
        press(.wordLeft, .control("k"), on: &text)
        #expect(text.text == "one ")
        text = editor("ab\ncd", cursor: 2)
        press(.control("k"), on: &text)
        #expect(text.text == "abcd" && text.cursor == 2)
        // Ctrl-W at a line start takes just the line break, never lines above.
        text = editor("one\ntwo", cursor: 4)
        press(.control("w"), on: &text)
        #expect(text.text == "onetwo" && text.cursor == 3)
    }

    @Test func nonEditingKeysAreLeftToTheCaller() {
        var text = TextEditor("a")
        for key in [Key.tab, .backTab, .escape, .control("s"), .control("e"), .function(2), .insert] {
            let handled = text.handle(key, width: 10, pageHeight: 3)
            #expect(!handled, "\(key)")
        }
        #expect(text.text == "a")
    }
}

@Suite struct TextEditorTextTests {
    /// As for one-line input: an emoji typed before a joiner that starts a line merges with it and
    /// the emoji after, lowering the grapheme count; the cursor must stay in the text.
    @Test func anEmojiThatMergesWithAJoinerKeepsTheCursorInTheText() {
        var editor = TextEditor("\u{200D}😀")
        _ = editor.handle(.home, width: 20, pageHeight: 5)
        _ = editor.handle(.character("😀"), width: 20, pageHeight: 5)
        #expect(editor.text == "😀\u{200D}😀")
        #expect((0...editor.text.count).contains(editor.cursor))
        _ = editor.handle(.character("a"), width: 20, pageHeight: 5)
        #expect(editor.text.contains("a"))
    }

    @Test func pastedTextIsNormalised() {
        var text = TextEditor("[]")
        press(.left, on: &text)
        text.insert("a\r\nb\rc\td\u{7}e\u{1B}[A\u{2028}f")
        #expect(text.text == "[a\nb\nc    de[A\nf]")
        #expect(text.cursor == 16)
    }

    @Test func givenTextIsNormalisedToo() {
        #expect(TextEditor("a\r\nb\u{0}").text == "a\nb")
        let text = TextEditor("x\r\ny")
        #expect(text.text == "x\ny" && text.cursor == 3)
    }

    @Test func codableRoundTripAndCheckedDecoding() throws {
        let original = editor("Zoë\n陈伟 😀", cursor: 3)
        let decoded = try JSONDecoder().decode(TextEditor.self, from: JSONEncoder().encode(original))
        #expect(decoded.text == original.text && decoded.cursor == 3)
        let damaged = Data(#"{"text":"ab\r\nc","cursor":99,"scrollTop":-4}"#.utf8)
        let repaired = try JSONDecoder().decode(TextEditor.self, from: damaged)
        #expect(repaired.text == "ab\nc" && repaired.cursor == 4 && repaired.scrollTop == 0)
    }

    @Test func renderDrawsTheRowsAroundTheCursorAndPlacesIt() {
        var buffer = Buffer(size: Size(width: 12, height: 4))
        let text = TextEditor("one two three four")
        let cursor = text.render(into: &buffer, area: Rect(x: 1, y: 1, width: 10, height: 2), style: Style(.inputField))
        #expect(buffer.text == "\n three\n four\n")
        #expect(cursor?.x == 5 && cursor?.y == 2)
        #expect(buffer[10, 1].style == Style(.inputField))
        #expect(text.render(into: &buffer, area: Rect(x: 0, y: 0, width: 0, height: 2), style: .normal) == nil)
    }

    @Test func renderKeepsTheScrollWhileTheCursorIsInView() {
        var text = TextEditor((1...10).map(String.init).joined(separator: "\n"))
        // Down on the last row scrolls it into view at the bottom; moving up inside the view does not scroll.
        press(.down, .up, .up, on: &text, pageHeight: 3)
        #expect(text.scrollTop == 7)
        press(.up, .up, on: &text, pageHeight: 3)
        #expect(text.scrollTop == 5)
        var buffer = Buffer(size: Size(width: 4, height: 3))
        let cursor = text.render(into: &buffer, area: buffer.area, style: .normal)
        #expect(buffer.text == "6\n7\n8")
        #expect(cursor?.y == 0)
    }
}
