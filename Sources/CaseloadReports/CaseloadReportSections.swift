import CaseloadKit
import Foundation

extension CaseloadReport {
    /// The figures worded for reading, in reading order: the TUI draws each section's facts as
    /// lines and its bars as a horizontal bar chart, and every document format writes the same.
    public var sections: [ReportSection] {
        [referralSection, roleSection, needSection, waitingSection, statusSection, dischargeSection,
         contactSection, modeSection, connectionSection, outcomeSection, wellbeingSection]
    }

    /// "All practices" or the practice chosen.
    public var practiceText: String { practice ?? "All practices" }

    private var endText: String { DateStyle.letter(period.to) }

    private var referralSection: ReportSection {
        ReportSection(title: "Referrals received",
                      facts: [ReportFact(label: "Total", value: "\(referralsReceived)")],
                      bars: referralsByPractice,
                      note: "Clients whose referral date falls in the period.",
                      barsHeading: "Practice")
    }

    private var roleSection: ReportSection {
        ReportSection(title: "Referrals by referrer role", bars: referralsByRole,
                      note: referralsReceived == 0 ? "No referrals in the period." : nil,
                      barsHeading: "Referrer role")
    }

    private var needSection: ReportSection {
        ReportSection(title: "Referrals by need", bars: referralsByNeed,
                      note: referralsReceived == 0
                          ? "No referrals in the period."
                          : "A referral with several needs counts once under each.",
                      barsHeading: "Need")
    }

    private var waitingSection: ReportSection {
        var facts = [ReportFact(label: "People first reached in the period", value: "\(firstReachedCount)")]
        if let waitingMedianDays {
            facts.append(ReportFact(label: "Median wait to first contact", value: Self.days(waitingMedianDays)))
        }
        if let longestWaitDays {
            facts.append(ReportFact(label: "Longest wait to first contact", value: Self.days(Double(longestWaitDays))))
        }
        facts.append(ReportFact(label: "Still waiting at the end of the period", value: "\(stillWaitingCount)"))
        if let longestStillWaitingDays {
            facts.append(ReportFact(label: "Longest wait so far of those still waiting",
                                    value: Self.days(Double(longestStillWaitingDays))))
        }
        return ReportSection(
            title: "Waiting time", facts: facts,
            note: "Days from referral to first contact, for people first reached in the period. Still "
                + "waiting: people referred by \(endText) who had been neither reached nor discharged by "
                + "then; their wait is counted up to that day.")
    }

    private var statusSection: ReportSection {
        ReportSection(title: "Status at the end of the period",
                      facts: [ReportFact(label: "Open cases on \(endText)", value: "\(openAtEnd)")],
                      bars: statusAtEnd,
                      note: "Everyone referred by \(endText), by their status on that day. Discharged counts "
                          + "everyone discharged by then; open cases are all the others.",
                      barsHeading: "Status")
    }

    private var dischargeSection: ReportSection {
        ReportSection(title: "Discharges in the period",
                      facts: [ReportFact(label: "Total", value: "\(discharges)")],
                      bars: dischargesByReason,
                      note: "Discharges dated in the period, by reason; someone discharged twice counts twice.",
                      barsHeading: "Reason")
    }

    private var contactSection: ReportSection {
        ReportSection(
            title: "Contacts in the period",
            facts: [
                ReportFact(label: "Total", value: "\(contacts)"),
                ReportFact(label: "People seen", value: "\(peopleSeen)"),
                ReportFact(label: "Time recorded", value: contactsWithMinutes == 0
                    ? "none"
                    : "\(Self.duration(minutes: minutesRecorded)) over \(RecordWording.count(contactsWithMinutes, "contact"))"),
            ],
            bars: contactsByKind,
            note: "Contacts dated in the period, by kind; unsuccessful attempts are included. People seen: "
                + "different people with at least one successful contact.",
            barsHeading: "Kind")
    }

    private var modeSection: ReportSection {
        ReportSection(title: "Contacts by mode", bars: contactsByMode,
                      note: contacts == 0 ? "No contacts in the period." : nil,
                      barsHeading: "Mode")
    }

    private var connectionSection: ReportSection {
        ReportSection(
            title: "Connections to community assets",
            facts: [
                ReportFact(label: "Connections with a change in the period", value: "\(connectionsWithActivity)"),
                ReportFact(label: "Connections started in the period", value: "\(connectionsStarted)"),
            ],
            bars: connectionsByCategory,
            note: "Connections (not people) with a change of state dated in the period, by the asset's "
                + "categories in the directory; an asset in several categories counts under each.",
            barsHeading: "Asset category")
    }

    private var outcomeSection: ReportSection {
        ReportSection(title: "Connection outcomes", bars: connectionsByOutcome,
                      note: connectionsWithActivity == 0
                          ? "No connections changed in the period."
                          : "The same connections, by their state on \(endText).",
                      barsHeading: "Outcome")
    }

    private var wellbeingSection: ReportSection {
        var facts = [ReportFact(label: "People with two or more ONS4 records", value: "\(ons4People)")]
        for item in ONS4Item.allCases {
            guard let medians = ons4[item] else { continue }
            let label = item.shortLabel + (item.higherIsBetter ? "" : " (lower is better)")
            facts.append(ReportFact(label: label, value: Self.firstAndLatest(medians, Self.score)))
        }
        facts.append(ReportFact(label: "People with two or more SWEMWBS records", value: "\(swemwbs?.people ?? 0)"))
        if let swemwbs {
            facts.append(ReportFact(label: "SWEMWBS metric score", value: Self.firstAndLatest(swemwbs, Self.metric)))
        }
        return ReportSection(
            title: "Wellbeing", facts: facts,
            note: "Everyone with two or more records by \(endText), whether or not seen in the period: the "
                + "median of their first scores and the median of their latest. ONS4 answers run from 0 to "
                + "10, higher is better except for anxiety; the four are never combined. SWEMWBS metric "
                + "scores run from 7 to 35, higher is better.")
    }

    // MARK: Wording of figures

    /// "1 day", "4 days", "4.5 days" (a median of an even count).
    static func days(_ days: Double) -> String {
        "\(score(days)) \(days == 1 ? "day" : "days")"
    }

    /// "6" or "6.5": whole numbers without a decimal point.
    static func score(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// "19.98": SWEMWBS metric scores, to two decimals as the conversion table gives them.
    static func metric(_ value: Double) -> String {
        // Rounding to thousandths first stops a median such as 20.065 slipping to 20.06 through
        // binary floating point.
        String(format: "%.2f", ((value * 1000).rounded() / 10).rounded() / 100)
    }

    /// "5 first, 6.5 latest".
    private static func firstAndLatest(_ medians: WellbeingMedians, _ format: (Double) -> String) -> String {
        "\(format(medians.medianFirst)) first, \(format(medians.medianLatest)) latest"
    }

    /// "45 minutes", "1 hour", "6 hours 15 minutes".
    static func duration(minutes: Int) -> String {
        let (hours, rest) = minutes.quotientAndRemainder(dividingBy: 60)
        let parts = (hours > 0 ? [RecordWording.count(hours, "hour")] : []) + (rest > 0 || hours == 0 ? [RecordWording.count(rest, "minute")] : [])
        return parts.joined(separator: " ")
    }
}
