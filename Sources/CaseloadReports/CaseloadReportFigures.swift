import CaseloadKit
import Foundation

/// The caseload report's counting, over clients already narrowed to the chosen practice.
struct CaseloadReportFigures {
    static let noNeedRecorded = "No need recorded"
    static let practiceNotRecorded = "Practice not recorded"
    static let reasonNotRecorded = "Reason not recorded"
    static let assetMissing = "Asset no longer in the directory"
    static let uncategorised = "Uncategorised"

    /// Clients whose referral date is in the period.
    let referred: [Client]
    let referralsByPractice: [ReportBar]
    let referralsByRole: [ReportBar]
    let referralsByNeed: [ReportBar]

    /// Days from referral to first contact, for each client first reached in the period.
    let waits: [Int]
    /// Days from referral to the period's end, for each client still waiting then.
    let stillWaitingDays: [Int]

    let statusAtEnd: [ReportBar]
    let openAtEnd: Int
    /// One reason label per discharge dated in the period.
    let dischargeReasons: [String]

    let contacts: [(clientID: UUID, contact: Contact)]

    let connections: [Connection]
    let connectionsByCategory: [ReportBar]
    let connectionsByOutcome: [ReportBar]

    /// The first and latest ONS4 record of each client with two or more by the period's end.
    let ons4Records: [(first: ONS4, latest: ONS4)]
    let ons4Medians: [ONS4Item: WellbeingMedians]
    let swemwbsMedians: WellbeingMedians?

    init(clients: [Client], assets: [UUID: Asset], period: ReportPeriod, timeZone: TimeZone) {
        let end = period.to

        referred = clients.filter { period.contains($0.referral.date) }
        referralsByPractice = .counting(referred.map {
            $0.practice.trimmingCharacters(in: .whitespaces).isEmpty ? Self.practiceNotRecorded : $0.practice
        })
        referralsByRole = .counting(referred.map(\.referral.referrerRole.label))
        referralsByNeed = .counting(referred.flatMap { client in
            client.referral.needs.isEmpty ? [Self.noNeedRecorded] : client.referral.needs.uniqued().map(\.label)
        })

        waits = clients.compactMap { client in
            guard let first = client.firstContactDate, period.contains(first) else { return nil }
            return max(0, client.referral.date.days(until: first))
        }
        stillWaitingDays = clients.compactMap { client in
            guard client.referral.date <= end, client.status(on: end) != .discharged else { return nil }
            if let first = client.firstContactDate, first <= end { return nil }
            return client.referral.date.days(until: end)
        }

        let statuses = clients.filter { $0.referral.date <= end }.map { $0.status(on: end) }
        statusAtEnd = .counting(statuses.map(\.label))
        openAtEnd = statuses.filter { $0 != .discharged }.count
        dischargeReasons = clients.flatMap { client in
            client.statusHistory
                .filter { $0.to == .discharged && period.contains($0.date) }
                .map { client.dischargeReason(for: $0) }
        }

        contacts = clients.flatMap { client in
            client.contacts
                .filter { period.contains(CalendarDate($0.at, in: timeZone)) }
                .map { (client.id, $0) }
        }

        connections = clients.flatMap(\.connections).filter { $0.history.contains { period.contains($0.date) } }
        connectionsByCategory = .counting(connections.flatMap { connection in
            guard let asset = assets[connection.assetID] else { return [Self.assetMissing] }
            return asset.categories.isEmpty ? [Self.uncategorised] : asset.categories.uniqued().map(\.label)
        })
        // Every connection counted here has an event in the period, so one dated by its end.
        connectionsByOutcome = .counting(connections.compactMap { connection in
            connection.history.last { $0.date <= end }?.state.label
        })

        let recordsByEnd = clients.map { client in
            client.contacts.filter { CalendarDate($0.at, in: timeZone) <= end }
        }
        ons4Records = recordsByEnd.compactMap { contacts in
            let records = contacts.compactMap(\.ons4)
            guard records.count >= 2 else { return nil }
            return (records[0], records[records.count - 1])
        }
        var ons4Medians: [ONS4Item: WellbeingMedians] = [:]
        for item in ONS4Item.allCases {
            ons4Medians[item] = WellbeingMedians(
                firsts: ons4Records.map { Double($0.first[item]) },
                latests: ons4Records.map { Double($0.latest[item]) })
        }
        self.ons4Medians = ons4Medians
        let swemwbsRecords = recordsByEnd.map { $0.compactMap(\.swemwbs?.metricScore) }.filter { $0.count >= 2 }
        swemwbsMedians = WellbeingMedians(firsts: swemwbsRecords.map { $0[0] },
                                          latests: swemwbsRecords.map { $0[$0.count - 1] })
    }
}

extension WellbeingMedians {
    /// Nil when there is nobody to take the median of.
    fileprivate init?(firsts: [Double], latests: [Double]) {
        guard let first = Statistics.median(firsts), let latest = Statistics.median(latests) else { return nil }
        self.init(people: firsts.count, medianFirst: first, medianLatest: latest)
    }
}

extension [ReportBar] {
    /// One bar per distinct label, in `CaseloadReport.barOrder`: largest count first, then
    /// alphabetical ignoring case.
    static func counting(_ labels: [String]) -> [ReportBar] {
        var counts: [String: Int] = [:]
        for label in labels { counts[label, default: 0] += 1 }
        return counts.map { ReportBar(label: $0.key, count: $0.value) }.sorted {
            ($1.count, $0.label.lowercased(), $0.label) < ($0.count, $1.label.lowercased(), $1.label)
        }
    }
}

extension Array where Element: Hashable {
    /// The first of each repeated element, in order: a category listed twice still counts once.
    fileprivate func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}

extension Client {
    /// The status on `date` as the history records it: the latest change dated on or before it;
    /// before any change, where the first change started from; with no history, the status now.
    fileprivate func status(on date: CalendarDate) -> ClientStatus {
        // Stable sort by date, so changes on the same day keep the order they were made in.
        let changes = statusHistory.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
        if let latest = changes.last(where: { $0.element.date <= date }) { return latest.element.to }
        return changes.first?.element.from ?? status
    }

    /// Why `change` (a change to discharged) happened: the current discharge's reason when it is
    /// that discharge, else the reason label the discharge wrote in the change's note.
    fileprivate func dischargeReason(for change: StatusChange) -> String {
        if let discharge, discharge.date == change.date { return discharge.reason.label }
        let note = change.note.trimmingCharacters(in: .whitespacesAndNewlines)
        return DischargeReason.allCases.first { $0.label == note }?.label ?? CaseloadReportFigures.reasonNotRecorded
    }
}
