import CaseloadKit
import Foundation

/// The caseload report as a file: Markdown, plain text (80 columns), CSV (one row per figure) or JSON.
public enum ReportDocument {
    public static func render(_ report: CaseloadReport, format: DocumentFormat, context: ExportContext) -> String {
        switch format {
        case .markdown: markdown(report, context: context)
        case .text: text(report, context: context)
        case .csv: csv(report, context: context)
        case .json: json(report, context: context)
        }
    }

    /// `report-2026-10-01-to-2026-10-31.md`, or `report-2026-10-01-to-2026-10-31-hillview-surgery.md`
    /// for one practice, so that reports for different periods and practices sit side by side.
    public static func fileName(for report: CaseloadReport, format: DocumentFormat) -> String {
        let practicePart = report.practice.map { "-" + slug($0) } ?? ""
        return "report-\(report.period.from.iso)-to-\(report.period.to.iso)\(practicePart).\(format.rawValue)"
    }

    static let title = "Caseload report"
    static let nothingRecorded = "Nothing was recorded for this period."

    /// Who the figures are for and who prepared them, for the top of every document.
    static func about(_ report: CaseloadReport, context: ExportContext) -> [ReportFact] {
        let preparedBy = context.preparedBy
        let contact = [context.worker.phone, context.worker.email].compactMap(RecordWording.nonBlank).joined(separator: ", ")
        return [
            ReportFact(label: "Period", value: report.period.text),
            ReportFact(label: "Practice", value: report.practiceText),
        ] + (preparedBy.isEmpty ? [] : [ReportFact(label: "Prepared by", value: preparedBy)])
            + (contact.isEmpty ? [] : [ReportFact(label: "Contact", value: contact)])
            + [ReportFact(label: "Generated", value: context.generatedText)]
    }

    /// The wellbeing measures' owners, named at the foot of every document that can show their scores.
    static let attribution = [ONS4.citation, SWEMWBS.copyright]

    /// Lower case letters and digits joined by hyphens: "St Mary's Surgery" gives `st-marys-surgery`.
    static func slug(_ text: String) -> String {
        var slug = ""
        for character in text.folding(options: .diacriticInsensitive, locale: nil).lowercased() {
            if character.isLetter || character.isNumber {
                slug.append(character)
            } else if character == "'" || character == "’" {
                continue
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug.isEmpty ? "practice" : slug
    }
}
