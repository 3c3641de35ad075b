import Foundation
@testable import CaseloadKit

/// Shared dates and a compact way to make clients for tests.
enum Fixture {
    static let today = CalendarDate(year: 2026, month: 3, day: 1)!
    /// 2026-03-01 15:00 UTC.
    static let now = Date(timeIntervalSince1970: TimeInterval(today.dayNumber * 86_400 + 15 * 3600))

    static let utc = TimeZone(identifier: "UTC")!

    static func date(_ iso: String) -> CalendarDate {
        CalendarDate(iso: iso)!
    }

    /// An instant from a day and a 24-hour time, in UTC.
    static func at(_ iso: String, _ time: String = "10:00") -> Date {
        let clock = DateStyle.parseTime(time)!
        return DateStyle.instant(date(iso), hour: clock.hour, minute: clock.minute, in: utc)
    }

    static func contact(_ kind: ContactKind, _ iso: String, _ time: String = "10:00", by method: AttemptMethod? = nil,
                        followUp: UUID? = nil) -> Contact {
        Contact(at: at(iso, time), kind: kind, mode: .phone, attemptMethod: method, followUpID: followUp)
    }

    static func client(
        _ reference: String, name: String, preferredName: String? = nil, status: ClientStatus = .waiting,
        referred: String = "2026-01-10", practice: String = "Hillview Surgery", nhs: String? = nil,
        firstContact: String? = nil, updatedHoursAgo: Double = 0
    ) -> Client {
        Client(
            reference: reference, name: name, preferredName: preferredName,
            nhsNumber: nhs.map { try! NHSNumber($0) }, practice: practice,
            referral: Referral(date: date(referred)), status: status,
            firstContactDate: firstContact.map(date), createdAt: now.addingTimeInterval(-86_400 * 90),
            updatedAt: now.addingTimeInterval(-3600 * updatedHoursAgo))
    }
}
