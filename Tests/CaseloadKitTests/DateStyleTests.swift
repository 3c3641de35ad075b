import Foundation
import Testing
@testable import CaseloadKit

@Suite struct DateStyleTests {
    @Test func formatsForScreensAndLetters() {
        #expect(DateStyle.screen(Fixture.date("2026-09-09")) == "09-Sep-2026")
        #expect(DateStyle.letter(Fixture.date("2026-09-09")) == "9 September 2026")
        #expect(DateStyle.screen(Fixture.date("2026-12-25")) == "25-Dec-2026")
        #expect(DateStyle.letter(Fixture.date("2027-01-01")) == "1 January 2027")
    }

    @Test func formatsInstantsWithA24HourTime() throws {
        let instant = Date(timeIntervalSince1970: TimeInterval(Fixture.date("2026-09-09").dayNumber * 86_400 + 13 * 3600 + 5 * 60))
        #expect(DateStyle.screen(instant, in: try #require(TimeZone(identifier: "UTC"))) == "09-Sep-2026 13:05")
        #expect(DateStyle.screen(instant, in: try #require(TimeZone(identifier: "Europe/London"))) == "09-Sep-2026 14:05")
    }

    @Test(arguments: ["2026-09-09", "09-Sep-2026", "9 Sep 2026", "9 September 2026", "9/9/2026", "09/09/2026",
                      "09.09.2026", "  9 sept 2026 ", "9-SEP-2026", "9 Sep. 2026"])
    func parsesWhatPeopleType(text: String) {
        #expect(DateStyle.parse(text) == Fixture.date("2026-09-09"))
    }

    @Test(arguments: ["31/02/2026", "9/9/26", "Sep 9 2026", "9 Se 2026", "9 Foo 2026", "", "13/13/2026",
                      "2026/09/09", "tomorrow"])
    func rejectsWhatIsNotADay(text: String) {
        #expect(DateStyle.parse(text) == nil)
    }

    @Test func readsBackWhatItWrites() {
        let start = Fixture.date("2024-01-01")
        for offset in 0..<366 {
            let date = start.adding(days: offset)
            #expect(DateStyle.parse(DateStyle.screen(date)) == date)
            #expect(DateStyle.parse(DateStyle.letter(date)) == date)
        }
    }
}
