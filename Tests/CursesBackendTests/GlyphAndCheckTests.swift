import CNCurses
import Testing
@testable import CursesBackend

/// wcwidth as glibc answers under a UTF-8 locale, for the code points used here.
private func width(_ scalar: Unicode.Scalar) -> Int {
    switch scalar.value {
    case 0x301, 0x200D, 0xFE0F: 0
    case 0x4E00...0x9FFF, 0x1F600...0x1F64F, 0x1F466...0x1F469: 2
    case 0..<0x20: -1
    default: 1
    }
}

private func glyph(_ text: String, columns: Int) -> Glyph { Glyph(text, columns: columns, width: width) }
private func chars(_ text: String) -> [wchar_t] { text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0] }

@Suite struct GlyphTests {
    @Test func plainAndWide() {
        #expect(glyph("a", columns: 1) == Glyph(characters: chars("a"), padding: 0))
        #expect(glyph("陈", columns: 2) == Glyph(characters: chars("陈"), padding: 0))
    }

    @Test func combiningMarksKept() {
        #expect(glyph("e\u{301}", columns: 1) == Glyph(characters: chars("e\u{301}"), padding: 0))
        let many = "e" + String(repeating: "\u{301}", count: 7)
        #expect(glyph(many, columns: 1).characters.count == Glyph.maximumCodePoints + 1)
    }

    @Test func joinedEmojiDrawsFirstPictureOnly() {
        #expect(glyph("👩\u{200D}👩\u{200D}👧", columns: 2) == Glyph(characters: chars("👩"), padding: 0))
    }

    @Test func variationSelectorDroppedAndCellPadded() {
        #expect(glyph("❤\u{FE0F}", columns: 2) == Glyph(characters: chars("❤"), padding: 1))
    }

    @Test func unprintableKeepsColumns() {
        #expect(glyph("\u{1}", columns: 1) == Glyph(characters: chars("?"), padding: 0))
        #expect(glyph("陈", columns: 1) == Glyph(characters: chars("?"), padding: 0))
        #expect(Glyph("陈", columns: 2, width: { _ in -1 }) == Glyph(characters: chars("?"), padding: 1))
    }
}

@Suite struct TerminalCheckTests {
    let good = ["TERM": "xterm-256color"]

    @Test func fineWhenBothAreTerminals() {
        #expect(TerminalCheck.problem(environment: good, stdinIsTTY: true, stdoutIsTTY: true) == nil)
    }

    @Test func namesTheProblemAndTheWayOut() throws {
        let cases: [([String: String], Bool, Bool, String)] = [
            (good, true, false, "standard output is not a terminal"),
            (good, false, true, "standard input is not a terminal"),
            ([:], true, true, "TERM is not set"),
            (["TERM": ""], true, true, "TERM is not set"),
            (["TERM": "dumb"], true, true, "\"dumb\""),
        ]
        for (environment, stdin, stdout, expected) in cases {
            let message = try #require(TerminalCheck.problem(environment: environment, stdinIsTTY: stdin, stdoutIsTTY: stdout))
            #expect(!message.hasPrefix("caseload: "), "the command line adds the program name")
            #expect(message.contains(expected))
            #expect(message.contains("caseload --help"))
            #expect(!message.contains("\n"))
        }
    }
}
