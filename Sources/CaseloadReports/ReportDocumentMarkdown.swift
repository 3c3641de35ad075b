import CaseloadKit

extension ReportDocument {
    /// Headings per section, figures as a list, counts as a table, how they were counted in italics.
    static func markdown(_ report: CaseloadReport, context: ExportContext) -> String {
        var lines = ["# \(title)", ""]
        lines += about(report, context: context).map { "- \($0.label): \(DocumentText.markdown($0.value))" }
        lines.append("")
        if report.isEmpty { lines += [nothingRecorded, ""] }
        lines += [CaseloadReport.barOrder, ""]
        for section in report.sections {
            lines += ["## \(DocumentText.markdown(section.title))", ""]
            if !section.facts.isEmpty {
                lines += section.facts.map { "- \(DocumentText.markdown($0.label)): \(DocumentText.markdown($0.value))" }
                lines.append("")
            }
            if !section.bars.isEmpty {
                lines += ["| \(DocumentText.markdown(section.barsHeading)) | Count |", "| --- | ---: |"]
                lines += section.bars.map { "| \(DocumentText.markdown($0.label)) | \($0.count) |" }
                lines.append("")
            }
            if let note = section.note { lines += ["*\(DocumentText.markdown(note))*", ""] }
        }
        lines += ["---", ""]
        lines += attribution.flatMap { [DocumentText.markdown($0), ""] }
        return lines.dropLast().joined(separator: "\n") + "\n"
    }
}
