import Foundation
import Testing
@testable import CaseloadKit

@Suite struct CalendarDateTests {
    @Test func parsesISO() throws {
        let date = try #require(CalendarDate(iso: "2026-09-09"))
        #expect((date.year, date.month, date.day) == (2026, 9, 9))
        #expect(date.iso == "2026-09-09")
        #expect(date.description == "2026-09-09")
    }

    @Test(arguments: ["2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2025-02-29",
                      "26-09-09", "2026-9-9", "+026-01-01", "2026-+1-01", "abcd-ef-gh", "", "2026-09-09T10:00"])
    func rejectsInvalidDates(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func knowsLeapYears() {
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2100, month: 2, day: 29) == nil)
        #expect(CalendarDate.daysInMonth(year: 2024, month: 2) == 29)
        #expect(CalendarDate.daysInMonth(year: 2026, month: 2) == 28)
    }

    @Test func dayNumberHasTheUnixEpochAsZero() {
        #expect(Fixture.date("1970-01-01").dayNumber == 0)
        #expect(Fixture.date("1969-12-31").dayNumber == -1)
        #expect(Fixture.date("2000-03-01").dayNumber == 11_017)
    }

    @Test func dayNumberRoundTripsAndStepsOneDayAtATime() throws {
        var previous = try #require(CalendarDate(year: 1899, month: 12, day: 25))
        for number in (previous.dayNumber + 1)...(previous.dayNumber + 80_000) {
            let date = CalendarDate(dayNumber: number)
            #expect(date.dayNumber == number)
            // The next day is the following day of the month, or the 1st of the next month.
            let expected = CalendarDate(year: previous.year, month: previous.month, day: previous.day + 1)
                ?? CalendarDate(year: previous.year, month: previous.month + 1, day: 1)
                ?? CalendarDate(year: previous.year + 1, month: 1, day: 1)
            if date != expected { Issue.record("\(previous) was followed by \(date)"); return }
            previous = date
        }
    }

    @Test func countsDaysBetween() {
        #expect(Fixture.date("2026-01-01").days(until: Fixture.date("2026-03-01")) == 59)
        #expect(Fixture.date("2026-03-01").days(until: Fixture.date("2026-01-01")) == -59)
        #expect(Fixture.date("2024-02-28").days(until: Fixture.date("2024-03-01")) == 2)
        #expect(Fixture.date("2025-12-31").adding(days: 1) == Fixture.date("2026-01-01"))
        #expect(Fixture.date("2026-03-01").adding(days: -1) == Fixture.date("2026-02-28"))
    }

    @Test func countsAgeInWholeYears() {
        let birth = Fixture.date("1960-09-09")
        #expect(birth.age(on: Fixture.date("2026-09-08")) == 65)
        #expect(birth.age(on: Fixture.date("2026-09-09")) == 66)
        let leapling = Fixture.date("2000-02-29")
        #expect(leapling.age(on: Fixture.date("2023-02-28")) == 22)
        #expect(leapling.age(on: Fixture.date("2023-03-01")) == 23)
    }

    @Test func ordersChronologically() {
        #expect(Fixture.date("2025-12-31") < Fixture.date("2026-01-01"))
        #expect(Fixture.date("2026-01-31") < Fixture.date("2026-02-01"))
        #expect(!(Fixture.date("2026-02-01") < Fixture.date("2026-02-01")))
    }

    @Test func takesTheDayOfAnInstantInATimeZone() throws {
        // 23:30 UTC on 30 June is already 1 July in London (BST).
        let instant = Date(timeIntervalSince1970: TimeInterval(Fixture.date("2026-06-30").dayNumber * 86_400 + 23 * 3600 + 1800))
        #expect(CalendarDate(instant, in: try #require(TimeZone(identifier: "UTC"))) == Fixture.date("2026-06-30"))
        #expect(CalendarDate(instant, in: try #require(TimeZone(identifier: "Europe/London"))) == Fixture.date("2026-07-01"))
    }

    @Test func codesAsISOText() throws {
        let data = try JSONEncoder().encode([Fixture.date("2026-09-09")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-09-09"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: data) == [Fixture.date("2026-09-09")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2026-02-30"]"#.utf8))
        }
    }
}
