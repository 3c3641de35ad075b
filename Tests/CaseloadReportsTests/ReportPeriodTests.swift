import CaseloadKit
import CaseloadReports
import Testing

@Suite struct ReportPeriodTests {
    private func period(_ from: String, _ to: String) -> ReportPeriod {
        ReportPeriod(from: CalendarDate(iso: from)!, to: CalendarDate(iso: to)!)
    }

    @Test func defaultsToTheLastCalendarMonth() {
        #expect(ReportPeriod.lastCalendarMonth(before: CalendarDate(iso: "2026-11-21")!) == period("2026-10-01", "2026-10-31"))
        #expect(ReportPeriod.lastCalendarMonth(before: CalendarDate(iso: "2026-11-01")!) == period("2026-10-01", "2026-10-31"))
        #expect(ReportPeriod.lastCalendarMonth(before: CalendarDate(iso: "2026-10-31")!) == period("2026-09-01", "2026-09-30"))
    }

    @Test func januaryLooksBackToDecemberOfTheYearBefore() {
        #expect(ReportPeriod.lastCalendarMonth(before: CalendarDate(iso: "2027-01-15")!) == period("2026-12-01", "2026-12-31"))
    }

    @Test func marchLooksBackToAWholeFebruary() {
        #expect(ReportPeriod.lastCalendarMonth(before: CalendarDate(iso: "2028-03-01")!) == period("2028-02-01", "2028-02-29"))
        #expect(ReportPeriod.lastCalendarMonth(before: CalendarDate(iso: "2027-03-31")!) == period("2027-02-01", "2027-02-28"))
    }

    @Test func containsBothEnds() {
        let october = period("2026-10-01", "2026-10-31")
        #expect(october.contains(CalendarDate(iso: "2026-10-01")!))
        #expect(october.contains(CalendarDate(iso: "2026-10-31")!))
        #expect(!october.contains(CalendarDate(iso: "2026-09-30")!))
        #expect(!october.contains(CalendarDate(iso: "2026-11-01")!))
    }

    @Test func readsAsInALetter() {
        #expect(period("2026-10-01", "2026-10-31").text == "1 October 2026 to 31 October 2026")
    }

    @Test func aWholeMonthStepsByWholeMonths() {
        let october = period("2026-10-01", "2026-10-31")
        #expect(october.shifted(months: 1) == period("2026-11-01", "2026-11-30"))
        #expect(october.shifted(months: -1) == period("2026-09-01", "2026-09-30"))
        #expect(october.shifted(months: 4) == period("2027-02-01", "2027-02-28"))
        #expect(october.shifted(months: -10) == period("2025-12-01", "2025-12-31"))
        #expect(october.shifted(months: 0) == october)
    }

    @Test func wholeMonthsStayWholeMonths() {
        #expect(period("2026-10-01", "2026-12-31").shifted(months: 2) == period("2026-12-01", "2027-02-28"))
    }

    @Test func anyOtherPeriodMovesBothEnds() {
        #expect(period("2026-10-10", "2026-10-20").shifted(months: 1) == period("2026-11-10", "2026-11-20"))
        // A day the shorter month lacks becomes its last day.
        #expect(period("2027-01-31", "2027-02-10").shifted(months: 1) == period("2027-02-28", "2027-03-10"))
        #expect(period("2026-10-02", "2026-10-31").shifted(months: -1) == period("2026-09-02", "2026-09-30"))
    }
}
