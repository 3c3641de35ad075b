import CNCurses
import Testing
import TerminalUI
@testable import CursesBackend

/// Feeds `text` as characters, then flushes (as the terminal does when input pauses).
private func decode(_ text: String, flush: Bool = true) -> [TerminalEvent] {
    var decoder = KeyDecoder()
    var events = text.unicodeScalars.flatMap { decoder.feed(.character($0.value)) }
    if flush { events += decoder.flush() }
    return events
}

private func decode(_ inputs: [RawInput]) -> [TerminalEvent] {
    var decoder = KeyDecoder()
    return inputs.flatMap { decoder.feed($0) } + decoder.flush()
}

@Suite struct KeyDecoderTests {
    @Test func printableCharactersIncludingWide() {
        #expect(decode("aZ陈é😀") == ["a", "Z", "陈", "é", "😀"].map { .key(.character(Character($0))) })
    }

    @Test func controlCharacters() {
        #expect(decode("\u{1}\u{3}\u{13}\u{1A}") == [.key(.control("a")), .key(.control("c")), .key(.control("s")), .key(.control("z"))])
        #expect(decode("\t\r\n\u{7F}\u{8}") == [.key(.tab), .key(.enter), .key(.enter), .key(.backspace), .key(.backspace)])
        #expect(decode("\u{0}\u{1C}\u{9B}").isEmpty)
    }

    @Test func cursesKeyCodes() {
        let cases: [(Int32, Key)] = [
            (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
            (KEY_HOME, .home), (KEY_FIND, .home), (KEY_END, .end), (KEY_SELECT, .end),
            (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_BTAB, .backTab),
            (KEY_BACKSPACE, .backspace), (KEY_DC, .delete), (KEY_IC, .insert), (KEY_ENTER, .enter),
            (KEY_F0 + 1, .function(1)), (KEY_F0 + 12, .function(12)),
        ]
        for (code, key) in cases {
            #expect(decode([.keyCode(code)]) == [.key(key)], "key code \(code)")
        }
        #expect(decode([.keyCode(KEY_MOUSE), .keyCode(KEY_MAX + 5)]).isEmpty)
    }

    @Test func loneEscapeWaitsThenIsEscape() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(.character(0x1B)).isEmpty)
        #expect(decoder.isWaiting)
        #expect(decoder.flush() == [.key(.escape)])
        #expect(!decoder.isWaiting)
    }

    @Test func altKeyIsEscapeThenKey() {
        #expect(decode("\u{1B}x", flush: false) == [.key(.escape), .key(.character("x"))])
        #expect(decode("\u{1B}\u{1B}") == [.key(.escape), .key(.escape)])
    }

    @Test func sequencesTerminfoMayNotKnow() {
        #expect(decode("\u{1B}[1~\u{1B}[4~\u{1B}[7~\u{1B}[8~", flush: false) == [.key(.home), .key(.end), .key(.home), .key(.end)])
        #expect(decode("\u{1B}[A\u{1B}OB\u{1B}[5~\u{1B}[6~\u{1B}[Z\u{1B}[3~", flush: false)
            == [.key(.up), .key(.down), .key(.pageUp), .key(.pageDown), .key(.backTab), .key(.delete)])
    }

    @Test func wordKeysFromSequencesTerminfoMayNotKnow() {
        // What tmux sends for C-Left, C-Right, M-Left, M-Right, M-b and M-f, and rxvt's Ctrl-arrows.
        #expect(decode("\u{1B}[1;5D\u{1B}[1;5C\u{1B}[1;3D\u{1B}[1;3C\u{1B}b\u{1B}f\u{1B}Od\u{1B}Oc", flush: false)
            == [.wordLeft, .wordRight, .wordLeft, .wordRight, .wordLeft, .wordRight, .wordLeft, .wordRight].map { .key($0) })
        // Other modified arrows are not bound; Alt-Shift-B is Esc then B.
        #expect(decode("\u{1B}[1;2D") == [.key(.escape)] + "[1;2D".map { .key(.character($0)) })
        #expect(decode("\u{1B}B") == [.key(.escape), .key(.character("B"))])
    }

    @Test func wordKeysFromExtendedKeyCodes() {
        // ncurses numbers terminfo's extended keys at run time (553 was kLFT5 under xterm-256color).
        let names: [Int32: String] = [553: "kLFT5", 568: "kRIT5", 551: "kLFT3", 566: "kRIT3", 574: "kUP5"]
        var decoder = KeyDecoder { names[$0] }
        let events = [553, 568, 551, 566, 574].flatMap { decoder.feed(.keyCode(Int32($0))) }
        #expect(events == [.wordLeft, .wordRight, .wordLeft, .wordRight].map { .key($0) })
        #expect(Key.wordLeft.label == "Ctrl-←" && Key.wordRight.label == "Ctrl-→")
    }

    @Test func unfinishedSequenceIsReplayedAsTyped() {
        #expect(decode("\u{1B}[1") == [.key(.escape), .key(.character("[")), .key(.character("1"))])
        #expect(decode("\u{1B}[9x", flush: false) == [.key(.escape), .key(.character("[")), .key(.character("9")), .key(.character("x"))])
    }

    @Test func escapeThenKeyCode() {
        #expect(decode([.character(0x1B), .keyCode(KEY_UP)]) == [.key(.escape), .key(.up)])
    }

    @Test func bracketedPaste() {
        #expect(decode("\u{1B}[200~hello q\u{1B}[201~x", flush: false) == [.paste("hello q"), .key(.character("x"))])
    }

    @Test func pasteNormalisesLineEndsAndDropsControls() {
        #expect(decode("\u{1B}[200~a\rb\r\nc\nd\te\u{7}f\u{1B}[201~", flush: false) == [.paste("a\nb\nc\nd\tef")])
    }

    @Test func pasteKeepsTextThatLooksLikeKeysOrMarkers() {
        #expect(decode("\u{1B}[200~[201 ~q:\u{1B}[20\u{1B}[201~", flush: false) == [.paste("[201 ~q:[20")])
        #expect(decode([.character(0x1B)] + "[200~ab".unicodeScalars.map { .character($0.value) }
            + [.keyCode(KEY_UP)] + "\u{1B}[201~".unicodeScalars.map { .character($0.value) }) == [.paste("ab")])
    }

    @Test func emptyAndWidePaste() {
        #expect(decode("\u{1B}[200~\u{1B}[201~", flush: false) == [.paste("")])
        #expect(decode("\u{1B}[200~Zoë 陈 😀\u{1B}[201~", flush: false) == [.paste("Zoë 陈 😀")])
    }

    @Test func unterminatedPasteIsDeliveredOnFlush() {
        var decoder = KeyDecoder()
        let events = "\u{1B}[200~abc".unicodeScalars.flatMap { decoder.feed(.character($0.value)) }
        #expect(events.isEmpty)
        #expect(decoder.isInPaste)
        #expect(decoder.flush() == [.paste("abc")])
        #expect(decoder.feed(.character(0x71)) == [.key(.character("q"))])
    }
}
