import Foundation
import Testing
@testable import CaseloadKit

@Suite struct AssetTests {
    static func asset(checked: String?) -> Asset {
        Asset(name: "Men's Shed", lastChecked: checked.map { AssetCheck(date: Fixture.date($0), by: "Sam") },
              createdAt: Fixture.now)
    }

    @Test func staleExactlySixMonthsAfterTheLastCheck() {
        #expect(!Self.asset(checked: "2026-03-01").isStale(today: Fixture.date("2026-08-31")))
        #expect(Self.asset(checked: "2026-03-01").isStale(today: Fixture.date("2026-09-01")))
        #expect(Self.asset(checked: nil).isStale(today: Fixture.date("2026-03-01")))
    }

    @Test func aCheckAtTheEndOfAugustGoesStaleAtTheEndOfFebruary() {
        #expect(!Self.asset(checked: "2025-08-31").isStale(today: Fixture.date("2026-02-27")))
        #expect(Self.asset(checked: "2025-08-31").isStale(today: Fixture.date("2026-02-28")))
    }

    @Test(arguments: [
        ("2025-08-31", 6, "2026-02-28"),
        ("2023-08-31", 6, "2024-02-29"),
        ("2026-03-31", 1, "2026-04-30"),
        ("2026-11-15", 3, "2027-02-15"),
        ("2026-12-31", 1, "2027-01-31"),
        ("2026-01-31", 25, "2028-02-29"),
        ("2026-05-10", 0, "2026-05-10"),
    ])
    func addingMonthsClampsToTheMonthsLastDay(start: String, months: Int, expected: String) {
        #expect(Fixture.date(start).adding(months: months) == Fixture.date(expected))
    }
}
