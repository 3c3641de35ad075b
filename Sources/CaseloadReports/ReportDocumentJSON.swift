import CaseloadKit
import Foundation

extension ReportDocument {
    /// The sections as shown in the other formats, plus the figures as numbers for anyone
    /// combining reports. Missing values are written as null, so every report has the same keys.
    static func json(_ report: CaseloadReport, context: ExportContext) -> String {
        // Only strings, whole numbers and finite medians go in, which always encode.
        try! DocumentText.json(ReportJSON(report: report, context: context))
    }
}

private struct ReportJSON: Encodable {
    let report: CaseloadReport
    let context: ExportContext

    enum CodingKeys: String, CodingKey {
        case application, kind, schemaVersion, generatedAt, period, practice, generatedBy, nothingRecorded,
             sections, figures, attribution
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("caseload", forKey: .application)
        try container.encode("caseload-report", forKey: .kind)
        try container.encode(1, forKey: .schemaVersion)
        try container.encode(DocumentText.iso(context.generatedAt), forKey: .generatedAt)
        try container.encode(["from": report.period.from.iso, "to": report.period.to.iso], forKey: .period)
        try container.encode(report.practice, forKey: .practice)
        let worker = context.worker
        try container.encode(["name": worker.name, "role": worker.role, "organisation": worker.organisation,
                              "phone": worker.phone, "email": worker.email], forKey: .generatedBy)
        try container.encode(report.isEmpty, forKey: .nothingRecorded)
        try container.encode(report.sections.map(SectionJSON.init), forKey: .sections)
        try container.encode(FiguresJSON(report: report), forKey: .figures)
        try container.encode(ReportDocument.attribution, forKey: .attribution)
    }
}

private struct SectionJSON: Encodable {
    let section: ReportSection

    enum CodingKeys: String, CodingKey { case title, facts, bars, barsHeading, note }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(section.title, forKey: .title)
        try container.encode(section.facts.map { ["label": $0.label, "value": $0.value] }, forKey: .facts)
        try container.encode(section.bars.map(BarJSON.init), forKey: .bars)
        try container.encode(section.barsHeading, forKey: .barsHeading)
        try container.encode(section.note, forKey: .note)
    }
}

private struct BarJSON: Encodable {
    let label: String
    let count: Int

    init(_ bar: ReportBar) {
        label = bar.label
        count = bar.count
    }
}

private struct FiguresJSON: Encodable {
    let report: CaseloadReport

    enum CodingKeys: String, CodingKey {
        case referralsReceived, firstReached, waitingMedianDays, longestWaitDays, stillWaiting,
             longestStillWaitingDays, openAtEnd, discharges, contacts, peopleSeen, minutesRecorded,
             contactsWithMinutes, connectionsWithActivity, connectionsStarted, ons4People, ons4, swemwbs
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(report.referralsReceived, forKey: .referralsReceived)
        try container.encode(report.firstReachedCount, forKey: .firstReached)
        try container.encode(report.waitingMedianDays, forKey: .waitingMedianDays)
        try container.encode(report.longestWaitDays, forKey: .longestWaitDays)
        try container.encode(report.stillWaitingCount, forKey: .stillWaiting)
        try container.encode(report.longestStillWaitingDays, forKey: .longestStillWaitingDays)
        try container.encode(report.openAtEnd, forKey: .openAtEnd)
        try container.encode(report.discharges, forKey: .discharges)
        try container.encode(report.contacts, forKey: .contacts)
        try container.encode(report.peopleSeen, forKey: .peopleSeen)
        try container.encode(report.minutesRecorded, forKey: .minutesRecorded)
        try container.encode(report.contactsWithMinutes, forKey: .contactsWithMinutes)
        try container.encode(report.connectionsWithActivity, forKey: .connectionsWithActivity)
        try container.encode(report.connectionsStarted, forKey: .connectionsStarted)
        try container.encode(report.ons4People, forKey: .ons4People)
        let ons4 = Dictionary(uniqueKeysWithValues: report.ons4.map { ($0.key.rawValue, MediansJSON($0.value)) })
        try container.encode(ons4, forKey: .ons4)
        try container.encode(report.swemwbs.map(MediansJSON.init), forKey: .swemwbs)
    }
}

private struct MediansJSON: Encodable {
    let people: Int
    let medianFirst: Double
    let medianLatest: Double

    init(_ medians: WellbeingMedians) {
        people = medians.people
        medianFirst = medians.medianFirst
        medianLatest = medians.medianLatest
    }
}
