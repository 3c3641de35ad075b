import Foundation

/// The contact form as typed. Text fields hold raw strings so that half-typed input survives until
/// it is fixed; Codable so that an unsaved form can be written to a recovery file.
public struct ContactDraft: Hashable, Sendable, Codable {
    /// Any form `DateStyle.parse` reads, such as `21-Nov-2026`.
    public var date: String
    /// 24-hour `14:30` or `9:05`.
    public var time: String
    public var kind: ContactKind
    public var mode: ContactMode
    /// Whole minutes; optional.
    public var duration: String
    /// Used only when `kind` is `.attempt`.
    public var attemptMethod: AttemptMethod
    public var notes: String
    /// This and the fields down to `nextSteps` are used only for a what-matters conversation.
    public var whatMatters: String
    public var strengths: String
    /// The areas discussed, one entry per need. Every listed area is recorded, with or without a
    /// note: the form starts from the referral's needs and the link worker removes those that did
    /// not come up.
    public var concerns: [Concern]
    public var risks: String
    public var nextSteps: String
    /// One answer per `ONS4Item.allCases`; all blank means not asked.
    public var ons4: [String]
    /// One answer per `SWEMWBS.items`; all blank means not asked.
    public var swemwbs: [String]
    /// The follow-up this contact completes.
    public var followUpID: UUID?

    /// A new contact with `client`, now: a first conversation until the person has been reached,
    /// then a check-in.
    public init(now: Date, timeZone: TimeZone, client: Client) {
        date = DateStyle.screen(CalendarDate(now, in: timeZone))
        time = DateStyle.time(now, in: timeZone)
        kind = client.firstContactDate == nil ? .firstConversation : .checkIn
        mode = .phone
        duration = ""
        attemptMethod = switch client.preferredContact {
        case .text: .text
        case .letter: .letter
        default: .phone
        }
        notes = ""
        whatMatters = ""
        strengths = ""
        concerns = client.referral.needs.map { Concern(need: $0) }
        risks = ""
        nextSteps = ""
        ons4 = Self.blank(ONS4Item.allCases.count)
        swemwbs = Self.blank(SWEMWBS.items.count)
        followUpID = nil
    }

    /// The form for correcting `contact`.
    public init(contact: Contact, timeZone: TimeZone) {
        date = DateStyle.screen(CalendarDate(contact.at, in: timeZone))
        time = DateStyle.time(contact.at, in: timeZone)
        kind = contact.kind
        mode = contact.mode
        duration = contact.durationMinutes.map(String.init) ?? ""
        attemptMethod = contact.attemptMethod ?? .phone
        notes = contact.notes
        whatMatters = contact.whatMatters?.whatMatters ?? ""
        strengths = contact.whatMatters?.strengths ?? ""
        concerns = contact.whatMatters?.concerns ?? []
        risks = contact.whatMatters?.risks ?? ""
        nextSteps = contact.whatMatters?.nextSteps ?? ""
        ons4 = contact.ons4.map { answers in ONS4Item.allCases.map { String(answers[$0]) } }
            ?? Self.blank(ONS4Item.allCases.count)
        swemwbs = contact.swemwbs?.answers.map(String.init) ?? Self.blank(SWEMWBS.items.count)
        followUpID = contact.followUpID
    }

    /// Why the draft could not become a contact: one message per field at fault.
    public struct Problems: Error, Equatable, Sendable, CustomStringConvertible {
        public let messages: [ContactField: String]

        public var description: String {
            ContactField.allCases.compactMap { messages[$0] }.joined(separator: "; ")
        }
    }

    /// The contact as typed, with text trimmed. Only a what-matters conversation keeps the
    /// what-matters fields, and only an attempt keeps how it was made. Checks the form of each
    /// field; whether the contact fits the client's record (`validate`) is checked again by
    /// `Client.recording`.
    public func build(id: UUID, timeZone: TimeZone) throws(Problems) -> Contact {
        let (parsed, messages) = parse(timeZone: timeZone, example: nil)
        guard let parsed, messages.isEmpty else { throw Problems(messages: messages) }
        return Contact(
            id: id, at: parsed.at, kind: kind, mode: mode, durationMinutes: parsed.duration, notes: notes.trimmed,
            attemptMethod: kind == .attempt ? attemptMethod : nil,
            whatMatters: kind == .whatMatters ? builtWhatMatters : nil,
            ons4: parsed.ons4, swemwbs: parsed.swemwbs, followUpID: followUpID)
    }

    private var builtWhatMatters: WhatMatters {
        var seen: Set<NeedCategory> = []
        let areas = concerns.filter { seen.insert($0.need).inserted }
            .map { Concern(need: $0.need, note: $0.note.trimmed) }
        return WhatMatters(whatMatters: whatMatters.trimmed, strengths: strengths.trimmed, concerns: areas,
                           risks: risks.trimmed, nextSteps: nextSteps.trimmed)
    }

    static func blank(_ count: Int) -> [String] {
        Array(repeating: "", count: count)
    }
}
