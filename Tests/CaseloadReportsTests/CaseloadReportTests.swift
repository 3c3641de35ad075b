import CaseloadKit
import CaseloadReports
import Foundation
import Testing

/// Figures for October 2026 on `ReportFixture`, each worked out by hand from the fixture's comments.
@Suite struct CaseloadReportTests {
    let report = ReportFixture.report()

    private func bars(_ pairs: KeyValuePairs<String, Int>) -> [ReportBar] {
        pairs.map { ReportBar(label: $0.key, count: $0.value) }
    }

    @Test func countsReferralsByPracticeRoleAndNeed() {
        // C-01, C-02, C-05, C-08 at Hillview; C-07, C-09 at Riverside. C-03 (September) and C-10 (November) are out.
        #expect(report.referralsReceived == 6)
        #expect(report.referralsByPractice == bars(["Hillview Surgery": 4, "Riverside Medical Centre": 2]))
        #expect(report.referralsByRole == bars([
            "GP": 2, "Care coordinator": 1, "Pharmacist": 1, "Practice nurse": 1, "Social worker": 1,
        ]))
        // C-07's three needs count once each; C-05 has none.
        #expect(report.referralsByNeed == bars([
            "Loneliness and isolation": 2, "Low mood and mental wellbeing": 2, "Money, debt and benefits": 2,
            "Healthy living (food, smoking, alcohol)": 1, "Housing": 1, "No need recorded": 1, "Physical activity": 1,
        ]))
    }

    @Test func waitingTimeOverAnEvenCount() {
        // First reached in October: C-08 after 0 days, C-01 after 4, C-02 after 5, C-03 after 11.
        #expect(report.firstReachedCount == 4)
        #expect(report.waitingMedianDays == 4.5)
        #expect(report.longestWaitDays == 11)
    }

    @Test func waitingTimeOverAnOddCount() {
        // Hillview: C-08 0, C-01 4, C-02 5.
        let hillview = ReportFixture.report(practice: ReportFixture.hillview)
        #expect(hillview.firstReachedCount == 3)
        #expect(hillview.waitingMedianDays == 4)
        #expect(hillview.longestWaitDays == 5)
    }

    @Test func stillWaitingAtTheEndOfThePeriod() {
        // C-05 (referred 20 October) and C-07 (8 October, reached in November); C-09 was discharged
        // unreached on 30 October and C-10 was referred in November.
        #expect(report.stillWaitingCount == 2)
        #expect(report.longestStillWaitingDays == 23)
    }

    @Test func statusOnTheLastDayOfThePeriod() {
        // C-06 and C-12 were discharged and reopened in October; C-08 was discharged in November;
        // C-07 was still being contacted. C-10 was referred after the period.
        #expect(report.statusAtEnd == bars(["Active": 6, "Discharged": 3, "Contacting": 1, "Waiting": 1]))
        #expect(report.openAtEnd == 8)
    }

    @Test func dischargesInThePeriodByReason() {
        // C-04 from its discharge record, C-06 and C-09 from the history's note, C-12 without either.
        // C-08 (November) and C-11 (September) fall outside.
        #expect(report.discharges == 4)
        #expect(report.dischargesByReason == bars([
            "Goals met": 1, "Moved away": 1, "Reason not recorded": 1, "Unable to contact": 1,
        ]))
    }

    @Test func contactsByKindAndMode() {
        // C-03's first conversation at 00:30 on 1 October (London) counts; November contacts do not.
        #expect(report.contacts == 17)
        #expect(report.contactsByKind == bars([
            "Unsuccessful attempt": 6, "First conversation": 4, "Check-in": 3, "Review": 2,
            "Accompanied visit": 1, "What-matters conversation": 1,
        ]))
        #expect(report.contactsByMode == bars([
            "Phone": 8, "Face to face": 4, "Letter or text": 2, "Community venue": 1, "Home visit": 1, "Video": 1,
        ]))
        // C-05, C-07 and C-09 had only attempts.
        #expect(report.peopleSeen == 7)
        #expect(report.minutesRecorded == 475)
        #expect(report.contactsWithMinutes == 10)
    }

    @Test func contactDaysFollowTheTimeZone() {
        let utc = CaseloadReport(clients: ReportFixture.clients, assets: ReportFixture.assets,
                                 period: ReportFixture.october, practice: nil, timeZone: TimeZone(identifier: "UTC")!)
        // C-03's home visit falls on 30 September in UTC.
        #expect(utc.contacts == 16)
        #expect(utc.minutesRecorded == 385)
    }

    @Test func connectionsByCategoryAndOutcome() {
        // Walking group (C-01), Citizens Advice (C-02, C-03), the deleted asset (C-02), bereavement
        // café (C-04), men's shed (C-08); C-08's November walking group is out.
        #expect(report.connectionsWithActivity == 6)
        #expect(report.connectionsStarted == 4)
        #expect(report.connectionsByCategory == bars([
            "Legal and welfare advice": 2, "Money, debt and benefits": 2, "Asset no longer in the directory": 1,
            "Bereavement": 1, "Loneliness and isolation": 1, "Physical activity": 1, "Uncategorised": 1,
        ]))
        // C-03's Citizens Advice connection was attended only in November.
        #expect(report.connectionsByOutcome == bars([
            "Referred": 2, "Attended": 1, "Declined": 1, "Did not attend": 1, "Stopped": 1,
        ]))
    }

    @Test func ons4MediansOfFirstAndLatest() {
        // C-01, C-03, C-04 (first of three) and C-11; C-06 and C-08 have one record by 31 October.
        #expect(report.ons4People == 4)
        #expect(report.ons4[.satisfaction] == WellbeingMedians(people: 4, medianFirst: 3.5, medianLatest: 5.5))
        #expect(report.ons4[.worthwhile] == WellbeingMedians(people: 4, medianFirst: 4.5, medianLatest: 6.5))
        #expect(report.ons4[.happy] == WellbeingMedians(people: 4, medianFirst: 3, medianLatest: 5.5))
        #expect(report.ons4[.anxious] == WellbeingMedians(people: 4, medianFirst: 8, medianLatest: 5))
    }

    @Test func swemwbsMediansOfMetricScores() throws {
        // C-01 17.43 → 19.98, C-04 15.84 → 19.25, C-11 15.32 → 18.59.
        #expect(report.swemwbs == WellbeingMedians(people: 3, medianFirst: 15.84, medianLatest: 19.25))
        let riverside = ReportFixture.report(practice: ReportFixture.riverside)
        let medians = try #require(riverside.swemwbs)
        #expect(medians.people == 2)
        #expect(abs(medians.medianFirst - 15.58) < 0.000_001)
        #expect(abs(medians.medianLatest - 18.92) < 0.000_001)
    }

    @Test func wellbeingFactsAreWorded() throws {
        let wellbeing = try #require(report.sections.first { $0.title == "Wellbeing" })
        #expect(wellbeing.facts == [
            ReportFact(label: "People with two or more ONS4 records", value: "4"),
            ReportFact(label: "Life satisfaction", value: "3.5 first, 5.5 latest"),
            ReportFact(label: "Worthwhile", value: "4.5 first, 6.5 latest"),
            ReportFact(label: "Happiness", value: "3 first, 5.5 latest"),
            ReportFact(label: "Anxiety (lower is better)", value: "8 first, 5 latest"),
            ReportFact(label: "People with two or more SWEMWBS records", value: "3"),
            ReportFact(label: "SWEMWBS metric score", value: "15.84 first, 19.25 latest"),
        ])
    }

    @Test func practiceFilterCountsOnlyThatPractice() {
        // Hillview: C-01, C-02, C-05, C-06, C-08, C-10.
        let hillview = ReportFixture.report(practice: ReportFixture.hillview)
        #expect(hillview.practice == ReportFixture.hillview)
        #expect(hillview.referralsReceived == 4)
        #expect(hillview.referralsByPractice == bars(["Hillview Surgery": 4]))
        #expect(hillview.stillWaitingCount == 1)
        #expect(hillview.longestStillWaitingDays == 11)
        #expect(hillview.statusAtEnd == bars(["Active": 4, "Waiting": 1]))
        #expect(hillview.dischargesByReason == bars(["Moved away": 1]))
        #expect(hillview.contacts == 10)
        #expect(hillview.peopleSeen == 4)
        #expect(hillview.connectionsWithActivity == 4)
        #expect(hillview.ons4People == 1)
        #expect(hillview.swemwbs == WellbeingMedians(people: 1, medianFirst: 17.43, medianLatest: 19.98))
    }

    @Test func anUnknownPracticeCountsNothing() {
        let report = ReportFixture.report(practice: "hillview surgery")
        #expect(report.isEmpty)
        #expect(report.referralsReceived == 0)
    }

    @Test func theEmptyCaseloadHasEverySectionAndNoFigures() {
        let empty = CaseloadReport(clients: [], assets: [:], period: ReportFixture.october, practice: nil,
                                   timeZone: ReportFixture.london)
        #expect(empty.isEmpty)
        #expect(empty.waitingMedianDays == nil)
        #expect(empty.longestWaitDays == nil)
        #expect(empty.swemwbs == nil)
        #expect(empty.ons4.isEmpty)
        #expect(empty.sections.map(\.title) == report.sections.map(\.title))
        #expect(empty.sections.allSatisfy { $0.bars.isEmpty })
        let waiting = empty.sections.first { $0.title == "Waiting time" }
        // A median of nobody is left out; the count says why.
        #expect(waiting?.facts.map(\.label) == ["People first reached in the period", "Still waiting at the end of the period"])
        #expect(empty.sections.first { $0.title == "Contacts by mode" }?.note == "No contacts in the period.")
    }

    @Test func theFixtureReportIsNotEmpty() {
        #expect(!report.isEmpty)
        #expect(report.sections.count == 11)
    }

    @Test func figuresAreWordedForReading() throws {
        let waiting = try #require(report.sections.first { $0.title == "Waiting time" })
        #expect(waiting.facts == [
            ReportFact(label: "People first reached in the period", value: "4"),
            ReportFact(label: "Median wait to first contact", value: "4.5 days"),
            ReportFact(label: "Longest wait to first contact", value: "11 days"),
            ReportFact(label: "Still waiting at the end of the period", value: "2"),
            ReportFact(label: "Longest wait so far of those still waiting", value: "23 days"),
        ])
        let contacts = try #require(report.sections.first { $0.title == "Contacts in the period" })
        #expect(contacts.facts.last == ReportFact(label: "Time recorded", value: "7 hours 55 minutes over 10 contacts"))
    }

    @Test func aWaitOfOneDayIsSingular() {
        let client = Client(reference: "C-01", name: "Zoë", practice: "Hillview Surgery",
                            referral: Referral(date: ReportFixture.date("2026-10-01")), status: .active,
                            firstContactDate: ReportFixture.date("2026-10-02"), createdAt: ReportFixture.at("2026-10-01"))
        let report = CaseloadReport(clients: [client], assets: [:], period: ReportFixture.october, practice: nil,
                                    timeZone: ReportFixture.london)
        let waiting = report.sections.first { $0.title == "Waiting time" }
        #expect(waiting?.facts.dropFirst().first == ReportFact(label: "Median wait to first contact", value: "1 day"))
    }

    @Test func medianIsTheMiddleOrTheMeanOfTheTwoMiddleValues() {
        #expect(Statistics.median([Int]()) == nil)
        #expect(Statistics.median([7]) == 7)
        #expect(Statistics.median([9, 1, 5]) == 5)
        #expect(Statistics.median([11, 0, 5, 4]) == 4.5)
    }
}
