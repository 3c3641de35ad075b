import CaseloadKit
import Foundation

/// The shapes the JSON documents about clients share. Vocabulary values are written raw (as stored)
/// with a label beside them; days as `YYYY-MM-DD`, instants as ISO 8601 UTC.
enum RecordJSON {
    static let schemaVersion = 1

    /// A document with the envelope every Caseload export starts with:
    /// `{"application": "caseload", "kind": …, "schemaVersion": 1, "generatedAt": …, "generatedBy": {…}, …}`,
    /// followed by the body's own keys at the same level.
    struct Document<Body: Encodable>: Encodable {
        var kind: String
        var context: ExportContext
        var body: Body

        private enum CodingKeys: String, CodingKey {
            case application, kind, schemaVersion, generatedAt, generatedBy
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("caseload", forKey: .application)
            try container.encode(kind, forKey: .kind)
            try container.encode(RecordJSON.schemaVersion, forKey: .schemaVersion)
            try container.encode(context.generatedAt, forKey: .generatedAt)
            try container.encode(Worker(context.worker), forKey: .generatedBy)
            try body.encode(to: encoder)
        }
    }

    /// Only what could fail to encode is data the types here never hold, so a failure is a bug.
    static func encode<Body: Encodable>(kind: String, context: ExportContext, body: Body) -> String {
        do {
            return try DocumentText.json(Document(kind: kind, context: context, body: body))
        } catch {
            preconditionFailure("a \(kind) document failed to encode: \(error)")
        }
    }

    struct Worker: Encodable {
        var name, role, organisation, phone, email: String

        init(_ worker: WorkerSettings) {
            (name, role, organisation, phone, email) = (worker.name, worker.role, worker.organisation, worker.phone, worker.email)
        }
    }

    /// Who the document is about: enough to file it.
    struct ClientIdentity: Encodable {
        var id: UUID
        var reference, name: String
        var preferredName: String?
        var dateOfBirth: CalendarDate?
        /// The ten digits, unspaced, as stored.
        var nhsNumber: String?
        var practice: String

        init(_ client: Client) {
            id = client.id
            reference = client.reference
            name = client.name
            preferredName = RecordWording.knownAs(client)
            dateOfBirth = client.dateOfBirth
            nhsNumber = client.nhsNumber?.digits
            practice = client.practice
        }
    }

    struct ContactRecord: Encodable {
        var id: UUID
        var at: Date
        /// The day and the 24-hour time in the document's time zone.
        var date: CalendarDate
        var time: String
        var kind, kindLabel, mode, modeLabel: String
        var attemptMethod, attemptMethodLabel: String?
        var durationMinutes: Int?
        var notes: String

        init(_ contact: Contact, timeZone: TimeZone) {
            id = contact.id
            at = contact.at
            date = CalendarDate(contact.at, in: timeZone)
            time = DocumentText.time(contact.at, in: timeZone)
            (kind, kindLabel) = (contact.kind.rawValue, contact.kind.label)
            (mode, modeLabel) = (contact.mode.rawValue, contact.mode.label)
            (attemptMethod, attemptMethodLabel) = (contact.attemptMethod?.rawValue, contact.attemptMethod?.label)
            durationMinutes = contact.durationMinutes
            notes = contact.notes
        }
    }

    /// One dated change of a connection to a community asset.
    struct ConnectionChange: Encodable {
        var connectionID, assetID: UUID
        var assetName: String
        var date: CalendarDate
        var state, stateLabel, note: String

        init(_ connection: Connection, _ event: ConnectionEvent, assetName: String) {
            connectionID = connection.id
            assetID = connection.assetID
            self.assetName = assetName
            date = event.date
            (state, stateLabel) = (event.state.rawValue, event.state.label)
            note = event.note
        }
    }

    struct FollowUpRecord: Encodable {
        var id: UUID
        var due: CalendarDate
        /// `HH:MM`, absent for "some time that day".
        var time: String?
        var purpose, mode, modeLabel: String

        init(_ followUp: FollowUp) {
            id = followUp.id
            due = followUp.due
            time = followUp.time
            purpose = followUp.purpose
            (mode, modeLabel) = (followUp.mode.rawValue, followUp.mode.label)
        }
    }
}
