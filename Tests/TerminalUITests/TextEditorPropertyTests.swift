import Testing
@testable import TerminalUI

/// SplitMix64: a tiny seeded generator, so a failing sequence can be replayed from its seed.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Pieces that break naive editors: combining marks (also alone, after a line break), CJK,
/// fullwidth and halfwidth forms, emoji with skin tones, ZWJ families, flags, tabs and CRLF.
private let pieces = [
    "a", "b", "Z", " ", "  ", "\n", "é", "e\u{301}", "\u{301}", "\u{308}", "陈", "伟", "明", "한", "ｱ", "Ａ",
    "😀", "👍🏽", "👩\u{200D}👩\u{200D}👧", "\u{200D}", "🇬🇧", "🇬", "❤\u{FE0F}", ",", ".", "\t", "\r\n", "\u{7}",
]

private let keys: [Key] = [
    .enter, .backspace, .delete, .left, .right, .up, .down, .home, .end, .pageUp, .pageDown,
    .wordLeft, .wordRight, .control("a"), .control("d"), .control("k"), .control("u"), .control("w"),
]

private func randomText(_ random: inout SeededGenerator, pieces count: Int) -> String {
    (0..<count).map { _ in pieces.randomElement(using: &random)! }.joined()
}

/// What must hold after every step, whatever happened before.
private func checkInvariants(_ editor: TextEditor, width: Int, height: Int, context: String) {
    let text = editor.text
    #expect((0...text.count).contains(editor.cursor), "cursor \(editor.cursor) of \(text.count) \(context)")
    #expect(!text.contains { $0 != "\n" && $0.unicodeScalars.contains { $0.properties.generalCategory == .control } },
            "control character in \(text.debugDescription) \(context)")
    #expect(TextEditor(text).text == text, "text not normalised \(context)")

    let position = editor.cursorPosition(width: width)
    #expect(position.column >= 0 && position.column < width, "column \(position.column) at width \(width) \(context)")

    // The rows rebuild the text exactly: rows of a paragraph meet, paragraphs are one "\n" apart.
    let lines = editor.lines(width: width)
    var rebuilt = ""
    for (index, line) in lines.enumerated() {
        if index > 0 {
            let gap = line.range.lowerBound - lines[index - 1].range.upperBound
            #expect(gap == 0 || gap == 1, "rows \(index - 1) and \(index) \(context)")
            if gap == 1 { rebuilt += "\n" }
        }
        rebuilt += line.text
        #expect(line.width <= width || line.range.count == 1, "row \(index) too wide \(context)")
    }
    #expect(rebuilt == text, "rows do not rebuild the text \(context)")
    #expect(position.row < lines.count)

    var buffer = Buffer(size: Size(width: width + 2, height: height + 2))
    let area = Rect(x: 1, y: 1, width: width, height: height)
    if let cursor = editor.render(into: &buffer, area: area, style: .normal) {
        #expect(cursor.x >= area.x && cursor.x < area.maxX && cursor.y >= area.y && cursor.y < area.maxY,
                "cursor drawn outside the field \(context)")
    }
}

@Suite struct TextEditorPropertyTests {
    @Test(arguments: 1...40)
    func randomKeysOverRandomUnicodeText(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        let width = Int.random(in: 1...14, using: &random)
        let height = Int.random(in: 1...5, using: &random)
        var editor = TextEditor(randomText(&random, pieces: Int.random(in: 0...40, using: &random)))
        checkInvariants(editor, width: width, height: height, context: "seed \(seed), start")
        for step in 0..<150 {
            let before = editor.cursorPosition(width: width)
            let choice = Int.random(in: 0..<10, using: &random)
            let piece = pieces.randomElement(using: &random)!
            var key: Key?
            if choice < 3 {
                editor.insert(piece)
            } else {
                key = choice < 5 ? .character(piece.first!) : keys.randomElement(using: &random)!
                let handled = editor.handle(key!, width: width, pageHeight: height)
                #expect(handled)
            }
            let context = "seed \(seed), step \(step), \(key.map { "\($0)" } ?? "paste \(piece.debugDescription)")"
            checkInvariants(editor, width: width, height: height, context: context)
            // Up and down change the row by one unless at the first or last row.
            let after = editor.cursorPosition(width: width)
            if key == .down, after.row != before.row {
                #expect(after.row == before.row + 1, "\(context)")
            }
            if key == .up, after.row != before.row {
                #expect(after.row == before.row - 1, "\(context)")
            }
        }
    }

    @Test(arguments: 1...20)
    func verticalMovesNeverPassTheAimedColumn(seed: UInt64) {
        var random = SeededGenerator(state: seed &* 7919)
        let width = Int.random(in: 2...12, using: &random)
        var editor = TextEditor(randomText(&random, pieces: 60))
        for _ in 0..<Int.random(in: 0...60, using: &random) { editor.handle(.left, width: width, pageHeight: 3) }
        let aim = editor.cursorPosition(width: width).column
        for step in 0..<20 {
            let key: Key = Bool.random(using: &random) ? .up : .down
            let row = editor.cursorPosition(width: width).row
            editor.handle(key, width: width, pageHeight: 3)
            let now = editor.cursorPosition(width: width)
            // Jumps to the very start or end (from the first or last row) stay on the same row.
            if now.row != row {
                #expect(now.column <= aim, "seed \(seed), step \(step): column \(now.column), aim \(aim)")
            }
        }
    }
}
