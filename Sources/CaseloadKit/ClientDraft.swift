import Foundation

/// The add/edit client form as typed: text fields hold raw strings so that half-typed input
/// survives until it is fixed; choice fields hold their values. Turning a draft into a `Client`
/// validates it first, so an invalid client can never be built. Codable so that an unsaved form
/// can be written to a recovery file.
public struct ClientDraft: Hashable, Sendable, Codable {
    public var name = ""
    public var preferredName = ""
    /// Any form `DateStyle.parse` reads; optional.
    public var dateOfBirth = ""
    /// With or without spaces; optional.
    public var nhsNumber = ""
    public var phone = ""
    public var email = ""
    public var address = ""
    public var preferredContact: ContactMethod?
    public var practice = ""
    /// Any form `DateStyle.parse` reads; required.
    public var referralDate = ""
    public var referrerName = ""
    public var referrerRole: ReferrerRole = .gp
    public var reason = ""
    public var needs: Set<NeedCategory> = []
    /// Nil until answered: consent is never assumed.
    public var consent: Bool?
    /// Nil while not asked: feedback to the referrer then holds only what the referral needs.
    public var consentToShare: Bool?
    public var riskNote = ""
    public var discussInSupervision = false

    /// A blank form, optionally with the referral date and practice filled in.
    public init(referralDate: CalendarDate? = nil, practice: String = "") {
        self.referralDate = referralDate.map(DateStyle.screen) ?? ""
        self.practice = practice
    }

    /// The form for editing `client`.
    public init(client: Client) {
        name = client.name
        preferredName = client.preferredName ?? ""
        dateOfBirth = client.dateOfBirth.map(DateStyle.screen) ?? ""
        nhsNumber = client.nhsNumber?.formatted ?? ""
        phone = client.phone ?? ""
        email = client.email ?? ""
        address = client.address ?? ""
        preferredContact = client.preferredContact
        practice = client.practice
        referralDate = DateStyle.screen(client.referral.date)
        referrerName = client.referral.referrerName
        referrerRole = client.referral.referrerRole
        reason = client.referral.reason
        needs = Set(client.referral.needs)
        consent = client.referral.consentToContact
        consentToShare = client.referral.consentToShare
        riskNote = client.riskNote
        discussInSupervision = client.discussInSupervision
    }

    /// Why the draft could not become a client: one message per field at fault.
    public struct Problems: Error, Equatable, Sendable {
        public let messages: [DraftField: String]
    }

    /// A new client on the waiting list, created `now`.
    public func newClient(id: UUID = UUID(), reference: String, today: CalendarDate,
                          now: Date) throws(Problems) -> Client {
        let values = try checked(today: today, editing: nil)
        var client = Client(id: id, reference: reference, name: "", practice: "",
                            referral: Referral(date: values.referralDate), createdAt: now)
        fill(&client, with: values)
        return client
    }

    /// `client` with the draft's fields. Identity, reference, status, history and creation time
    /// are kept; `updatedAt` moves to `now` only if something changed.
    public func applied(to client: Client, today: CalendarDate, now: Date) throws(Problems) -> Client {
        let values = try checked(today: today, editing: client)
        var changed = client
        fill(&changed, with: values)
        guard changed != client else { return client }
        changed.updatedAt = now
        return changed
    }

    private func checked(today: CalendarDate, editing client: Client?) throws(Problems) -> Parsed {
        let (values, messages) = parse(today: today, editing: client)
        guard let values, messages.isEmpty else { throw Problems(messages: messages) }
        return values
    }

    private func fill(_ client: inout Client, with values: Parsed) {
        client.name = Self.trimmed(name)
        client.preferredName = Self.optional(preferredName)
        client.dateOfBirth = values.dateOfBirth
        client.nhsNumber = values.nhsNumber
        client.phone = Self.optional(phone)
        client.email = Self.optional(email)
        client.address = Self.optional(address)
        client.preferredContact = preferredContact
        client.practice = Self.trimmed(practice)
        client.referral.date = values.referralDate
        client.referral.referrerName = Self.trimmed(referrerName)
        client.referral.referrerRole = referrerRole
        client.referral.reason = Self.trimmed(reason)
        client.referral.needs = Self.ordered(needs, keeping: client.referral.needs)
        client.referral.consentToContact = values.consent
        client.referral.consentToShare = consentToShare
        client.riskNote = Self.trimmed(riskNote)
        client.discussInSupervision = discussInSupervision
    }

    /// Needs already recorded keep their order, so saving an untouched form changes nothing;
    /// new ones follow in the standard order.
    private static func ordered(_ needs: Set<NeedCategory>, keeping existing: [NeedCategory]) -> [NeedCategory] {
        let kept = existing.filter(needs.contains)
        return kept + NeedCategory.allCases.filter { needs.contains($0) && !kept.contains($0) }
    }

    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func optional(_ text: String) -> String? {
        let value = trimmed(text)
        return value.isEmpty ? nil : value
    }
}
