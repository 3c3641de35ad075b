import CaseloadKit
import Foundation

/// Which backups to keep: a pure function of their stamps, the time and the person's time zone.
///
/// - every backup made in the last 24 hours, so that one made by hand survives another backup the
///   same day;
/// - every safety backup a restore made (`isBeforeRestore`) for the whole horizon, 7 days and 4
///   weeks from when it was made, whatever other backups that day or week: it is how a restore is
///   undone, and only it holds what the restore replaced;
/// - the newest backup of each of the 7 most recent days that have backups;
/// - the newest backup of each of the 4 most recent ISO weeks (Monday to Sunday) that have backups
///   and whose newest backup is not already kept: weekly copies reach back past the daily ones.
///
/// Days and weeks are counted among those that have backups, not back from today, so a caseload
/// left alone for a month still has its last 7 days and 4 weeks when it is next opened.
public enum BackupRetention {
    public static let days = 7
    public static let weeks = 4
    public static let recentInterval: TimeInterval = 24 * 60 * 60
    public static let beforeRestoreInterval: TimeInterval = Double(days + weeks * 7) * 24 * 60 * 60

    public static func kept(_ stamps: [BackupStamp], now: Date, timeZone: TimeZone) -> Set<BackupStamp> {
        let newestFirst = stamps.sorted(by: >)
        // A backup stamped after `now` means the clock was wrong at some point: keep it rather than judge.
        var kept = Set(newestFirst.filter { now.timeIntervalSince($0.date) < recentInterval })
        kept.formUnion(newestFirst.filter { $0.isBeforeRestore && now.timeIntervalSince($0.date) < beforeRestoreInterval })

        var daysKept: Set<CalendarDate> = []
        for stamp in newestFirst {
            let day = CalendarDate(stamp.date, in: timeZone)
            guard daysKept.count < days || daysKept.contains(day) else { break }
            if daysKept.insert(day).inserted { kept.insert(stamp) }
        }

        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2  // Monday
        calendar.minimumDaysInFirstWeek = 4  // ISO 8601: week 1 holds the year's first Thursday
        var weeksSeen: Set<[Int]> = []
        var weeksKept = 0
        for stamp in newestFirst where weeksKept < weeks {
            let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: stamp.date)
            // The first stamp seen in a week is that week's newest.
            guard weeksSeen.insert([parts.yearForWeekOfYear!, parts.weekOfYear!]).inserted,
                  kept.insert(stamp).inserted else { continue }
            weeksKept += 1
        }
        return kept
    }
}
