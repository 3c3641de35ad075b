@testable import CaseloadStore
import Foundation
import Testing

/// `2026-11-21T09:00:00Z` as a backup stamp.
private func stamp(_ iso: String, sequence: Int = 1, isBeforeRestore: Bool = false) -> BackupStamp {
    BackupStamp(date: try! Date(iso, strategy: .iso8601), sequence: sequence, isBeforeRestore: isBeforeRestore)
}

private func date(_ iso: String) -> Date { try! Date(iso, strategy: .iso8601) }

private let utc = TimeZone(identifier: "UTC")!

/// One backup at 09:00 UTC on each day from `first` for `count` days.
private func daily(from first: String, count: Int) -> [BackupStamp] {
    let start = date(first + "T09:00:00Z")
    return (0..<count).map { BackupStamp(date: start.addingTimeInterval(Double($0) * 86_400)) }
}

/// The days (`2026-11-21`) of the kept stamps, sorted.
private func keptDays(_ stamps: [BackupStamp], now: String, timeZone: TimeZone = utc) -> [String] {
    BackupRetention.kept(stamps, now: date(now), timeZone: timeZone).map { String($0.name.prefix(10)) }.sorted()
}

@Suite("Backup names")
struct BackupStampTests {
    @Test func namesAreUTCToTheSecondWithoutColons() {
        let made = BackupStamp(date: date("2026-11-21T10:00:00Z").addingTimeInterval(0.75))
        #expect(made.name == "2026-11-21T100000Z")
        #expect(BackupStamp(date: date("2026-03-05T23:59:07Z"), sequence: 2).name == "2026-03-05T235907Z-2")
    }

    @Test func namesReadBack() {
        #expect(BackupStamp(name: "2026-11-21T100000Z") == stamp("2026-11-21T10:00:00Z"))
        #expect(BackupStamp(name: "2026-11-21T100000Z-2") == stamp("2026-11-21T10:00:00Z", sequence: 2))
        #expect(BackupStamp(name: "2026-11-21T100000Z-12")?.sequence == 12)
    }

    @Test(arguments: [
        "2026-11-21T100000Z.partial", "2026-11-21T100000Z-1", "2026-11-21T100000Z-02", "2026-11-21T100000Z-",
        "2026-02-30T100000Z", "2026-11-21T250000Z", "2026-11-21T10:00:00Z", "2026-11-21T100000", "notes.txt", "",
        "２026-11-21T100000Z",
    ])
    func otherNamesAreNotBackups(_ name: String) {
        #expect(BackupStamp(name: name) == nil)
    }

    @Test func aRestoresSafetyBackupIsNamedSoAndReadsBack() {
        let safety = stamp("2026-11-21T10:00:00Z", sequence: 2, isBeforeRestore: true)
        #expect(safety.name == "2026-11-21T100000Z-2-before-restore")
        #expect(BackupStamp(name: safety.name) == safety)
        #expect(BackupStamp(name: "2026-11-21T100000Z-before-restore")?.isBeforeRestore == true)
        #expect(BackupStamp(name: "2026-11-21T100000Z-before-restore-before-restore") == nil)
        #expect(BackupStamp(name: "2026-11-21T100000Z")?.isBeforeRestore == false)
    }

    @Test func aSafetyBackupTakesASequenceNumberNoOtherBackupHas() {
        let now = date("2026-11-21T10:00:00Z")
        #expect(BackupStamp.unused(at: now, isBeforeRestore: true, taken: ["2026-11-21T100000Z"]).name
            == "2026-11-21T100000Z-2-before-restore")
        #expect(BackupStamp.unused(at: now, taken: ["2026-11-21T100000Z-before-restore"]).name == "2026-11-21T100000Z-2")
    }

    @Test func laterSequenceSortsLaterEvenPastNine() {
        let second = stamp("2026-11-21T10:00:00Z")
        let stamps = [10, 2, 1, 9].map { BackupStamp(date: second.date, sequence: $0) }
        #expect(stamps.sorted().map(\.sequence) == [1, 2, 9, 10])
        #expect(stamp("2026-11-21T10:00:01Z") > BackupStamp(date: second.date, sequence: 10))
    }

    @Test func theNextFreeNameSkipsFinishedAndPartialBackups() {
        let now = date("2026-11-21T10:00:00Z")
        #expect(BackupStamp.unused(at: now, taken: []).name == "2026-11-21T100000Z")
        #expect(BackupStamp.unused(at: now, taken: ["2026-11-21T100000Z"]).name == "2026-11-21T100000Z-2")
        #expect(BackupStamp.unused(at: now, taken: ["2026-11-21T100000Z", "2026-11-21T100000Z-2.partial"]).name
            == "2026-11-21T100000Z-3")
    }
}

@Suite("Which backups are kept")
struct BackupRetentionTests {
    @Test func nothingToKeepFromNothing() {
        #expect(BackupRetention.kept([], now: date("2026-11-21T10:00:00Z"), timeZone: utc).isEmpty)
    }

    @Test func sixtyDailyBackupsKeepSevenDaysAndFourEarlierWeeks() {
        // 2026-11-21 is a Saturday. The last 7 days run Sunday 15th to Saturday 21st, so the weeks of
        // 16th and 9th already have their newest kept; the next four weeks give their Sundays.
        let stamps = daily(from: "2026-09-23", count: 60)
        #expect(stamps.last?.name == "2026-11-21T090000Z")
        #expect(keptDays(stamps, now: "2026-11-21T10:00:00Z") == [
            "2026-10-18", "2026-10-25", "2026-11-01", "2026-11-08",
            "2026-11-15", "2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21",
        ])
    }

    @Test func onlyTheNewestOfADayIsKeptOnceItIsADayOld() {
        let stamps = [stamp("2026-11-18T08:00:00Z"), stamp("2026-11-18T17:30:00Z"), stamp("2026-11-18T12:00:00Z"),
                      stamp("2026-11-18T17:30:00Z", sequence: 2)]
        let kept = BackupRetention.kept(stamps, now: date("2026-11-21T10:00:00Z"), timeZone: utc)
        #expect(kept == [stamp("2026-11-18T17:30:00Z", sequence: 2)])
    }

    @Test func everythingFromTheLast24HoursIsKept() {
        // A restore's safety backup, then another backup the same day: both stay until a day has passed.
        let stamps = [stamp("2026-11-20T10:30:00Z"), stamp("2026-11-21T08:00:00Z"), stamp("2026-11-21T09:15:00Z"),
                      stamp("2026-11-21T09:15:00Z", sequence: 2), stamp("2026-11-20T09:00:00Z")]
        let kept = BackupRetention.kept(stamps, now: date("2026-11-21T10:00:00Z"), timeZone: utc)
        #expect(kept == Set(stamps.prefix(4)), "20th 09:00 is older than 24 hours and not the newest of its day")
        let aDayLater = BackupRetention.kept(stamps, now: date("2026-11-22T10:00:00Z"), timeZone: utc)
        #expect(aDayLater == [stamp("2026-11-20T10:30:00Z"), stamp("2026-11-21T09:15:00Z", sequence: 2)])
    }

    @Test func aRestoresSafetyBackupIsKeptForTheWholeHorizonWhateverElseThatDay() {
        let safety = stamp("2026-11-20T11:00:00Z", isBeforeRestore: true)
        let sameDay = stamp("2026-11-20T12:00:00Z"), nextDay = stamp("2026-11-21T12:00:00Z")
        let stamps = [safety, sameDay, nextDay]
        #expect(BackupRetention.kept(stamps, now: date("2026-11-21T12:00:00Z"), timeZone: utc) == Set(stamps))
        // 7 days and 4 weeks after it was made, and not a second more.
        let horizon = safety.date.addingTimeInterval(35 * 86_400)
        #expect(BackupRetention.kept(stamps, now: horizon.addingTimeInterval(-1), timeZone: utc).contains(safety))
        #expect(!BackupRetention.kept(stamps, now: horizon, timeZone: utc).contains(safety))
    }

    @Test func backupsFromTheFutureAreKept() {
        let stamps = [stamp("2030-01-01T00:00:00Z"), stamp("2030-01-01T01:00:00Z")] + daily(from: "2026-11-01", count: 21)
        let kept = BackupRetention.kept(stamps, now: date("2026-11-21T10:00:00Z"), timeZone: utc)
        #expect(kept.isSuperset(of: stamps.prefix(2)), "a wrong clock is no reason to delete")
    }

    @Test func daysAndWeeksAreCountedAmongThoseWithBackups() {
        // Monthly backups, and nothing for the last three months: the last 7 and 4 before them stay.
        let stamps = (1...12).map { stamp(String(format: "2026-%02d-01T09:00:00Z", $0)) }
        let kept = BackupRetention.kept(stamps, now: date("2027-03-01T09:00:00Z"), timeZone: utc)
        #expect(kept == Set(stamps.dropFirst()), "11 kept, the oldest removed")
    }

    @Test func anISOWeekRunsMondayToSundayAcrossTheNewYear() {
        // 28-Dec-2026 (Monday) to 3-Jan-2027 (Sunday) is one week, 2026-W53; 27-Dec is the week before.
        let yearEnd = ["2026-12-27", "2026-12-28", "2026-12-31", "2027-01-01", "2027-01-03"].map { stamp($0 + "T09:00:00Z") }
        let stamps = yearEnd + daily(from: "2027-01-04", count: 7)
        let days = keptDays(stamps, now: "2027-01-10T12:00:00Z")
        #expect(days == ["2026-12-27", "2027-01-03", "2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07",
                         "2027-01-08", "2027-01-09", "2027-01-10"])
    }

    @Test func theFirstISOWeekOfAYearCanStartInDecember() {
        // 30-Dec-2024 is the Monday of 2025-W01, with 1-Jan-2025; 29-Dec-2024 ends 2024-W52.
        let stamps = ["2024-12-29", "2024-12-30", "2025-01-01"].map { stamp($0 + "T09:00:00Z") }
            + daily(from: "2025-01-06", count: 7)
        let days = keptDays(stamps, now: "2025-01-12T12:00:00Z")
        #expect(days.prefix(2) == ["2024-12-29", "2025-01-01"])
        #expect(!days.contains("2024-12-30"))
    }

    @Test func daysAreThePersonsLocalDays() throws {
        // 23:30 and 00:30 UTC are one evening in New York (UTC-5 in November), two days in London.
        let stamps = [stamp("2026-11-21T23:30:00Z"), stamp("2026-11-22T00:30:00Z")]
        let now = date("2026-11-25T12:00:00Z")
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        #expect(BackupRetention.kept(stamps, now: now, timeZone: newYork) == [stamps[1]])
        #expect(BackupRetention.kept(stamps, now: now, timeZone: utc) == Set(stamps))
    }

    @Test func theOrderGivenDoesNotMatter() {
        let stamps = daily(from: "2026-08-01", count: 90)
        let now = date("2026-10-29T12:00:00Z")
        let kept = BackupRetention.kept(stamps, now: now, timeZone: utc)
        #expect(BackupRetention.kept(stamps.reversed(), now: now, timeZone: utc) == kept)
        #expect(BackupRetention.kept(stamps.shuffled(), now: now, timeZone: utc) == kept)
        #expect(kept.count == BackupRetention.days + BackupRetention.weeks)
        #expect(kept.contains(stamps.last!))
    }
}
