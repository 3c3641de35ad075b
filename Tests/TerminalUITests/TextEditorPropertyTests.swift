import Foundation
import PropertyBased
import Testing
@testable import TerminalUI

// MARK: Generators

/// Pieces that break naive editors: combining marks (also alone, after a line break), CJK,
/// fullwidth and halfwidth forms, emoji with skin tones, ZWJ families, flags, tabs and CRLF.
private let pieces = [
    "a", "b", "Z", " ", "  ", "\n", "é", "e\u{301}", "\u{301}", "\u{308}", "陈", "伟", "明", "한", "ｱ", "Ａ",
    "😀", "👍🏽", "👩\u{200D}👩\u{200D}👧", "\u{200D}", "🇬🇧", "🇬", "❤\u{FE0F}", ",", ".", "\t", "\r\n", "\u{7}",
]

/// Every key `TextEditor.handle` acts on, besides typed characters.
private let editingKeys: [Key] = [
    .enter, .backspace, .delete, .left, .right, .up, .down, .home, .end, .pageUp, .pageDown,
    .wordLeft, .wordRight, .control("a"), .control("d"), .control("k"), .control("u"), .control("w"),
]

/// Keys the editor must hand back untouched, for the form around it.
private let otherKeys: [Key] = [
    .tab, .backTab, .escape, .insert, .function(1), .function(12), .control("s"), .control("c"), .control("e"),
]

private let movingKeys: Set<Key> = [
    .left, .right, .up, .down, .home, .end, .pageUp, .pageDown, .wordLeft, .wordRight, .control("a"),
]

private let deletingKeys: Set<Key> = [.backspace, .delete, .control("d"), .control("k"), .control("u"), .control("w")]

private let listedPiece = Gen<String?>.element(of: pieces).map { $0! }

/// One scalar from anywhere in Unicode but the surrogates: Hangul jamo that join, prepended marks,
/// unassigned code points, controls; whatever no list thought of.
private let anyScalarPiece = Gen<UInt32>.value(in: 0...(0x10FFFF - 0x800))
    .map { String(Unicode.Scalar($0 < 0xD800 ? $0 : $0 + 0x800)!) }

private let piece = Gen<String>.frequency((weight: 5, gen: listedPiece), (weight: 1, gen: anyScalarPiece))

private let text = piece.array(of: 0...40).map { $0.joined() }

/// What a person does next: press a key, type a character, or paste.
private enum Step: Hashable, Sendable, CustomStringConvertible {
    case key(Key)
    case paste(String)

    var description: String {
        switch self {
        case .key(let key): "\(key)"
        case .paste(let text): "paste \(text.debugDescription)"
        }
    }
}

private let step = Gen<Step>.frequency(
    (weight: 3, gen: piece.map { Step.paste($0) }),
    (weight: 2, gen: piece.map { Step.key(.character($0.first!)) }),
    (weight: 5, gen: Gen<Key?>.element(of: editingKeys).map { Step.key($0!) }),
    (weight: 1, gen: Gen<Key?>.element(of: otherKeys).map { Step.key($0!) }))

// MARK: Invariants

/// What must hold after every step, whatever happened before. False when the cursor is outside the
/// text: nothing more can be checked, and the next key could crash the test rather than fail it.
@discardableResult
private func checkInvariants(_ editor: TextEditor, width: Int, height: Int, context: String) -> Bool {
    let text = editor.text
    let cursorInText = (0...text.count).contains(editor.cursor)
    #expect(cursorInText, "cursor \(editor.cursor) of \(text.count) \(context)")
    guard cursorInText else { return false }
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
    // The cursor's row holds it, and its column is the width of that row up to it.
    if position.row < lines.count {
        let row = lines[position.row].range
        #expect(row.contains(editor.cursor) || row.upperBound == editor.cursor,
                "cursor \(editor.cursor) not on its row \(row) \(context)")
        let upToCursor = Array(text)[row.lowerBound..<max(row.lowerBound, editor.cursor)]
        #expect(position.column == upToCursor.reduce(0) { $0 + TextWidth.of($1) },
                "column \(position.column) is not the width before the cursor \(context)")
    }

    var buffer = Buffer(size: Size(width: width + 2, height: height + 2))
    let area = Rect(x: 1, y: 1, width: width, height: height)
    if let cursor = editor.render(into: &buffer, area: area, style: .normal) {
        #expect(cursor.x >= area.x && cursor.x < area.maxX && cursor.y >= area.y && cursor.y < area.maxY,
                "cursor drawn outside the field \(context)")
    }
    return true
}

/// Strings as Unicode scalars: `==` on String treats canonically equivalent texts as equal.
private func scalars(_ text: some StringProtocol) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

/// The graphemes, each as its scalars.
private func graphemes(_ characters: some Sequence<Character>) -> [[Unicode.Scalar]] {
    characters.map { Array($0.unicodeScalars) }
}

/// Whether `after` is `before` with one stretch of scalars taken out (perhaps none).
private func isOneStretchRemoved(from before: String, leaving after: String) -> Bool {
    let (old, new) = (scalars(before), scalars(after))
    guard new.count <= old.count else { return false }
    let common = zip(old, new).prefix { $0 == $1 }.count
    return new[common...].elementsEqual(old.suffix(new.count - common))
}

/// What each kind of step promises, beyond the invariants.
private func checkStep(_ step: Step, handled: Bool, from before: TextEditor, to after: TextEditor, width: Int,
                       context: String) {
    let (beforePosition, afterPosition) = (before.cursorPosition(width: width), after.cursorPosition(width: width))
    switch step {
    case .paste(let pasted):
        checkInsertion(of: pasted, from: before, to: after, width: width, context: context)
    case .key(.character(let typed)):
        #expect(handled, "typing \(typed.debugDescription) not handled \(context)")
        checkInsertion(of: String(typed), from: before, to: after, width: width, context: context)
    case .key(let key) where otherKeys.contains(key):
        #expect(!handled && after == before, "\(key) is not the editor's but it acted \(context)")
    case .key(let key):
        #expect(handled, "\(key) not handled \(context)")
        if movingKeys.contains(key) {
            #expect(scalars(after.text) == scalars(before.text), "a move changed the text \(context)")
        }
        if deletingKeys.contains(key) {
            #expect(isOneStretchRemoved(from: before.text, leaving: after.text), "a delete did more than cut \(context)")
            // Each deleting key joins at most two lines: none swallows several at once.
            let lineBreaks = { (text: String) in text.unicodeScalars.count { $0 == "\n" } }
            #expect(lineBreaks(before.text) - lineBreaks(after.text) <= 1, "a delete took several lines \(context)")
        }
        switch key {
        case .left: #expect(after.cursor == max(0, before.cursor - 1), "\(context)")
        case .right: #expect(after.cursor == min(before.text.count, before.cursor + 1), "\(context)")
        case .wordLeft: #expect(after.cursor <= before.cursor, "word left went right \(context)")
        case .wordRight: #expect(after.cursor >= before.cursor, "word right went left \(context)")
        case .home, .control("a"):
            #expect(afterPosition.row == beforePosition.row && afterPosition.column == 0,
                    "home did not go to the start of the row \(context)")
        case .end: #expect(afterPosition.row == beforePosition.row, "end left the row \(context)")
        // Up and down change the row by one unless at the first or last row.
        case .down where afterPosition.row != beforePosition.row:
            #expect(afterPosition.row == beforePosition.row + 1, "\(context)")
        case .up where afterPosition.row != beforePosition.row:
            #expect(afterPosition.row == beforePosition.row - 1, "\(context)")
        case .backspace where before.cursor == 0, .delete where before.cursor == before.text.count:
            // Only the scroll may change: every key brings the cursor into view.
            #expect(scalars(after.text) == scalars(before.text) && after.cursor == before.cursor,
                    "nothing to delete, yet something changed \(context)")
        default: break
        }
    }
}

/// Typing or pasting puts the normalised text at the cursor; when it stands alone (its graphemes
/// and its neighbours' are the same as before: no combining mark or flag letter joined them), the
/// cursor ends after it and that many backspaces take it out again.
private func checkInsertion(of pasted: String, from before: TextEditor, to after: TextEditor, width: Int,
                            context: String) {
    let added = TextEditor.normalised(pasted)
    let head = before.text.prefix(before.cursor), tail = before.text.dropFirst(before.cursor)
    #expect(scalars(after.text) == scalars(head + added + tail), "not inserted at the cursor \(context)")
    guard graphemes(after.text) == graphemes(head) + graphemes(added) + graphemes(tail) else { return }
    #expect(after.cursor == before.cursor + added.count, "cursor not after the insertion \(context)")
    var undone = after
    for _ in 0..<added.count { undone.handle(.backspace, width: width, pageHeight: 3) }
    #expect(scalars(undone.text) == scalars(before.text) && undone.cursor == before.cursor,
            "backspacing \(added.debugDescription) did not restore the text \(context)")
}

// MARK: Properties

@Suite struct TextEditorPropertyTests {
    @Test func anyKeysOverAnyUnicodeText() async {
        await propertyCheck(
            count: 150, input: Gen.int(in: 1...14), Gen.int(in: 1...5), text, step.array(of: 0...150)
        ) { width, height, start, steps in
            var editor = TextEditor(start)
            guard checkInvariants(editor, width: width, height: height, context: "at the start") else { return }
            for (index, step) in steps.enumerated() {
                let before = editor
                let handled: Bool
                switch step {
                case .paste(let pasted):
                    editor.insert(pasted)
                    handled = true
                case .key(let key):
                    handled = editor.handle(key, width: width, pageHeight: height)
                }
                let context = "at step \(index), \(step)"
                guard checkInvariants(editor, width: width, height: height, context: context) else { return }
                checkStep(step, handled: handled, from: before, to: editor, width: width, context: context)
            }
            // Recovery keeps an open editor as JSON: text and cursor must come back.
            let restored = try? JSONDecoder().decode(TextEditor.self, from: JSONEncoder().encode(editor))
            #expect(restored.map { scalars($0.text) } == scalars(editor.text) && restored?.cursor == editor.cursor,
                    "text or cursor lost in JSON")
        }
    }

    @Test func verticalMovesNeverPassTheAimedColumn() async {
        await propertyCheck(
            count: 60, input: Gen.int(in: 2...12), piece.array(of: 60).map { $0.joined() }, Gen.int(in: 0...60),
            Gen.bool.array(of: 20)
        ) { width, start, lefts, ups in
            var editor = TextEditor(start)
            for _ in 0..<lefts { editor.handle(.left, width: width, pageHeight: 3) }
            let aim = editor.cursorPosition(width: width).column
            for (index, up) in ups.enumerated() {
                let row = editor.cursorPosition(width: width).row
                editor.handle(up ? .up : .down, width: width, pageHeight: 3)
                let now = editor.cursorPosition(width: width)
                // Jumps to the very start or end (from the first or last row) stay on the same row.
                if now.row != row {
                    #expect(now.column <= aim, "step \(index): column \(now.column), aim \(aim)")
                }
            }
        }
    }
}
