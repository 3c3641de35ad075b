import Foundation

/// What the caseload list needs of a client, and nothing more: a row, its sort keys, the status
/// counts and the search by name, reference or NHS number. Small enough to keep in a cache file, so
/// a large caseload shows its list before every client file has been decoded.
public struct ClientSummary: Identifiable, Hashable, Sendable {
    public var id: UUID
    public var reference: String {
        didSet { refreshSearchKey() }
    }
    public var name: String {
        didSet {
            foldedName = SearchFolding.fold(name)
            refreshSearchKey()
        }
    }
    /// The name folded for sorting, and the key the list's search compares: kept because folding
    /// every name on each sort or search is most of the cost of showing a large caseload, and
    /// made where the summary is made, which for a large caseload is on every core at once.
    public private(set) var foldedName: String
    public private(set) var searchKey: ClientSearchKey
    public var preferredName: String? {
        didSet { refreshSearchKey() }
    }
    public var nhsNumber: NHSNumber? {
        didSet { refreshSearchKey() }
    }
    public var practice: String
    public var status: ClientStatus
    public var referralDate: CalendarDate
    public var firstContactDate: CalendarDate?
    public var hasRisk: Bool
    public var discussInSupervision: Bool
    /// The day the soonest scheduled follow-up is due; whether it is overdue depends on today.
    public var nextFollowUpDue: CalendarDate?
    public var updatedAt: Date

    public init(id: UUID, reference: String, name: String, preferredName: String? = nil, nhsNumber: NHSNumber? = nil,
                practice: String, status: ClientStatus, referralDate: CalendarDate, firstContactDate: CalendarDate? = nil,
                hasRisk: Bool = false, discussInSupervision: Bool = false, nextFollowUpDue: CalendarDate? = nil,
                updatedAt: Date, foldedName: String? = nil) {
        self.id = id
        self.reference = reference
        self.name = name
        self.foldedName = foldedName ?? SearchFolding.fold(name)
        self.preferredName = preferredName
        self.nhsNumber = nhsNumber
        self.practice = practice
        self.status = status
        self.referralDate = referralDate
        self.firstContactDate = firstContactDate
        self.hasRisk = hasRisk
        self.discussInSupervision = discussInSupervision
        self.nextFollowUpDue = nextFollowUpDue
        self.updatedAt = updatedAt
        self.searchKey = ClientSearchKey(foldedName: self.foldedName, preferredName: preferredName, reference: reference,
                                         nhsNumber: nhsNumber)
    }

    private mutating func refreshSearchKey() {
        searchKey = ClientSearchKey(foldedName: foldedName, preferredName: preferredName, reference: reference,
                                    nhsNumber: nhsNumber)
    }

    /// As `Client.displayName`.
    public var displayName: String {
        ClientNaming.displayName(name: name, preferredName: preferredName)
    }

    /// As `Client.currentWait`.
    public func currentWait(today: CalendarDate) -> Int? {
        status.isAwaitingFirstContact ? daysWaiting(today: today) : nil
    }

    /// As `Client.daysWaiting`.
    public func daysWaiting(today: CalendarDate) -> Int? {
        WaitingDays.days(referral: referralDate, firstContact: firstContactDate, status: status, today: today)
    }

    /// A follow-up is overdue when it is still scheduled and its day has passed.
    public func isFollowUpOverdue(today: CalendarDate) -> Bool {
        nextFollowUpDue.map { $0 < today } ?? false
    }
}

extension Client {
    public var summary: ClientSummary {
        ClientSummary(id: id, reference: reference, name: name, preferredName: preferredName.flatMap { $0.isEmpty ? nil : $0 },
                      nhsNumber: nhsNumber,
                      practice: practice, status: status, referralDate: referral.date,
                      firstContactDate: firstContactDate, hasRisk: hasRisk, discussInSupervision: discussInSupervision,
                      nextFollowUpDue: nextFollowUp?.due, updatedAt: updatedAt)
    }
}

/// The name to greet a person by, shared by clients and their summaries.
enum ClientNaming {
    static func displayName(name: String, preferredName: String?) -> String {
        guard let preferred = preferredName, !preferred.isEmpty, preferred != name else { return name }
        return "\(name) (\(preferred))"
    }
}

/// Days from referral to first contact, or to today while the person is still waiting; nil once
/// discharged without ever being reached. Shared by clients and their summaries.
enum WaitingDays {
    static func days(referral: CalendarDate, firstContact: CalendarDate?, status: ClientStatus,
                     today: CalendarDate) -> Int? {
        if let firstContact { return max(0, referral.days(until: firstContact)) }
        guard status.isAwaitingFirstContact else { return nil }
        return max(0, referral.days(until: today))
    }
}
