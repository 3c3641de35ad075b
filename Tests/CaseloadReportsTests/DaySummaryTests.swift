import CaseloadKit
import CaseloadReports
import Foundation
import Testing

@Suite struct DaySummaryTests {
    typealias F = SessionFixture

    func render(_ clients: [Client] = F.caseload, on date: CalendarDate = F.sessionDay, format: DocumentFormat = .text) -> String {
        DaySummary.render(clients: clients, on: date, assets: F.assets, format: format, context: F.context)
    }

    @Test func goldenFiles() {
        let text = render()
        expectGolden(text, named: "day.txt")
        expectFits(text)
        expectGolden(render(format: .markdown), named: "day.md")
        expectGolden(render(format: .json), named: "day.json")
    }

    @Test func contactsAreInTimeOrderAcrossTheCaseloadAfterACountLine() throws {
        let text = render()
        #expect(text.contains("3 contacts with 3 people on 21 November 2026, including 1 unsuccessful attempt."))
        let order = try ["08:40 Łukasz Nowak (C-0043)", "09:00 Zoë Whitfield (C-0042)", "09:50 陈伟 (C-0044)"].map {
            try #require(text.range(of: $0)).lowerBound
        }
        #expect(order == order.sorted())
        #expect(!text.contains("15:00"))
    }

    @Test func connectionChangesOfTheDayAreListedForEveryClient() {
        let text = render()
        #expect(text.contains("- 陈伟 (C-0044), Walking for Health Northgate: Attended. Second walk"))
        #expect(text.contains("- Zoë Whitfield (C-0042), Citizens Advice Northgate: Waiting. Appointment on 3"))
    }

    @Test func anEmptyDaySaysSoPlainly() throws {
        let day = F.day("2026-11-22")
        #expect(render(on: day).contains("No contacts were recorded on 22 November 2026."))
        #expect(render([], on: day, format: .markdown).contains("No contacts were recorded on 22 November 2026."))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(render(on: day, format: .json).utf8)) as? [String: Any])
        #expect((json["counts"] as? [String: Int])?["contacts"] == 0)
        #expect((json["contacts"] as? [Any])?.isEmpty == true)
    }

    @Test func aContactBelongsToItsDayInTheContextTimeZone() {
        var client = F.lukasz
        // 23:30 UTC on 21 October is 00:30 on 22 October in London (summer time).
        client.contacts[0].at = ISO8601DateFormatter().date(from: "2026-10-21T23:30:00Z")!
        #expect(render([client], on: F.day("2026-10-22")).contains("00:30 Łukasz Nowak"))
        #expect(render([client], on: F.day("2026-10-21")).contains("No contacts were recorded"))
    }

    @Test func jsonHoldsTheEnvelopeCountsAndContacts() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(render(format: .json).utf8)) as? [String: Any])
        #expect(json["kind"] as? String == "day-summary")
        #expect(json["application"] as? String == "caseload")
        #expect(json["date"] as? String == "2026-11-21")
        #expect(json["counts"] as? [String: Int] == ["contacts": 3, "people": 3, "unsuccessfulAttempts": 1])
        let contacts = try #require(json["contacts"] as? [[String: Any]])
        #expect(contacts.map { ($0["client"] as? [String: Any])?["reference"] as? String } == ["C-0043", "C-0042", "C-0044"])
        #expect((json["connectionChanges"] as? [Any])?.count == 3)
    }

    @Test func fileNameCarriesTheDay() {
        #expect(DaySummary.fileName(on: F.sessionDay, format: .markdown) == "day-2026-11-21.md")
        #expect(DaySummary.fileName(on: F.sessionDay, format: .json) == "day-2026-11-21.json")
    }
}
