import CaseloadKit

/// The days a caseload report covers, both ends included.
public struct ReportPeriod: Hashable, Sendable {
    public var from: CalendarDate
    /// Inclusive.
    public var to: CalendarDate

    /// The caller checks that `from` is not after `to`.
    public init(from: CalendarDate, to: CalendarDate) {
        self.from = from
        self.to = to
    }

    /// The whole calendar month containing `date`.
    public static func month(containing date: CalendarDate) -> ReportPeriod {
        let first = CalendarDate(year: date.year, month: date.month, day: 1)!
        return ReportPeriod(from: first, to: first.lastDayOfMonth)
    }

    /// The calendar month before the one `today` falls in: the report's default period.
    public static func lastCalendarMonth(before today: CalendarDate) -> ReportPeriod {
        month(containing: today).shifted(months: -1)
    }

    public func contains(_ date: CalendarDate) -> Bool {
        from <= date && date <= to
    }

    /// "1 October 2026 to 31 October 2026".
    public var text: String {
        "\(DateStyle.letter(from)) to \(DateStyle.letter(to))"
    }

    /// Starts on the first of a month and ends on the last day of a month (the same one or later).
    public var isWholeMonths: Bool {
        from.day == 1 && to == to.lastDayOfMonth && from <= to
    }

    /// The period `months` calendar months later (earlier when negative), for stepping through
    /// reports a month at a time. Whole months stay whole months (October → November keeps all 30
    /// days of November); any other period has both ends moved by that many months.
    public func shifted(months: Int) -> ReportPeriod {
        guard isWholeMonths else {
            return ReportPeriod(from: from.adding(months: months), to: to.adding(months: months))
        }
        let start = from.adding(months: months)
        return ReportPeriod(from: start, to: CalendarDate(year: to.year, month: to.month, day: 1)!
            .adding(months: months).lastDayOfMonth)
    }
}

extension CalendarDate {
    fileprivate var lastDayOfMonth: CalendarDate {
        CalendarDate(year: year, month: month, day: CalendarDate.daysInMonth(year: year, month: month))!
    }
}
