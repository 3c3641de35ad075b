import CaseloadKit
import Foundation

/// One bar of a report's chart: a category and how many it counted.
public struct ReportBar: Hashable, Sendable {
    public var label: String
    public var count: Int

    public init(label: String, count: Int) {
        self.label = label
        self.count = count
    }
}

/// One figure of a report, already worded: "Median wait to first contact", "4.5 days".
public struct ReportFact: Hashable, Sendable {
    public var label: String
    public var value: String

    public init(label: String, value: String) {
        self.label = label
        self.value = value
    }
}

/// One part of the caseload report: figures as lines, then one bar chart.
public struct ReportSection: Hashable, Sendable {
    public var title: String
    public var facts: [ReportFact]
    /// In `CaseloadReport.barOrder`.
    public var bars: [ReportBar]
    /// How the figures were counted, or that there is nothing to count; nil when the title says it all.
    public var note: String?
    /// What the bars are counted by ("Practice"), for a table's column heading; empty when there are no bars.
    public var barsHeading: String

    public init(title: String, facts: [ReportFact] = [], bars: [ReportBar] = [], note: String? = nil,
                barsHeading: String = "") {
        self.title = title
        self.facts = facts
        self.bars = bars
        self.note = note
        self.barsHeading = barsHeading
    }
}

/// The median first and median latest score of the people with two or more records of a measure.
public struct WellbeingMedians: Hashable, Sendable {
    public var people: Int
    public var medianFirst: Double
    public var medianLatest: Double

    public init(people: Int, medianFirst: Double, medianLatest: Double) {
        self.people = people
        self.medianFirst = medianFirst
        self.medianLatest = medianLatest
    }
}

/// What happened on a caseload over a period, counted for the link worker's manager, the PCN and
/// commissioners: referrals, waiting times, statuses and discharges, contacts, connections to
/// community assets and wellbeing change. Built from the records alone, so the same records and
/// period always give the same report.
///
/// With a practice chosen, every figure counts only that practice's clients (exact name match).
/// Every bar list is in `barOrder` and leaves out categories with none. A figure that cannot be
/// worked out (a median of nobody) is left out of the sections; the count beside it says why.
public struct CaseloadReport: Sendable {
    /// Said once wherever the report is shown, so that every chart reads the same way.
    public static let barOrder = "Largest counts first, then alphabetical; categories with none are left out."

    public var period: ReportPeriod
    /// Nil for all practices.
    public var practice: String?

    // MARK: Referrals: clients whose referral date is in the period.

    public var referralsReceived: Int
    public var referralsByPractice: [ReportBar]
    /// `ReferrerRole.label`.
    public var referralsByRole: [ReportBar]
    /// `NeedCategory.label`: a referral with several needs counts once under each, and one with
    /// none under "No need recorded".
    public var referralsByNeed: [ReportBar]

    // MARK: Waiting: days from referral to first contact.

    /// People whose first contact date is in the period.
    public var firstReachedCount: Int
    /// Over `firstReachedCount`; the mean of the two middle waits when the count is even.
    public var waitingMedianDays: Double?
    public var longestWaitDays: Int?
    /// Referred by the period's end and neither reached nor discharged by then.
    public var stillWaitingCount: Int
    /// Of those still waiting, days from referral to the period's end.
    public var longestStillWaitingDays: Int?

    // MARK: Statuses and discharges

    /// Everyone referred by the period's end, by status on its last day (`ClientStatus.label`).
    public var statusAtEnd: [ReportBar]
    /// Of those, everyone not discharged on the period's last day.
    public var openAtEnd: Int
    /// Changes to discharged dated in the period (someone discharged twice counts twice).
    public var discharges: Int
    /// `DischargeReason.label`, or "Reason not recorded".
    public var dischargesByReason: [ReportBar]

    // MARK: Contacts dated in the period, unsuccessful attempts included.

    public var contacts: Int
    /// `ContactKind.label`.
    public var contactsByKind: [ReportBar]
    /// `ContactMode.label`.
    public var contactsByMode: [ReportBar]
    /// Different people with at least one successful contact in the period.
    public var peopleSeen: Int
    /// Total of the durations recorded, and how many contacts had one.
    public var minutesRecorded: Int
    public var contactsWithMinutes: Int

    // MARK: Connections to community assets with a change of state dated in the period.

    public var connectionsWithActivity: Int
    /// Those whose first state is dated in the period.
    public var connectionsStarted: Int
    /// By the asset's categories in the directory: an asset in several counts under each.
    public var connectionsByCategory: [ReportBar]
    /// By state on the period's last day (`ConnectionState.label`).
    public var connectionsByOutcome: [ReportBar]

    // MARK: Wellbeing: everyone with two or more records by the period's end.

    /// People with two or more ONS4 records.
    public var ons4People: Int
    /// Each question on its own, never combined; empty when `ons4People` is 0.
    public var ons4: [ONS4Item: WellbeingMedians]
    /// SWEMWBS metric scores; nil when no one has two records.
    public var swemwbs: WellbeingMedians?

    /// `timeZone` decides which day a contact's time falls on.
    public init(clients: [Client], assets: [UUID: Asset], period: ReportPeriod, practice: String?,
                timeZone: TimeZone) {
        self.period = period
        self.practice = practice
        let counted = practice.map { practice in clients.filter { $0.practice == practice } } ?? clients
        let figures = CaseloadReportFigures(clients: counted, assets: assets, period: period, timeZone: timeZone)

        referralsReceived = figures.referred.count
        referralsByPractice = figures.referralsByPractice
        referralsByRole = figures.referralsByRole
        referralsByNeed = figures.referralsByNeed

        firstReachedCount = figures.waits.count
        waitingMedianDays = Statistics.median(figures.waits)
        longestWaitDays = figures.waits.max()
        stillWaitingCount = figures.stillWaitingDays.count
        longestStillWaitingDays = figures.stillWaitingDays.max()

        statusAtEnd = figures.statusAtEnd
        openAtEnd = figures.openAtEnd
        discharges = figures.dischargeReasons.count
        dischargesByReason = .counting(figures.dischargeReasons)

        contacts = figures.contacts.count
        contactsByKind = .counting(figures.contacts.map(\.contact.kind.label))
        contactsByMode = .counting(figures.contacts.map(\.contact.mode.label))
        peopleSeen = Set(figures.contacts.filter(\.contact.kind.isSuccessful).map(\.clientID)).count
        let durations = figures.contacts.compactMap(\.contact.durationMinutes)
        minutesRecorded = durations.reduce(0, +)
        contactsWithMinutes = durations.count

        connectionsWithActivity = figures.connections.count
        connectionsStarted = figures.connections.filter { period.contains($0.started) }.count
        connectionsByCategory = figures.connectionsByCategory
        connectionsByOutcome = figures.connectionsByOutcome

        ons4People = figures.ons4Records.count
        ons4 = figures.ons4Medians
        swemwbs = figures.swemwbsMedians
    }

    /// Nothing to count: no referrals, contacts, connections, discharges or wellbeing records, and
    /// no one on the caseload by the period's end.
    public var isEmpty: Bool {
        referralsReceived == 0 && statusAtEnd.isEmpty && discharges == 0 && contacts == 0
            && connectionsWithActivity == 0 && ons4People == 0 && swemwbs == nil
    }
}
