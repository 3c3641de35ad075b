import CaseloadKit
import Foundation
import TerminalUI

/// Small pieces of text every export shares: wrapping to 80 columns, times, JSON encoding.
public enum DocumentText {
    /// The width of plain-text exports: what a GP record's free-text box takes without re-wrapping.
    public static let width = 80

    /// `text` wrapped at `width` columns (display columns: 陈 takes two, as in a terminal) with `indent` before every line and
    /// `hangingIndent` before the second and later lines of each paragraph. Line breaks in `text`
    /// are kept; words longer than a line are split. Blank input gives no lines.
    public static func wrap(_ text: String, width: Int = DocumentText.width, indent: String = "",
                            hangingIndent: String = "") -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = indent
            var lineIsEmpty = true
            func flush() {
                lines.append(line)
                line = indent + hangingIndent
                lineIsEmpty = true
            }
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = Substring(word)
                while !word.isEmpty {
                    let room = width - columns(line) - (lineIsEmpty ? 0 : 1)
                    if columns(word) <= room {
                        line += (lineIsEmpty ? "" : " ") + word
                        lineIsEmpty = false
                        word = ""
                    } else if lineIsEmpty {
                        // A word wider than the whole line: split it where the line ends.
                        var cut = word.index(after: word.startIndex)
                        while cut < word.endIndex, columns(word[..<word.index(after: cut)]) <= room { cut = word.index(after: cut) }
                        line += word[..<cut]
                        word = word[cut...]
                        flush()
                    } else {
                        flush()
                    }
                }
            }
            if !lineIsEmpty || paragraph.isEmpty { lines.append(line) }
        }
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        return lines
    }

    /// How many terminal columns `text` takes: what "80 columns" is measured in.
    public static func columns(_ text: some StringProtocol) -> Int { TextWidth.of(text) }

    /// `14:05`, 24-hour, in `timeZone`.
    public static func time(_ instant: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// `2026-11-21T10:00:00Z`: the form JSON exports give instants in.
    public static func iso(_ instant: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: instant)
    }

    /// Pretty-printed with sorted keys, so exports are stable and diff well; ends with a newline.
    public static func json<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// `text` safe inside a Markdown paragraph: characters that would start formatting are escaped.
    public static func markdown(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
