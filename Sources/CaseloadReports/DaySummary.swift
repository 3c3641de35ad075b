import CaseloadKit
import Foundation

/// Every contact on one day across the caseload, in time order: the link worker's record of a day's
/// work, for their own notes or a team log.
///
/// Decisions:
/// - A contact belongs to the day it falls on in the context's time zone; unsuccessful attempts are
///   included (they are work done) and counted apart in the opening line.
/// - Contacts at the same minute are ordered by client reference, so the order never changes
///   between runs.
/// - Connection events dated that day are listed after the contacts, for every client, including
///   those with no contact that day (a group may confirm attendance on its own).
/// - The notes are given in full; what-matters details, plans and measures stay in the session
///   summaries, which this does not repeat.
public enum DaySummary {
    /// The formats a day summary is written in. Any other asked for gives plain text.
    public static let formats: [DocumentFormat] = [.markdown, .text, .json]

    /// Says plainly when there were no contacts that day.
    public static func render(clients: [Client], on date: CalendarDate, assets: [UUID: Asset], format: DocumentFormat,
                              context: ExportContext) -> String {
        let day = Day(clients: clients, date: date, assets: assets, timeZone: context.timeZone)
        return format == .json ? json(day, context: context) : document(day, context: context).rendered(as: format)
    }

    /// `day-2026-11-21.md`.
    public static func fileName(on date: CalendarDate, format: DocumentFormat) -> String {
        "day-\(date.iso).\((formats.contains(format) ? format : .text).rawValue)"
    }

    /// The day's contacts and connection changes, in the order the summary gives them.
    private struct Day {
        struct Entry {
            var client: Client
            var contact: Contact
        }

        struct ConnectionEntry {
            var client: Client
            var change: SessionFacts.ConnectionChange
        }

        var date: CalendarDate
        var timeZone: TimeZone
        var entries: [Entry]
        var connectionChanges: [ConnectionEntry]

        init(clients: [Client], date: CalendarDate, assets: [UUID: Asset], timeZone: TimeZone) {
            self.date = date
            self.timeZone = timeZone
            let byReference = clients.sorted { $0.reference < $1.reference }
            entries = byReference.flatMap { client in
                client.contacts.filter { CalendarDate($0.at, in: timeZone) == date }.map { Entry(client: client, contact: $0) }
            }
            // Stable: among contacts at the same moment, the reference order above stands.
            .enumerated().sorted { ($0.element.contact.at, $0.offset) < ($1.element.contact.at, $1.offset) }.map(\.element)
            connectionChanges = byReference.flatMap { client in
                client.connections.flatMap { connection in
                    connection.history.filter { $0.date == date }.map {
                        ConnectionEntry(client: client, change: SessionFacts.ConnectionChange(
                            connection: connection, assetName: RecordWording.assetName(connection, assets: assets), event: $0))
                    }
                }
            }
        }

        var people: Int { Set(entries.map(\.client.id)).count }
        var attempts: Int { entries.filter { !$0.contact.kind.isSuccessful }.count }

        /// `4 contacts with 3 people on 21 November 2026, including 1 unsuccessful attempt.`
        var countLine: String {
            let day = DateStyle.letter(date)
            guard !entries.isEmpty else { return "No contacts were recorded on \(day)." }
            let including = attempts == 0 ? "" : ", including \(RecordWording.count(attempts, "unsuccessful attempt"))"
            return "\(RecordWording.count(entries.count, "contact")) with \(RecordWording.count(people, "person", "people")) "
                + "on \(day)\(including)."
        }
    }

    private static func document(_ day: Day, context: ExportContext) -> RecordDocument {
        var document = RecordDocument()
        document.title("Day summary: \(DateStyle.letter(day.date))")
        document.paragraph(day.countLine)
        if !day.entries.isEmpty { document.heading("Contacts") }
        for entry in day.entries {
            let contact = entry.contact
            document.subheading("\(DocumentText.time(contact.at, in: day.timeZone)) \(entry.client.name) (\(entry.client.reference))")
            document.field("Type", contact.kind.label)
            document.field(contact.kind.isSuccessful ? "Mode" : "Method", RecordWording.means(of: contact))
            document.field("Duration", contact.durationMinutes.map(RecordWording.duration))
            document.field("Notes", contact.notes)
        }
        if !day.connectionChanges.isEmpty {
            document.heading("Connections made or changed")
            for entry in day.connectionChanges {
                let change = entry.change
                let note = RecordWording.nonBlank(change.event.note).map { ". " + $0 } ?? ""
                document.bullet("\(entry.client.name) (\(entry.client.reference)), \(change.assetName): "
                    + "\(change.event.state.label)\(note)")
            }
        }
        if !context.preparedBy.isEmpty { document.remark("Link worker: " + context.preparedBy + ".") }
        document.remark(RecordWording.generated(context))
        return document
    }

    private static func json(_ day: Day, context: ExportContext) -> String {
        RecordJSON.encode(kind: "day-summary", context: context, body: Body(day))
    }

    private struct Body: Encodable {
        struct Counts: Encodable {
            var contacts, people, unsuccessfulAttempts: Int
        }

        struct ContactBody: Encodable {
            var client: RecordJSON.ClientIdentity
            var contact: RecordJSON.ContactRecord
        }

        struct ConnectionBody: Encodable {
            var client: RecordJSON.ClientIdentity
            var change: RecordJSON.ConnectionChange
        }

        var date: CalendarDate
        var timeZone: String
        var counts: Counts
        var contacts: [ContactBody]
        var connectionChanges: [ConnectionBody]

        init(_ day: Day) {
            date = day.date
            timeZone = day.timeZone.identifier
            counts = Counts(contacts: day.entries.count, people: day.people, unsuccessfulAttempts: day.attempts)
            contacts = day.entries.map {
                ContactBody(client: RecordJSON.ClientIdentity($0.client),
                            contact: RecordJSON.ContactRecord($0.contact, timeZone: day.timeZone))
            }
            connectionChanges = day.connectionChanges.map {
                ConnectionBody(client: RecordJSON.ClientIdentity($0.client),
                               change: RecordJSON.ConnectionChange($0.change.connection, $0.change.event,
                                                                   assetName: $0.change.assetName))
            }
        }
    }
}
