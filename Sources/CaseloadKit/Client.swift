import Foundation

/// One person referred to the link worker, and the work done with them.
public struct Client: Identifiable, Hashable, Sendable, Codable {
    /// The version of this record's layout. Files with a higher version are refused, never overwritten.
    /// 2 added contacts, goals and follow-ups; 3 added connections to community assets; 4 added
    /// consent to share details with the referrer.
    public static let currentSchemaVersion = 4

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

    /// Oldest first, by `Contact.at`.
    public var contacts: [Contact]
    /// The action plan, in the order agreed.
    public var goals: [Goal]
    public var followUps: [FollowUp]
    /// Connections to community assets, in the order made.
    public var connections: [Connection]

    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID = UUID(), reference: String, name: String, preferredName: String? = nil,
        dateOfBirth: CalendarDate? = nil, nhsNumber: NHSNumber? = nil, phone: String? = nil,
        email: String? = nil, address: String? = nil, preferredContact: ContactMethod? = nil,
        practice: String, referral: Referral, status: ClientStatus = .waiting,
        discharge: Discharge? = nil, firstContactDate: CalendarDate? = nil,
        statusHistory: [StatusChange] = [], riskNote: String = "", discussInSupervision: Bool = false,
        contacts: [Contact] = [], goals: [Goal] = [], followUps: [FollowUp] = [],
        connections: [Connection] = [], createdAt: Date, updatedAt: Date? = nil
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
        self.contacts = contacts.sortedByTime()
        self.goals = goals
        self.followUps = followUps
        self.connections = connections
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// Reads every layout up to the current one. Version 1 files have no work yet and version 2
    /// files no connections: those lists start empty. The record is upgraded in memory, so it is written back in the current layout
    /// and an older Caseload refuses it rather than silently dropping the work.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(Int.self, forKey: .schemaVersion)
        guard version <= Client.currentSchemaVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .schemaVersion, in: container,
                debugDescription: "written by a newer version of Caseload (schema \(version))")
        }
        schemaVersion = Client.currentSchemaVersion
        id = try container.decode(UUID.self, forKey: .id)
        reference = try container.decode(String.self, forKey: .reference)
        name = try container.decode(String.self, forKey: .name)
        preferredName = try container.decodeIfPresent(String.self, forKey: .preferredName)
        dateOfBirth = try container.decodeIfPresent(CalendarDate.self, forKey: .dateOfBirth)
        nhsNumber = try container.decodeIfPresent(NHSNumber.self, forKey: .nhsNumber)
        phone = try container.decodeIfPresent(String.self, forKey: .phone)
        email = try container.decodeIfPresent(String.self, forKey: .email)
        address = try container.decodeIfPresent(String.self, forKey: .address)
        preferredContact = try container.decodeIfPresent(ContactMethod.self, forKey: .preferredContact)
        practice = try container.decode(String.self, forKey: .practice)
        referral = try container.decode(Referral.self, forKey: .referral)
        status = try container.decode(ClientStatus.self, forKey: .status)
        discharge = try container.decodeIfPresent(Discharge.self, forKey: .discharge)
        firstContactDate = try container.decodeIfPresent(CalendarDate.self, forKey: .firstContactDate)
        statusHistory = try container.decode([StatusChange].self, forKey: .statusHistory)
        riskNote = try container.decode(String.self, forKey: .riskNote)
        discussInSupervision = try container.decode(Bool.self, forKey: .discussInSupervision)
        contacts = (try container.decodeIfPresent([Contact].self, forKey: .contacts) ?? []).sortedByTime()
        goals = try container.decodeIfPresent([Goal].self, forKey: .goals) ?? []
        followUps = try container.decodeIfPresent([FollowUp].self, forKey: .followUps) ?? []
        connections = try container.decodeIfPresent([Connection].self, forKey: .connections) ?? []
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
    }

    public var hasRisk: Bool { !riskNote.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

    /// The name to greet the person by.
    public var displayName: String {
        ClientNaming.displayName(name: name, preferredName: preferredName)
    }

    /// Days waiting so far while the person has not been reached yet; nil once reached or discharged.
    public func currentWait(today: CalendarDate) -> Int? {
        status.isAwaitingFirstContact ? daysWaiting(today: today) : nil
    }

    /// Days from referral to first contact, or to `today` while the person is still waiting.
    /// Nil once discharged without ever being reached.
    public func daysWaiting(today: CalendarDate) -> Int? {
        WaitingDays.days(referral: referral.date, firstContact: firstContactDate, status: status, today: today)
    }
}

extension [Contact] {
    /// Oldest first; contacts at the same moment keep their order.
    func sortedByTime() -> [Contact] {
        enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }
}

public struct Referral: Hashable, Sendable, Codable {
    public var date: CalendarDate
    public var referrerName: String
    public var referrerRole: ReferrerRole
    public var reason: String
    public var needs: [NeedCategory]
    public var consentToContact: Bool
    /// Whether the person agreed that what happens may be shared with the referrer; nil when not
    /// asked. Feedback to the referrer holds only codes, status and dates unless this is true.
    public var consentToShare: Bool?

    public init(date: CalendarDate, referrerName: String = "", referrerRole: ReferrerRole = .gp,
                reason: String = "", needs: [NeedCategory] = [], consentToContact: Bool = true,
                consentToShare: Bool? = nil) {
        self.date = date
        self.referrerName = referrerName
        self.referrerRole = referrerRole
        self.reason = reason
        self.needs = needs
        self.consentToContact = consentToContact
        self.consentToShare = consentToShare
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
