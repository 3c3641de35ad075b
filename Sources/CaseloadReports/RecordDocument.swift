/// A document about a client's record as a list of blocks, written once and rendered as Markdown or
/// as plain text. The session summary, the day summary, the letter to the referrer and the
/// subject-access copy share it, so their formats say the same things in the same order.
struct RecordDocument {
    enum Block {
        case title(String)
        /// A section: capitals in plain text.
        case heading(String)
        /// A part of a section, such as one contact or one goal: underlined in plain text.
        case subheading(String)
        case field(label: String, value: String)
        /// Free text, often in the person's or the link worker's words; its line breaks are kept.
        case paragraph(String)
        /// A line about the document or the text around it: italic in Markdown.
        case remark(String)
        /// `level` 0 is a top-level item, 1 an item under it.
        case bullet(String, level: Int)
        /// One audited field: absent `before` means added, absent `after` means removed.
        case change(path: String, before: String?, after: String?)

        /// Lists and fields run on without blank lines between their items.
        var isListItem: Bool {
            switch self {
            case .field, .bullet, .change: true
            default: false
            }
        }
    }

    private(set) var blocks: [Block] = []

    mutating func title(_ text: String) { blocks.append(.title(text)) }
    mutating func heading(_ text: String) { blocks.append(.heading(text)) }
    mutating func subheading(_ text: String) { blocks.append(.subheading(text)) }
    mutating func remark(_ text: String) { blocks.append(.remark(text)) }
    mutating func bullet(_ text: String, level: Int = 0) { blocks.append(.bullet(text, level: level)) }

    mutating func change(path: String, before: String?, after: String?) {
        blocks.append(.change(path: path, before: before, after: after))
    }

    /// Left out when `value` is nil or blank, so documents never show empty fields.
    mutating func field(_ label: String, _ value: String?) {
        guard let value = RecordWording.nonBlank(value) else { return }
        blocks.append(.field(label: label, value: value))
    }

    /// Left out when blank.
    mutating func paragraph(_ text: String?) {
        guard let text = RecordWording.nonBlank(text) else { return }
        blocks.append(.paragraph(text))
    }

    /// Markdown for `.markdown`; plain text (80 columns) for every other format.
    func rendered(as format: DocumentFormat) -> String {
        format == .markdown ? markdown : plainText
    }
}
