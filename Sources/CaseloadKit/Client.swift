import Foundation

/// One person referred to the link worker: the v1 client record.
public struct Client: Identifiable, Hashable, Sendable, Codable {
    /// The version of this record's layout. Files with a higher version are refused, never overwritten.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public let id: UUID
    /// Short human reference such as `C-0042`, unique within a caseload.
    public var reference: String

    public var name: String
    /// What the person likes to be called, when it differs from their name.
    public var preferredName: String?
    public var dateOfBirth: CalendarDate?
    public var nhsNumber: NHSNumber?
    public var phone: String?
    public var email: String?
    public var address: String?
    public var preferredContact: ContactMethod?
    public var practice: String

    public var referral: Referral

    public var status: ClientStatus
    /// Set while the status is discharged.
    public var discharge: Discharge?
    /// The day of the first successful contact; fixes the days-waited figure.
    public var firstContactDate: CalendarDate?
    public var statusHistory: [StatusChange]

    /// Risk or safeguarding information, lone-working notes. Shown prominently wherever the client is.
    public var riskNote: String
    public var discussInSupervision: Bool

    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID = UUID(), reference: String, name: String, preferredName: String? = nil,
        dateOfBirth: CalendarDate? = nil, nhsNumber: NHSNumber? = nil, phone: String? = nil,
        email: String? = nil, address: String? = nil, preferredContact: ContactMethod? = nil,
        practice: String, referral: Referral, status: ClientStatus = .waiting,
        discharge: Discharge? = nil, firstContactDate: CalendarDate? = nil,
        statusHistory: [StatusChange] = [], riskNote: String = "", discussInSupervision: Bool = false,
        createdAt: Date, updatedAt: Date? = nil
    ) {
        self.schemaVersion = Client.currentSchemaVersion
        self.id = id
        self.reference = reference
        self.name = name
        self.preferredName = preferredName
        self.dateOfBirth = dateOfBirth
        self.nhsNumber = nhsNumber
        self.phone = phone
        self.email = email
        self.address = address
        self.preferredContact = preferredContact
        self.practice = practice
        self.referral = referral
        self.status = status
        self.discharge = discharge
        self.firstContactDate = firstContactDate
        self.statusHistory = statusHistory
        self.riskNote = riskNote
        self.discussInSupervision = discussInSupervision
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    public var hasRisk: Bool { !riskNote.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

    /// The name to greet the person by.
    public var displayName: String {
        guard let preferred = preferredName, !preferred.isEmpty, preferred != name else { return name }
        return "\(name) (\(preferred))"
    }

    /// Days waiting so far while the person has not been reached yet; nil once reached or discharged.
    public func currentWait(today: CalendarDate) -> Int? {
        status.isAwaitingFirstContact ? daysWaiting(today: today) : nil
    }

    /// Days from referral to first contact, or to `today` while the person is still waiting.
    /// Nil once discharged without ever being reached.
    public func daysWaiting(today: CalendarDate) -> Int? {
        if let first = firstContactDate { return max(0, referral.date.days(until: first)) }
        guard status.isAwaitingFirstContact else { return nil }
        return max(0, referral.date.days(until: today))
    }
}

public struct Referral: Hashable, Sendable, Codable {
    public var date: CalendarDate
    public var referrerName: String
    public var referrerRole: ReferrerRole
    public var reason: String
    public var needs: [NeedCategory]
    public var consentToContact: Bool

    public init(date: CalendarDate, referrerName: String = "", referrerRole: ReferrerRole = .gp,
                reason: String = "", needs: [NeedCategory] = [], consentToContact: Bool = true) {
        self.date = date
        self.referrerName = referrerName
        self.referrerRole = referrerRole
        self.reason = reason
        self.needs = needs
        self.consentToContact = consentToContact
    }
}

public struct Discharge: Hashable, Sendable, Codable {
    public var reason: DischargeReason
    public var date: CalendarDate
    public var note: String

    public init(reason: DischargeReason, date: CalendarDate, note: String = "") {
        self.reason = reason
        self.date = date
        self.note = note
    }
}

/// A dated change of status, kept so that discharges and reopenings stay on record.
public struct StatusChange: Hashable, Sendable, Codable {
    public var date: CalendarDate
    public var from: ClientStatus
    public var to: ClientStatus
    public var note: String

    public init(date: CalendarDate, from: ClientStatus, to: ClientStatus, note: String = "") {
        self.date = date
        self.from = from
        self.to = to
        self.note = note
    }
}
