import Testing
@testable import TerminalUI

@Suite struct TextInputTests {
    @Test func typingUnicodeBuildsTheText() {
        var input = TextInput()
        for character in "Zoë 陈😀" { input.handle(.character(character)) }
        #expect(input.text == "Zoë 陈😀")
        #expect(input.cursor == 6)
    }

    @Test func combiningMarkTypedAfterALetterJoinsIt() {
        var input = TextInput("Zoe")
        input.insert("\u{308}")
        #expect(input.text == "Zoë")
        #expect(input.cursor == 3)
    }

    /// A joiner at the start is a grapheme of its own; an emoji typed before it merges all three into
    /// one, so the count falls and a cursor worked out by adding went to -1 and crashed the app.
    @Test func anEmojiThatMergesWithAJoinerKeepsTheCursorInTheText() {
        var input = TextInput("\u{200D}😀")
        input.handle(.home)
        input.handle(.character("😀"))
        #expect(input.text == "😀\u{200D}😀")
        #expect((0...input.text.count).contains(input.cursor))
        input.handle(.character("a"))
        #expect(input.text.contains("a"))
    }

    @Test func cursorMovementAndDeletion() {
        var input = TextInput("Łukasz")
        input.handle(.home)
        input.handle(.delete)
        #expect(input.text == "ukasz")
        input.handle(.end)
        input.handle(.backspace)
        #expect(input.text == "ukas")
        input.handle(.left)
        input.handle(.character("X"))
        #expect(input.text == "ukaXs")
        #expect(input.cursor == 4)
    }

    @Test func controlWDeletesThePreviousWord() {
        var input = TextInput("Zoë Ærø")
        input.handle(.control("w"))
        #expect(input.text == "Zoë ")
        input.handle(.control("u"))
        #expect(input.text == "")
    }

    @Test func pastedLineBreaksBecomeSpaces() {
        var input = TextInput()
        input.insert("one\ntwo\tthree")
        #expect(input.text == "one two three")
    }

    @Test func nonEditingKeysAreLeftToTheCaller() {
        var input = TextInput("a")
        #expect(input.handle(.tab) == false)
        #expect(input.handle(.enter) == false)
    }

    @Test func visibleScrollsToKeepTheCursorInView() {
        var input = TextInput("abcdefghij")
        let end = input.visible(width: 5)
        #expect(end.text == "ghij")
        #expect(end.cursorColumn == 4)
        input.handle(.home)
        let start = input.visible(width: 5)
        #expect(start.text == "abcde")
        #expect(start.cursorColumn == 0)
    }

    @Test func visibleCountsWideCharactersAsTwoColumns() {
        let input = TextInput("陈陈陈")
        let shown = input.visible(width: 5)
        #expect(shown.text == "陈陈")
        #expect(shown.cursorColumn == 4)
    }
}
