import CaseloadKit
import Foundation

/// The main export: what happened at one contact, for the client's record and the GP.
///
/// Decisions, as a link worker and a GP would expect them:
/// - "What matters" and concerns come from this contact's what-matters conversation, otherwise from
///   the most recent one before it, named by its day; left out when there has been none.
/// - Agreed actions are this contact's next steps, then the action plan's goals agreed on or before
///   the contact's day, with progress and the steps still open. Goals keep no history, so progress
///   is as the plan stands when the summary is made; the summary says so when that is a later day.
/// - Connections made or changed are the connection events dated on the contact's day.
/// - Measures are those recorded at this contact, each with its first reading and the change when it
///   was recorded before (over this contact and earlier ones only). The ONS citation and the
///   SWEMWBS copyright line appear wherever the scores do.
/// - "Risk or safeguarding" comes near the top, and only when there is something to say: the
///   client's risk note, or risks raised in the what-matters conversation the summary draws on.
///   The summary is for the record and the GP, who need to see it.
/// - The next follow-up is the earliest still scheduled on or after the contact's day; "None
///   scheduled" is said plainly rather than left out.
/// - An unsuccessful attempt gets a short summary: who, when, how it was tried, notes, risk, and the
///   next follow-up (usually the next try). Nothing else changed at an attempt.
public enum SessionSummary {
    /// The formats a session summary is written in. Any other asked for gives plain text.
    public static let formats: [DocumentFormat] = [.markdown, .text, .json]

    /// The contact summarised when none is chosen: the latest, an unsuccessful attempt included,
    /// since that is what the link worker has just recorded. Nil when there are no contacts.
    public static func defaultContact(of client: Client) -> Contact? {
        client.contacts.last
    }

    /// Nil when the client has no contact with that id.
    public static func render(client: Client, contactID: UUID, assets: [UUID: Asset], format: DocumentFormat,
                              context: ExportContext) -> String? {
        guard let facts = SessionFacts(client: client, contactID: contactID, assets: assets, context: context) else { return nil }
        return format == .json ? json(facts) : document(facts).rendered(as: format)
    }

    /// `session-C-0042-2026-11-21-1430.md`: the reference and the contact's day and time in
    /// `timeZone`, so two contacts on one day never overwrite each other's summary.
    public static func fileName(client: Client, contact: Contact, format: DocumentFormat, timeZone: TimeZone) -> String {
        let day = CalendarDate(contact.at, in: timeZone)
        let time = DocumentText.time(contact.at, in: timeZone).replacingOccurrences(of: ":", with: "")
        return "session-\(RecordWording.fileNamePart(client.reference))-\(day.iso)-\(time).\(writtenFormat(format).rawValue)"
    }

    /// The format a document asked for in `format` is written in.
    static func writtenFormat(_ format: DocumentFormat) -> DocumentFormat {
        formats.contains(format) ? format : .text
    }

    /// The summary as blocks, for Markdown and plain text alike.
    static func document(_ facts: SessionFacts) -> RecordDocument {
        let client = facts.client
        let contact = facts.contact
        var document = RecordDocument()
        document.title(facts.isAttempt ? "Social prescribing: unsuccessful contact attempt" : "Social prescribing session summary")
        identity(client, into: &document)

        document.heading(facts.isAttempt ? "Attempt" : "Contact")
        document.field("Date", RecordWording.dateTime(contact.at, in: facts.context.timeZone))
        if !facts.isAttempt { document.field("Type", contact.kind.label) }
        document.field(facts.isAttempt ? "Method" : "Mode", RecordWording.means(of: contact))
        document.field("Duration", contact.durationMinutes.map(RecordWording.duration))
        document.field("Follow-up done", facts.completedFollowUp.map { "\($0.purpose) (due \(DateStyle.letter($0.due)))" })

        risk(facts, into: &document)
        if let notes = RecordWording.nonBlank(contact.notes) {
            document.heading("Notes")
            document.paragraph(notes)
        }
        if !facts.isAttempt {
            whatMatters(facts, into: &document)
            actions(facts, into: &document)
            connections(facts, into: &document)
            measures(facts, into: &document)
        }
        document.heading("Next follow-up")
        document.paragraph(facts.nextFollowUp.map(RecordWording.followUpLine) ?? "None scheduled.")
        document.heading("Link worker")
        document.paragraph(RecordWording.signature(facts.context.worker))
        document.remark(RecordWording.generated(facts.context))
        return document
    }

    /// Name, date of birth, NHS number, reference and practice: what a GP files a document by.
    static func identity(_ client: Client, into document: inout RecordDocument) {
        document.field("Name", client.name)
        document.field("Known as", RecordWording.knownAs(client))
        document.field("Date of birth", RecordWording.dateOfBirth(client))
        document.field("NHS number", RecordWording.nhsNumber(client))
        document.field("Reference", client.reference)
        document.field("Practice", client.practice)
    }

    private static func risk(_ facts: SessionFacts, into document: inout RecordDocument) {
        let raised = facts.whatMatters.flatMap { source in
            RecordWording.nonBlank(source.content.risks).map { (risks: $0, source: source) }
        }
        guard facts.riskNote != nil || raised != nil else { return }
        document.heading("Risk or safeguarding")
        document.paragraph(facts.riskNote)
        if let raised {
            let when = raised.source.isThisContact ? "this conversation"
                : "the what-matters conversation on \(DateStyle.letter(raised.source.day))"
            document.paragraph("Risks raised in \(when): \(raised.risks)")
        }
    }

    private static func whatMatters(_ facts: SessionFacts, into document: inout RecordDocument) {
        guard let source = facts.whatMatters else { return }
        document.heading("What matters to the person")
        if let note = facts.whatMattersSourceNote { document.remark(note) }
        document.paragraph(source.content.whatMatters)
        if let strengths = RecordWording.nonBlank(source.content.strengths) {
            document.paragraph("Strengths: \(strengths)")
        }
        guard !source.content.concerns.isEmpty else { return }
        document.subheading("Concerns")
        for concern in source.content.concerns {
            let note = RecordWording.nonBlank(concern.note).map { ": " + $0 } ?? ""
            document.bullet(concern.need.label + note)
        }
    }

    private static func actions(_ facts: SessionFacts, into document: inout RecordDocument) {
        guard facts.agreedNextSteps != nil || !facts.goals.isEmpty else { return }
        document.heading("Agreed actions and plan progress")
        if let steps = facts.agreedNextSteps { document.paragraph("Next steps: \(steps)") }
        guard !facts.goals.isEmpty else { return }
        if let note = facts.planProgressNote { document.remark(note) }
        for progress in facts.goals {
            document.bullet("\(progress.goal.text) (\(progress.goal.progressText))")
            for step in progress.openSteps { document.bullet(RecordWording.openStep(step), level: 1) }
        }
    }

    private static func connections(_ facts: SessionFacts, into document: inout RecordDocument) {
        guard !facts.connectionChanges.isEmpty else { return }
        document.heading("Connections made or changed")
        for change in facts.connectionChanges {
            let note = RecordWording.nonBlank(change.event.note).map { ". " + $0 } ?? ""
            document.bullet("\(change.assetName): \(change.event.state.label)\(note)")
        }
    }

    private static func measures(_ facts: SessionFacts, into document: inout RecordDocument) {
        guard !facts.ons4.isEmpty || facts.swemwbs != nil else { return }
        document.heading("Measures recorded")
        for answer in facts.ons4 {
            document.bullet(MeasureWording.ons4Answer(answer.item, answer.answer)
                + MeasureWording.sinceFirst(answer.trend, decimals: 0))
        }
        if let swemwbs = facts.swemwbs {
            document.bullet(MeasureWording.swemwbsScore(swemwbs.score)
                + MeasureWording.sinceFirst(swemwbs.trend, decimals: MeasureWording.swemwbsDecimals))
        }
        let trends = facts.ons4.map(\.trend) + [facts.swemwbs?.trend]
        if trends.contains(where: { ($0?.count ?? 0) > 1 }) { document.remark(MeasureWording.sinceFirstNote) }
        if !facts.ons4.isEmpty { document.remark(ONS4.citation) }
        if facts.swemwbs != nil { document.remark(SWEMWBS.copyright) }
    }
}
