import CaseloadKit
import Foundation

/// The readable copy: every section of the record in the order the work happens, then the changes.
extension SubjectAccessExport {
    static let noneRecorded = "None recorded."

    static func document(client: Client, audit: [RecordedChange], assets: [UUID: Asset], context: ExportContext) -> RecordDocument {
        let timeZone = context.timeZone
        var document = RecordDocument()
        document.title("Subject access copy: \(client.name)")
        document.remark("Everything Caseload holds about \(client.name) (\(client.reference)), as on \(context.generatedText).")
        personalDetails(client, into: &document)
        referral(client.referral, into: &document)
        status(client, into: &document)
        document.heading("Risk and safeguarding")
        document.paragraph(RecordWording.nonBlank(client.riskNote) ?? noneRecorded)
        contacts(client, timeZone: timeZone, into: &document)
        plan(client, into: &document)
        followUps(client, into: &document)
        connections(client, assets: assets, into: &document)
        document.heading("The record")
        document.field("Record id", client.id.uuidString)
        document.field("Created", RecordWording.dateTime(client.createdAt, in: timeZone))
        document.field("Last updated", RecordWording.dateTime(client.updatedAt, in: timeZone))
        document.field("Record layout version", String(client.schemaVersion))
        changes(audit, timeZone: timeZone, into: &document)
        document.heading("About this copy")
        document.paragraph(about(client, format: .markdown, context: context))
        return document
    }

    static func yesNo(_ value: Bool) -> String { value ? "Yes" : "No" }

    private static func personalDetails(_ client: Client, into document: inout RecordDocument) {
        document.heading("Personal details")
        document.field("Name", client.name)
        document.field("Known as", RecordWording.knownAs(client))
        document.field("Date of birth", RecordWording.dateOfBirth(client))
        document.field("NHS number", RecordWording.nhsNumber(client))
        document.field("Phone", RecordWording.nonBlank(client.phone) ?? RecordWording.notRecorded)
        document.field("Email", RecordWording.nonBlank(client.email) ?? RecordWording.notRecorded)
        document.field("Address", RecordWording.nonBlank(client.address) ?? RecordWording.notRecorded)
        document.field("Preferred contact", client.preferredContact?.label ?? RecordWording.notRecorded)
        document.field("GP practice", client.practice)
        document.field("Reference", client.reference)
    }

    private static func referral(_ referral: Referral, into document: inout RecordDocument) {
        document.heading("Referral")
        document.field("Date", DateStyle.letter(referral.date))
        document.field("Referred by", RecordWording.nonBlank(referral.referrerName) ?? RecordWording.notRecorded)
        document.field("Referrer's role", referral.referrerRole.label)
        document.field("Reason", RecordWording.nonBlank(referral.reason) ?? RecordWording.notRecorded)
        document.field("Areas of need", referral.needs.isEmpty ? RecordWording.notRecorded
            : referral.needs.map(\.label).joined(separator: "; "))
        document.field("Agreed to be contacted", yesNo(referral.consentToContact))
        document.field("Agreed to share with the referrer", referral.consentToShare.map(yesNo) ?? "Not asked")
    }

    private static func status(_ client: Client, into document: inout RecordDocument) {
        document.heading("Status")
        document.field("Current status", client.status.label)
        document.field("First contact", client.firstContactDate.map(DateStyle.letter) ?? "Not yet")
        document.field("To discuss in supervision", yesNo(client.discussInSupervision))
        document.subheading("Status history")
        if client.statusHistory.isEmpty { document.paragraph(noneRecorded) }
        for change in client.statusHistory {
            let note = RecordWording.nonBlank(change.note).map { ". " + $0 } ?? ""
            document.bullet("\(DateStyle.letter(change.date)): \(change.from.label) to \(change.to.label)\(note)")
        }
        document.heading("Discharge")
        guard let discharge = client.discharge else {
            document.paragraph("Not discharged.")
            return
        }
        document.field("Date", DateStyle.letter(discharge.date))
        document.field("Reason", discharge.reason.label)
        document.field("Note", discharge.note)
    }

    private static func contacts(_ client: Client, timeZone: TimeZone, into document: inout RecordDocument) {
        document.heading("Contacts (\(client.contacts.count))")
        if client.contacts.isEmpty { document.paragraph(noneRecorded) }
        for contact in client.contacts {
            document.subheading("\(RecordWording.dateTime(contact.at, in: timeZone)): \(contact.kind.label)")
            document.field("Mode", contact.mode.label)
            document.field("Attempt method", contact.attemptMethod?.label)
            document.field("Duration", contact.durationMinutes.map(RecordWording.duration))
            document.field("Notes", contact.notes)
            document.field("Completed follow-up", contact.followUpID.flatMap { id in
                client.followUps.first { $0.id == id }.map { "\($0.purpose) (due \(DateStyle.letter($0.due)))" }
            })
            if let heard = contact.whatMatters {
                document.field("What matters", heard.whatMatters)
                document.field("Strengths", heard.strengths)
                document.field("Concerns", heard.concerns.map { concern in
                    concern.need.label + (RecordWording.nonBlank(concern.note).map { ": " + $0 } ?? "")
                }.joined(separator: "\n"))
                document.field("Risks", heard.risks)
                document.field("Next steps", heard.nextSteps)
            }
            if let ons4 = contact.ons4 {
                for item in ONS4Item.allCases { document.bullet("ONS4 " + MeasureWording.ons4Answer(item, ons4[item])) }
            }
            if let swemwbs = contact.swemwbs {
                for (statement, answer) in zip(SWEMWBS.items, swemwbs.answers) {
                    document.bullet("SWEMWBS \"\(statement)\": \(SWEMWBS.answerLabels[answer - 1]) (\(answer))")
                }
                document.bullet(MeasureWording.swemwbsScore(swemwbs))
            }
        }
        if client.contacts.contains(where: { $0.ons4 != nil }) { document.remark(ONS4.citation) }
        if client.contacts.contains(where: { $0.swemwbs != nil }) { document.remark(SWEMWBS.copyright) }
    }
}
