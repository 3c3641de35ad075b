import Foundation

extension RecordDocument {
    /// Field values line up across the document at this column at most; longer labels push their value on.
    static let widestLabelColumn = 24

    /// Every line within `DocumentText.width` characters, no Markdown syntax: what pastes cleanly into
    /// a GP record. Sections are in capitals, the title and subheadings underlined.
    var plainText: String {
        var lines: [String] = []
        let column = valueColumn
        for (index, block) in blocks.enumerated() {
            if index > 0, Self.blankLineInText(between: blocks[index - 1], and: block) { lines.append("") }
            switch block {
            case .title(let text):
                lines += Self.underlined(text, with: "=")
            case .heading(let text):
                lines += DocumentText.wrap(text.uppercased())
            case .subheading(let text):
                lines += Self.underlined(text, with: "-")
            case .field(let label, let value):
                lines += Self.fieldLines(label: label, value: value, column: column)
            case .paragraph(let text), .remark(let text):
                lines += DocumentText.wrap(text)
            case .bullet(let text, let level):
                lines += Self.bulletLines(text, level: level)
            case .change(let path, let before, let after):
                let what = switch (before, after) {
                case (nil, let after?): "added \(after)"
                case (let before?, nil): "removed (was \(before))"
                default: "\(before ?? "") -> \(after ?? "")"
                }
                lines += Self.bulletLines("\(path): \(what)", level: 0)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// CommonMark. Emphasis, code, links, HTML, headings and tables in text from the record are
    /// escaped; a note's line that starts like a list item may still render as one.
    var markdown: String {
        var lines: [String] = []
        for (index, block) in blocks.enumerated() {
            if index > 0, !(block.isListItem && blocks[index - 1].isListItem) { lines.append("") }
            switch block {
            case .title(let text):
                lines.append("# " + Self.inline(text))
            case .heading(let text):
                lines.append("## " + Self.inline(text))
            case .subheading(let text):
                lines.append("### " + Self.inline(text))
            case .field(let label, let value):
                lines.append("- **\(label):** " + Self.lineBroken(value, continuation: "  "))
            case .paragraph(let text):
                lines += Self.markdownParagraphs(text)
            case .remark(let text):
                lines.append("*" + Self.inline(text) + "*")
            case .bullet(let text, let level):
                let indent = String(repeating: "  ", count: level)
                lines.append(indent + "- " + Self.lineBroken(text, continuation: indent + "  "))
            case .change(let path, let before, let after):
                let what = switch (before, after) {
                case (nil, let after?): "added " + Self.code(after)
                case (let before?, nil): "removed (was " + Self.code(before) + ")"
                default: Self.code(before ?? "") + " → " + Self.code(after ?? "")
                }
                lines.append("- " + Self.code(path) + ": " + what)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Plain text

    /// Headings sit directly on what they head (a section's first part set off by a blank line);
    /// list items and fields run on.
    private static func blankLineInText(between previous: Block, and next: Block) -> Bool {
        switch (previous, next) {
        case (.heading, .subheading): true
        case (.heading, _), (.subheading, _): false
        default: !(previous.isListItem && next.isListItem)
        }
    }

    private static func underlined(_ text: String, with mark: Character) -> [String] {
        let lines = DocumentText.wrap(text)
        return lines + [String(repeating: mark, count: lines.map(DocumentText.columns).max() ?? 0)]
    }

    /// `- text`, continuation lines under the text, nested items two spaces in.
    private static func bulletLines(_ text: String, level: Int) -> [String] {
        let indent = String(repeating: "  ", count: level)
        return hangingLines(text, lead: indent + "- ", column: indent.count + 2)
    }

    /// `Label:` padded to `column`, the value wrapped beside it.
    private static func fieldLines(label: String, value: String, column: Int) -> [String] {
        hangingLines(value, lead: "\(label):", column: max(column, label.count + 2))
    }

    /// `text` wrapped to start at `column` on every line, with `lead` before its first line.
    /// (Wrapping the whole line would fold the padding into single spaces.)
    private static func hangingLines(_ text: String, lead: String, column: Int) -> [String] {
        let margin = String(repeating: " ", count: column)
        let body = DocumentText.wrap(text, width: DocumentText.width - column)
        guard let first = body.first else { return [lead] }
        let paddedLead = lead + String(repeating: " ", count: column - lead.count)
        return [paddedLead + first] + body.dropFirst().map { $0.isEmpty ? "" : margin + $0 }
    }

    /// Where field values start: just past the longest label in the document, within
    /// `widestLabelColumn`, so that every field of a document lines up.
    private var valueColumn: Int {
        let longest = blocks.compactMap { block -> Int? in
            guard case .field(let label, _) = block else { return nil }
            return label.count
        }.max() ?? 0
        return min(longest + 2, Self.widestLabelColumn)
    }

    // MARK: Markdown

    /// One line: headings and emphasis cannot span lines.
    private static func inline(_ text: String) -> String {
        DocumentText.markdown(text.split(whereSeparator: \.isNewline).joined(separator: " "))
    }

    /// Line breaks kept as CommonMark hard breaks (a backslash at the end of the line).
    private static func lineBroken(_ text: String, continuation: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { DocumentText.markdown(String($0)) }
            .joined(separator: "\\\n" + continuation)
    }

    /// Blank lines in `text` separate paragraphs; other line breaks are kept as hard breaks.
    private static func markdownParagraphs(_ text: String) -> [String] {
        let paragraphs = text.components(separatedBy: "\n")
            .split(whereSeparator: { $0.trimmingCharacters(in: .whitespaces).isEmpty })
        return Array(paragraphs.map { lineBroken($0.joined(separator: "\n"), continuation: "") }
            .flatMap { [$0, ""] }.dropLast())
    }

    /// An inline code span that holds any text: the fence is longer than any run of backticks inside.
    private static func code(_ text: String) -> String {
        var longestRun = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        let fence = String(repeating: "`", count: longestRun + 1)
        let padding = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + padding + text + padding + fence
    }
}
