import CaseloadKit
import Foundation

/// One wellbeing score and the day it was recorded.
struct MeasureReading {
    var value: Double
    var date: CalendarDate
}

/// The first and latest readings of one wellbeing measure over some contacts: the logic of
/// `Client.ons4Summary()` and `swemwbsSummary()`, with the days, so documents can say when.
/// The four ONS4 questions are always kept apart, never combined.
struct MeasureTrend {
    var first: MeasureReading
    var latest: MeasureReading
    var count: Int

    /// `latest - first`. For anxiety a fall is the improvement.
    var change: Double { latest.value - first.value }

    /// Nil for no readings; `readings` are in time order.
    init?(_ readings: [MeasureReading]) {
        guard let first = readings.first, let latest = readings.last else { return nil }
        self.first = first
        self.latest = latest
        self.count = readings.count
    }

    /// Each ONS4 question recorded at least once in `contacts` (oldest first), in question order.
    static func ons4(_ contacts: some Sequence<Contact>, timeZone: TimeZone) -> [(item: ONS4Item, trend: MeasureTrend)] {
        let recorded = contacts.compactMap { contact in contact.ons4.map { (answers: $0, date: CalendarDate(contact.at, in: timeZone)) } }
        return ONS4Item.allCases.compactMap { item in
            MeasureTrend(recorded.map { MeasureReading(value: Double($0.answers[item]), date: $0.date) }).map { (item, $0) }
        }
    }

    /// SWEMWBS metric scores in `contacts` (oldest first).
    static func swemwbs(_ contacts: some Sequence<Contact>, timeZone: TimeZone) -> MeasureTrend? {
        MeasureTrend(contacts.compactMap { contact in
            contact.swemwbs.map { MeasureReading(value: $0.metricScore, date: CalendarDate(contact.at, in: timeZone)) }
        })
    }
}

/// How wellbeing scores read in documents. ONS4 answers are whole numbers 0-10; SWEMWBS metric
/// scores have two decimals, as in the published conversion table. Changes read as "up from" or
/// "down from" the first reading, leaving the reader to judge them (for anxiety, down is better).
enum MeasureWording {
    static let swemwbsDecimals = 2

    /// `Life satisfaction: 6 out of 10 (Medium)`.
    static func ons4Answer(_ item: ONS4Item, _ answer: Int) -> String {
        "\(item.shortLabel): \(answer) out of 10 (\(item.band(answer)))"
    }

    /// `SWEMWBS metric score: 21.54 (raw score 24 of 35)`.
    static func swemwbsScore(_ swemwbs: SWEMWBS) -> String {
        "SWEMWBS metric score: \(RecordWording.score(swemwbs.metricScore, decimals: swemwbsDecimals)) "
            + "(raw score \(swemwbs.rawScore) of 35)"
    }

    /// Said once under scores compared with their first reading.
    static let sinceFirstNote = "Changes are from the first time each measure was recorded."

    /// `, up from 3 on 15 October 2026` (the first reading), or nothing when there is no earlier one.
    static func sinceFirst(_ trend: MeasureTrend?, decimals: Int) -> String {
        guard let trend, trend.count > 1 else { return "" }
        return ", \(movement(trend, decimals: decimals)) on \(DateStyle.letter(trend.first.date))"
    }

    /// `Life satisfaction: 6 out of 10 on 21 November 2026, up from 3 on 15 October 2026`, or the
    /// one reading with its day.
    static func trend(_ label: String, _ trend: MeasureTrend, decimals: Int, unit: String = "") -> String {
        let latest = "\(label): \(RecordWording.score(trend.latest.value, decimals: decimals))\(unit) on "
            + DateStyle.letter(trend.latest.date)
        guard trend.count > 1 else { return latest }
        return "\(latest), \(movement(trend, decimals: decimals)) on \(DateStyle.letter(trend.first.date))"
    }

    /// `up from 3`, `down from 7`, `unchanged from 5`: the first reading and which way it moved.
    private static func movement(_ trend: MeasureTrend, decimals: Int) -> String {
        let first = RecordWording.score(trend.first.value, decimals: decimals)
        let latest = RecordWording.score(trend.latest.value, decimals: decimals)
        if first == latest { return "unchanged from \(first)" }
        return (trend.change > 0 ? "up" : "down") + " from \(first)"
    }
}
