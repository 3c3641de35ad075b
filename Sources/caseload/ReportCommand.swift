import ArgumentParser
import CaseloadKit
import CaseloadReports
import Foundation

/// `caseload report`: the caseload report for a period, as Markdown, text, CSV or JSON.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Referrals, waiting times, statuses, contacts, connections and wellbeing change over a period.",
        discussion: """
            The period defaults to the last calendar month. With only --from it runs to today; with \
            only --to it starts on the first of that month. Written to exports/ in the caseload folder \
            unless --output gives a path, or - for standard output.
            """
    )

    @OptionGroup var location: DataLocation

    @Option(help: ArgumentHelp("First day of the period.", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day of the period (included).", valueName: "date"))
    var to: String?

    @Option(help: ArgumentHelp("Only this GP practice (case and accents ignored).", valueName: "practice"))
    var practice: String?

    @Option(help: "md, txt, csv or json.")
    var format: DocumentFormat = .markdown

    @Option(name: .shortAndLong, help: ExportCommand.outputHelp)
    var output: String?

    func run() throws {
        let clock = try Clock(environment: ProcessInfo.processInfo.environment)
        let records = try CaseloadRecords.open(location, clock: clock)
        defer { records.store.close() }
        let period = try Self.period(from: from, to: to, today: CalendarDate(clock.now()))
        let practiceName = try practice.map { try ListCommand.practice(matching: $0, in: records.clients.map(\.summary)) }
        let report = CaseloadReport(clients: records.clients, assets: records.assets, period: period,
                                    practice: practiceName, timeZone: .current)
        let text = ReportDocument.render(report, format: format, context: records.context(at: clock.now()))
        try records.deliver(text, what: "the report for \(period.text)", output: output,
                            name: ReportDocument.fileName(for: report, format: format))
    }

    static func period(from: String?, to: String?, today: CalendarDate) throws -> ReportPeriod {
        let start = try from.map { try CaseloadRecords.date($0, option: "--from") }
        let end = try to.map { try CaseloadRecords.date($0, option: "--to") }
        let period: ReportPeriod = switch (start, end) {
        case (nil, nil): ReportPeriod.lastCalendarMonth(before: today)
        case (let start?, nil): ReportPeriod(from: start, to: today)
        case (nil, let end?): ReportPeriod(from: CalendarDate(year: end.year, month: end.month, day: 1)!, to: end)
        case (let start?, let end?): ReportPeriod(from: start, to: end)
        }
        guard period.from <= period.to else {
            throw CommandFailure("the period starts on \(period.from.iso), after it ends on \(period.to.iso)")
        }
        return period
    }
}
