import CaseloadKit
import Foundation

/// The letter back to the person who referred the client, following the PRSB "message back to GP
/// and referrer": reason for referral, what matters to the person, support offered, activities and
/// services referred to and their outcome, current status, and the SNOMED CT codes that apply.
/// Plain text within 80 columns, ready to paste or send.
///
/// Decisions:
/// - Unless the person agreed to share (`referral.consentToShare == true`) the letter holds only
///   what the referral needs: who it is about (name, date of birth, NHS number, reference, to file
///   it), the referral's date and referrer, the current status with its dates (and the discharge
///   reason, a status rather than a detail, but not its note), and the codes. It says whether the
///   person declined or was never asked.
/// - It never holds contact notes, connection notes or the risk note: those are working records,
///   and risk goes through safeguarding routes, not a feedback letter.
/// - A self-referral, or a referral with no referrer's name, is addressed "Dear colleague", for
///   the GP practice.
/// - With consent, wellbeing scores are summarised first to latest, with their citation lines.
public enum ReferrerFeedback {
    /// Plain text, 80 columns.
    public static func letter(client: Client, assets: [UUID: Asset], context: ExportContext) -> String {
        let today = CalendarDate(context.generatedAt, in: context.timeZone)
        var document = RecordDocument()
        document.paragraph(DateStyle.letter(today))
        document.paragraph("Dear \(addressee(client.referral)),")
        document.paragraph("Re: \(client.name), born \(RecordWording.dateOfBirth(client)), "
            + "NHS number \(RecordWording.nhsNumber(client))\nOur reference: \(client.reference)")
        if client.referral.consentToShare == true {
            document.paragraph(opening(client) + " \(client.name) has agreed that we may share this update with you.")
            sharedDetails(client, assets: assets, timeZone: context.timeZone, into: &document)
        } else {
            let asked = client.referral.consentToShare == nil ? "has not yet been asked whether they agree"
                : "has not agreed"
            document.paragraph(opening(client) + " \(client.name) \(asked) to share further details, so this "
                + "message gives only the status of the referral, its dates and codes.")
        }
        status(client, sharingDetails: client.referral.consentToShare == true, into: &document)
        codes(client, into: &document)
        document.paragraph("Please get in touch if you would like to discuss this.")
        document.paragraph("Yours sincerely,")
        document.paragraph(RecordWording.signature(context.worker))
        return document.plainText
    }

    /// `feedback-C-0042-2026-11-21.txt`.
    public static func fileName(client: Client, on date: CalendarDate) -> String {
        "feedback-\(RecordWording.fileNamePart(client.reference))-\(date.iso).txt"
    }

    /// The SNOMED CT concepts that apply to the client now: accepted when reached (firstContactDate
    /// set) and not discharged as declined; declined when discharged as declined, reached or not;
    /// none otherwise (still waiting, unable to contact).
    public static func codes(for client: Client) -> [SnomedConcept] {
        if client.status == .discharged, client.discharge?.reason == .declined { return [.socialPrescribingDeclined] }
        if client.firstContactDate != nil { return [.referralToSocialPrescribing] }
        return []
    }

    /// The day a code applies from: the first contact for the accepted referral, the discharge for
    /// a decline; nil for a concept that does not apply to the client.
    public static func codeDate(_ concept: SnomedConcept, for client: Client) -> CalendarDate? {
        guard codes(for: client).contains(concept) else { return nil }
        return concept == .socialPrescribingDeclined ? client.discharge?.date : client.firstContactDate
    }

    private static func addressee(_ referral: Referral) -> String {
        guard referral.referrerRole != .selfReferral, let name = RecordWording.nonBlank(referral.referrerName) else {
            return "colleague"
        }
        return name
    }

    /// `Thank you for referring Zoë Whitfield to social prescribing on 2 October 2026.`
    private static func opening(_ client: Client) -> String {
        let date = DateStyle.letter(client.referral.date)
        return client.referral.referrerRole == .selfReferral
            ? "\(client.name) referred themselves to social prescribing on \(date)."
            : "Thank you for referring \(client.name) to social prescribing on \(date)."
    }
}

// MARK: Sections

extension ReferrerFeedback {
    /// What only a person who agreed to share may have sent: reason, what matters, support, activities, measures.
    private static func sharedDetails(_ client: Client, assets: [UUID: Asset], timeZone: TimeZone,
                                      into document: inout RecordDocument) {
        let referral = client.referral
        document.heading("Reason for referral")
        document.field("Referred by", referral.referrerRole == .selfReferral ? "Self-referral"
            : [RecordWording.nonBlank(referral.referrerName), referral.referrerRole.label].compactMap { $0 }.joined(separator: ", "))
        document.field("Referral date", DateStyle.letter(referral.date))
        document.field("Reason", referral.reason)
        document.field("Areas of need", referral.needs.map(\.label).joined(separator: "; "))

        document.heading("What matters to the person")
        if let latest = client.contacts.last(where: { $0.whatMatters != nil }), let heard = latest.whatMatters {
            document.remark("From the what-matters conversation on \(DateStyle.letter(CalendarDate(latest.at, in: timeZone))).")
            document.paragraph(heard.whatMatters)
            document.paragraph(RecordWording.nonBlank(heard.strengths).map { "Strengths: " + $0 })
            if !heard.concerns.isEmpty {
                document.subheading("Concerns")
                for concern in heard.concerns {
                    document.bullet(concern.need.label + (RecordWording.nonBlank(concern.note).map { ": " + $0 } ?? ""))
                }
            }
        } else {
            document.paragraph("No what-matters conversation has been recorded yet.")
        }

        document.heading("Support offered")
        document.paragraph(supportOffered(client, timeZone: timeZone))
        if !client.goals.isEmpty {
            document.subheading("Goals agreed")
            for goal in client.goals { document.bullet("\(goal.text) (\(goal.progressText))") }
        }

        document.heading("Activities and services referred to")
        if client.connections.isEmpty { document.paragraph("None yet.") }
        for connection in client.connections {
            let latest = connection.latest
            document.bullet("\(RecordWording.assetName(connection, assets: assets)): \(latest.state.label), "
                + DateStyle.letter(latest.date))
        }

        wellbeing(client, timeZone: timeZone, into: &document)
    }

    /// `4 contacts from 15 October 2026 to 21 November 2026: 1 first conversation, 1 what-matters
    /// conversation and 2 reviews.`, then any unsuccessful attempts.
    private static func supportOffered(_ client: Client, timeZone: TimeZone) -> String {
        let reached = client.contacts.filter(\.kind.isSuccessful)
        let attempts = client.contacts.count - reached.count
        let attemptText = attempts == 0 ? "" : " There " + (attempts == 1 ? "was" : "were") + " also "
            + RecordWording.count(attempts, "unsuccessful attempt") + " to make contact."
        guard let first = reached.first, let latest = reached.last else {
            return "No contact has been made yet." + attemptText
        }
        let firstDay = CalendarDate(first.at, in: timeZone)
        let latestDay = CalendarDate(latest.at, in: timeZone)
        let span = firstDay == latestDay ? "on \(DateStyle.letter(firstDay))"
            : "from \(DateStyle.letter(firstDay)) to \(DateStyle.letter(latestDay))"
        let kinds = ContactKind.allCases.compactMap { kind -> String? in
            let count = reached.filter { $0.kind == kind }.count
            return count == 0 ? nil : RecordWording.count(count, kind.label.lowercased())
        }
        let kindList = kinds.count > 1 ? kinds.dropLast().joined(separator: ", ") + " and " + kinds.last! : kinds[0]
        return "\(RecordWording.count(reached.count, "contact")) \(span): \(kindList)." + attemptText
    }

    private static func wellbeing(_ client: Client, timeZone: TimeZone, into document: inout RecordDocument) {
        let ons4 = MeasureTrend.ons4(client.contacts, timeZone: timeZone)
        let swemwbs = MeasureTrend.swemwbs(client.contacts, timeZone: timeZone)
        guard !ons4.isEmpty || swemwbs != nil else { return }
        document.heading("Wellbeing measures")
        for (item, trend) in ons4 {
            document.bullet(MeasureWording.trend(item.shortLabel, trend, decimals: 0, unit: " out of 10"))
        }
        if let swemwbs {
            document.bullet(MeasureWording.trend("SWEMWBS metric score", swemwbs, decimals: MeasureWording.swemwbsDecimals))
        }
        document.remark("ONS4 answers run from 0 to 10; for anxiety a lower score is better. SWEMWBS metric "
            + "scores run from 7 to 35, higher is better.")
        if !ons4.isEmpty { document.remark(ONS4.citation) }
        if swemwbs != nil { document.remark(SWEMWBS.copyright) }
    }

    /// The status and its day, the first contact, and the discharge reason (its note only when sharing).
    private static func status(_ client: Client, sharingDetails: Bool, into document: inout RecordDocument) {
        document.heading("Current status")
        let since = DateStyle.letter(statusDate(client))
        let sentence = switch client.status {
        case .waiting: "Waiting for a first contact since the referral on \(DateStyle.letter(client.referral.date))."
        case .contacting: "Trying to make contact since \(since)."
        case .active: "Receiving support since \(since)."
        case .onHold: "On hold since \(since)."
        case .discharged: "Discharged on \(since)" + (client.discharge.map { ". Reason: \($0.reason.label)." } ?? ".")
        }
        var sentences = [sentence]
        if sharingDetails, client.status == .discharged, let note = RecordWording.nonBlank(client.discharge?.note) {
            sentences.append(RecordWording.sentence(note))
        }
        if let first = client.firstContactDate {
            let days = max(0, client.referral.date.days(until: first))
            let wait = days == 0 ? "the day of the referral" : "\(RecordWording.count(days, "day")) after the referral"
            sentences.append("First contact on \(DateStyle.letter(first)), \(wait).")
        }
        document.paragraph(sentences.joined(separator: " "))
    }

    /// The discharge day; otherwise the latest change into the current status; otherwise the first
    /// contact or, failing that, the referral.
    private static func statusDate(_ client: Client) -> CalendarDate {
        if client.status == .discharged, let discharge = client.discharge { return discharge.date }
        if let change = client.statusHistory.last(where: { $0.to == client.status }) { return change.date }
        return client.firstContactDate ?? client.referral.date
    }

    private static func codes(_ client: Client, into document: inout RecordDocument) {
        document.heading("SNOMED CT")
        let concepts = codes(for: client)
        if concepts.isEmpty {
            let why = switch client.status {
            case .waiting, .contacting: "No code applies yet: the person has not been reached."
            case .discharged: "No code applies: the person was not reached before the referral was closed."
            case .active, .onHold: "No code applies: no first contact is recorded."
            }
            document.paragraph(why)
        }
        for concept in concepts {
            let when = concept == .socialPrescribingDeclined ? "when support was declined" : "first contact, when the referral was accepted"
            let date = codeDate(concept, for: client).map { "\nDate: \(DateStyle.letter($0)) (\(when))" } ?? ""
            document.paragraph(concept.expression + date)
        }
    }
}
