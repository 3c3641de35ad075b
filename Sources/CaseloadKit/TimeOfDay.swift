import Foundation

/// 24-hour times of day, as typed and as stored (`14:30`).
extension DateStyle {
    /// Reads `14:30` or `9:05`. Nil for anything else, including `24:00` and `9:5`.
    public static func parseTime(_ text: String) -> (hour: Int, minute: Int)? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isWholeNumber } }),
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return (hour, minute)
    }

    /// `09:05`.
    public static func time(hour: Int, minute: Int) -> String {
        String(format: "%02d:%02d", hour, minute)
    }

    /// The `HH:MM` of `instant` in `timeZone`.
    public static func time(_ instant: Date, in timeZone: TimeZone) -> String {
        let parts = calendar(timeZone).dateComponents([.hour, .minute], from: instant)
        return time(hour: parts.hour!, minute: parts.minute!)
    }

    /// `date` at `hour:minute` in `timeZone`. A time skipped by a clock change gives the
    /// instant just after the gap.
    public static func instant(_ date: CalendarDate, hour: Int, minute: Int, in timeZone: TimeZone) -> Date {
        let components = DateComponents(year: date.year, month: date.month, day: date.day, hour: hour, minute: minute)
        return calendar(timeZone).date(from: components)!
    }

    private static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}
