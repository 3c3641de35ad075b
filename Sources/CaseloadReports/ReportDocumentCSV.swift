import CaseloadKit
import Foundation

extension ReportDocument {
    /// RFC 4180 with CRLF line ends: a `section,label,value` header, the period and practice as
    /// "Report" rows, one row per figure and per bar, and the measures' attribution last.
    static func csv(_ report: CaseloadReport, context: ExportContext) -> String {
        let about = [
            ["Report", "Period", report.period.text],
            ["Report", "From", report.period.from.iso],
            ["Report", "To", report.period.to.iso],
            ["Report", "Practice", report.practiceText],
            ["Report", "Prepared by", preparedBy(context.worker)],
            ["Report", "Generated", DocumentText.iso(context.generatedAt)],
        ].filter { !$0[2].isEmpty } + (report.isEmpty ? [["Report", "Note", nothingRecorded]] : [])
        let figures = report.sections.flatMap { section in
            section.facts.map { [section.title, $0.label, $0.value] }
                + section.bars.map { [section.title, $0.label, String($0.count)] }
        }
        let rows = [["section", "label", "value"]] + about + figures
            + [["Attribution", "ONS4", ONS4.citation], ["Attribution", "SWEMWBS", SWEMWBS.copyright]]
        return rows.map { $0.map(csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    /// Quoted, with quotes doubled, when it holds a comma, a quote or a line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
