import ArgumentParser
import CaseloadKit
import CaseloadReports
import CaseloadStore
import Foundation

extension DocumentFormat: ExpressibleByArgument {}

/// `caseload export`: session summaries, the day's contacts, feedback to the referrer and
/// everything held about one client. Without --output each file goes to the caseload folder's
/// exports/ (0600); `--output -` prints it.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a session summary, a day summary, feedback to the referrer or a client's whole record.",
        discussion: """
            Files go to exports/ in the caseload folder (readable only by you) unless --output gives a \
            path, or - for standard output. Exports are signed with your details from settings \
            (`caseload settings --name ...`, or o in the app).
            """,
        subcommands: [ExportSessionCommand.self, ExportDayCommand.self, ExportFeedbackCommand.self, ExportClientCommand.self]
    )

    static let outputHelp = ArgumentHelp(
        "Write to this file (0600, replaced in one step), or - for standard output. Default: exports/ in the caseload folder.",
        valueName: "path")

}

/// The formats summaries come in, so that help lists only those (reports add CSV).
enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
    case md, txt, json
    var document: DocumentFormat { DocumentFormat(rawValue: rawValue)! }
}

/// The formats of everything held about a client.
enum RecordFormat: String, ExpressibleByArgument, CaseIterable {
    case json, md
    var document: DocumentFormat { DocumentFormat(rawValue: rawValue)! }
}

struct ExportSessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Summary of one contact: what matters, concerns, agreed actions, connections, measures, next follow-up."
    )

    @OptionGroup var location: DataLocation

    @Argument(help: ArgumentHelp("The client's reference (C-0042) or NHS number.", valueName: "ref"))
    var reference: String

    @Option(help: ArgumentHelp("latest, the date of the contact (the last one that day), or its date and time (\"2026-09-01 11:45\").",
                               valueName: "latest|date"))
    var contact = "latest"

    @Option(help: "md, txt (80 columns, for the GP record) or json.")
    var format: SummaryFormat = .md

    @Option(name: .shortAndLong, help: ExportCommand.outputHelp)
    var output: String?

    func run() throws {
        let clock = try Clock(environment: ProcessInfo.processInfo.environment)
        let records = try CaseloadRecords.open(location, clock: clock)
        defer { records.store.close() }
        let client = try records.client(reference)
        let chosen = try Self.contact(contact, of: client)
        let context = records.context(at: clock.now())
        guard let text = SessionSummary.render(client: client, contactID: chosen.id, assets: records.assets,
                                               format: format.document, context: context) else {
            throw CommandFailure("the contact could not be found in \(client.reference)'s record")
        }
        try records.deliver(text, what: "the session summary", output: output,
                            name: SessionSummary.fileName(client: client, contact: chosen, format: format.document, timeZone: .current))
    }

    /// `latest`, or the last contact on a date; an error listing the dates there are otherwise.
    static func contact(_ choice: String, of client: Client) throws -> Contact {
        guard let latest = SessionSummary.defaultContact(of: client) else {
            throw CommandFailure("\(client.reference) has no contacts recorded yet")
        }
        if choice.lowercased() == "latest" { return latest }
        // "2026-09-01" takes the day's last contact; "2026-09-01 11:45" the one at that time.
        var parts = choice.split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
        let time = parts.count > 1 && parts.last!.contains(":") ? parts.removeLast() : nil
        let day = try CaseloadRecords.date(parts.joined(separator: " "), option: "--contact")
        let onDay = client.contacts.filter { CalendarDate($0.at) == day }
        if let time, let atTime = onDay.last(where: { DocumentText.time($0.at, in: .current) == time }) { return atTime }
        if time == nil, let last = onDay.last { return last }
        let moments = client.contacts.map { "\(CalendarDate($0.at).iso) \(DocumentText.time($0.at, in: .current))" }
        throw CommandFailure("\(client.reference) has no contact on \(choice); contacts: \(moments.joined(separator: ", "))")
    }
}

struct ExportDayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "day",
        abstract: "Every contact on one day across the caseload (default: today)."
    )

    @OptionGroup var location: DataLocation

    @Argument(help: ArgumentHelp("The day, for example 2026-11-21 or 21-Nov-2026.", valueName: "date"))
    var date: String?

    @Option(help: "md, txt or json.")
    var format: SummaryFormat = .md

    @Option(name: .shortAndLong, help: ExportCommand.outputHelp)
    var output: String?

    func run() throws {
        let clock = try Clock(environment: ProcessInfo.processInfo.environment)
        let records = try CaseloadRecords.open(location, clock: clock)
        defer { records.store.close() }
        let day = try date.map { try CaseloadRecords.date($0, option: "the date") } ?? CalendarDate(clock.now())
        let text = DaySummary.render(clients: records.clients, on: day, assets: records.assets, format: format.document,
                                     context: records.context(at: clock.now()))
        try records.deliver(text, what: "the day summary", output: output, name: DaySummary.fileName(on: day, format: format.document))
    }
}

struct ExportFeedbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback",
        abstract: "A letter back to the referrer (PRSB message back to GP and referrer), plain text.",
        discussion: """
            Unless the person agreed to share details with the referrer, the letter holds only what \
            the referral needs: who it is about, the SNOMED CT codes, the status and the dates.
            """
    )

    @OptionGroup var location: DataLocation

    @Argument(help: ArgumentHelp("The client's reference (C-0042) or NHS number.", valueName: "ref"))
    var reference: String

    @Option(name: .shortAndLong, help: ExportCommand.outputHelp)
    var output: String?

    func run() throws {
        let clock = try Clock(environment: ProcessInfo.processInfo.environment)
        let records = try CaseloadRecords.open(location, clock: clock)
        defer { records.store.close() }
        let client = try records.client(reference)
        let text = ReferrerFeedback.letter(client: client, assets: records.assets, context: records.context(at: clock.now()))
        try records.deliver(text, what: "the feedback letter", output: output,
                            name: ReferrerFeedback.fileName(client: client, on: CalendarDate(clock.now())))
    }
}

struct ExportClientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client",
        abstract: "Everything held about one client, with the audit trail (subject access, data portability).",
        discussion: "Without --format, writes both the JSON and a readable Markdown copy to exports/."
    )

    @OptionGroup var location: DataLocation

    @Argument(help: ArgumentHelp("The client's reference (C-0042) or NHS number.", valueName: "ref"))
    var reference: String

    @Option(help: "json or md; both when left out.")
    var format: RecordFormat?

    @Option(name: .shortAndLong, help: ExportCommand.outputHelp)
    var output: String?

    func validate() throws {
        if output != nil && format == nil { throw ValidationError("--output writes one file: choose --format json or --format md") }
    }

    func run() throws {
        let clock = try Clock(environment: ProcessInfo.processInfo.environment)
        let records = try CaseloadRecords.open(location, clock: clock)
        defer { records.store.close() }
        let client = try records.client(reference)
        let history = try records.store.auditEntries(for: client.id)
        if history.unreadableLines > 0 {
            FileHandle.standardError.write(Data("caseload: \(history.unreadableLines) damaged line(s) of audit.jsonl could not be read and are not in the export\n".utf8))
        }
        let audit = history.entries.map { entry in
            RecordedChange(at: entry.at, action: entry.action.rawValue,
                           changes: entry.changes.map { RecordedChange.Field(path: $0.path, before: $0.before, after: $0.after) })
        }
        let context = records.context(at: clock.now())
        let today = CalendarDate(clock.now())
        for format in format.map({ [$0.document] }) ?? SubjectAccessExport.formats {
            let text = format == .json
                ? try SubjectAccessExport.json(client: client, audit: audit, assets: records.assets, context: context)
                : SubjectAccessExport.markdown(client: client, audit: audit, assets: records.assets, context: context)
            try records.deliver(text, what: "\(client.reference)'s record (\(format.label))", output: output,
                                name: SubjectAccessExport.fileName(client: client, format: format, on: today))
        }
    }
}
