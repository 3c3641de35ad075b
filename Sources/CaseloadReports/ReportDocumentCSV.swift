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
            ["Report", "Prepared by", context.preparedBy],
            ["Report", "Generated", DocumentText.iso(context.generatedAt)],
        ].filter { !$0[2].isEmpty } + (report.isEmpty ? [["Report", "Note", nothingRecorded]] : [])
        let figures = report.sections.flatMap { section in
            section.facts.map { [section.title, $0.label, $0.value] }
                + section.bars.map { [section.title, $0.label, String($0.count)] }
        }
        let attribution = [["Attribution", "ONS4", ONS4.citation], ["Attribution", "SWEMWBS", SWEMWBS.copyright]]
        return CSVText.document(header: ["section", "label", "value"], rows: about + figures + attribution)
    }
}
