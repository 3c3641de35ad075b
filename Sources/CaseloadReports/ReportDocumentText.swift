import CaseloadKit
import TerminalUI

extension ReportDocument {
    /// The widest a bar label may be before it is cut with "…": wide enough for every fixed label
    /// (the longest need category is 39 characters), so only long practice names are cut.
    static let textLabelWidth = 40
    /// The longest bar, in `#` characters: charts stay readable beside their figures.
    static let textBarWidth = 40

    /// Plain text within `DocumentText.width` columns: headings underlined, figures aligned,
    /// counts drawn as bar charts of `#` scaled to each section's largest count.
    static func text(_ report: CaseloadReport, context: ExportContext) -> String {
        var lines = underlined(title, with: "=") + [""]
        lines += aligned(about(report, context: context))
        lines.append("")
        if report.isEmpty { lines += [nothingRecorded, ""] }
        lines += DocumentText.wrap(CaseloadReport.barOrder) + [""]
        for section in report.sections {
            lines += underlined(section.title, with: "-")
            if !section.facts.isEmpty { lines += aligned(section.facts) + [""] }
            if !section.bars.isEmpty { lines += barChart(section.bars, heading: section.barsHeading) + [""] }
            if let note = section.note { lines += DocumentText.wrap(note) + [""] }
        }
        lines.append(String(repeating: "-", count: DocumentText.width))
        lines += attribution.flatMap { DocumentText.wrap($0) }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func underlined(_ heading: String, with character: Character) -> [String] {
        DocumentText.wrap(heading) + [String(repeating: character, count: min(DocumentText.columns(heading), DocumentText.width))]
    }

    /// "Label:  value" with the values lined up, long values wrapped under themselves.
    private static func aligned(_ facts: [ReportFact]) -> [String] {
        let labelWidth = (facts.map(\.label.count).max() ?? 0) + 2
        let valueIndent = String(repeating: " ", count: labelWidth)
        return facts.flatMap { fact in
            let values = DocumentText.wrap(fact.value, width: DocumentText.width - labelWidth)
            let label = padded(fact.label + ":", to: labelWidth)
            return values.enumerated().map { ($0.offset == 0 ? label : valueIndent) + $0.element }
        }
    }

    /// A heading row, then `Hillview Surgery        12 ############` for each bar.
    private static func barChart(_ bars: [ReportBar], heading: String) -> [String] {
        let labelWidth = min(([heading] + bars.map(\.label)).map(DocumentText.columns).max() ?? 0, textLabelWidth)
        let largest = bars.map(\.count).max() ?? 0
        let countWidth = max("Count".count, String(largest).count)
        let barRoom = min(textBarWidth, DocumentText.width - labelWidth - countWidth - 3)
        func row(_ label: String, _ count: String) -> String {
            let cut = DocumentText.columns(label) > labelWidth ? TextWidth.truncate(label, to: labelWidth) : label
            return padded(cut, to: labelWidth) + "  "
                + String(repeating: " ", count: countWidth - count.count) + count
        }
        return [row(heading, "Count")] + bars.map { bar in
            // Every counted category gets at least one `#`, however small beside the largest.
            let length = max(1, Int((Double(bar.count) / Double(largest) * Double(barRoom)).rounded()))
            return row(bar.label, String(bar.count)) + " " + String(repeating: "#", count: length)
        }
    }

    /// Spaces after `text` up to `width` columns.
    private static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DocumentText.columns(text)))
    }
}
