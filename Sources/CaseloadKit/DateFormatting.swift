import Foundation

/// Dates as the NHS Common User Interface asks: `09-Sep-2026` on staff screens,
/// `9 September 2026` in letters, 24-hour times.
public enum DateStyle {
    static let shortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let longMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    /// `09-Sep-2026`
    public static func screen(_ date: CalendarDate) -> String {
        String(format: "%02d-", date.day) + shortMonths[date.month - 1] + String(format: "-%04d", date.year)
    }

    /// `9 September 2026`
    public static func letter(_ date: CalendarDate) -> String {
        "\(date.day) \(longMonths[date.month - 1]) \(date.year)"
    }

    /// `09-Sep-2026 14:05` in `timeZone`.
    public static func screen(_ instant: Date, in timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return screen(CalendarDate(instant, in: timeZone)) + String(format: " %02d:%02d", parts.hour!, parts.minute!)
    }

    /// Reads a date typed by a person: `2026-09-09`, `09-Sep-2026`, `9 Sep 2026`, `9/9/2026` (day first, as in the UK).
    public static func parse(_ text: String) -> CalendarDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let iso = CalendarDate(iso: trimmed) { return iso }
        let parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == " " || $0 == "." })
        guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2]), parts[2].count == 4 else { return nil }
        let monthText = parts[1].lowercased()
        let month: Int?
        if let number = Int(monthText) {
            month = number
        } else if monthText.count >= 3 {
            month = longMonths.firstIndex(where: { $0.lowercased().hasPrefix(monthText) }).map { $0 + 1 }
        } else {
            month = nil
        }
        guard let month else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
