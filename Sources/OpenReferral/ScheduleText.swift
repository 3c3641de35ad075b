/// A schedule as people would say it: "Weekly on Thursday and Friday, 10:00–18:00", or for ORUK v1
/// "Monday 10:00–12:00", followed by the publisher's own description.
enum ScheduleText {
    static func text(_ schedule: ScheduleRecord) -> String {
        let times = timeRange(opens: schedule.opensAt, closes: schedule.closesAt)
        let when: String
        if !schedule.weekday.isEmpty {
            when = [dayName(schedule.weekday), times].filter { !$0.isEmpty }.joined(separator: " ")
        } else {
            when = [rule(schedule), times].filter { !$0.isEmpty }.joined(separator: ", ")
        }
        return [when, schedule.description].filter { !$0.isEmpty }.joined(separator: ". ")
    }

    /// "Weekly on Thursday and Friday", "Every 2 weeks on Monday", "Monthly on the first Tuesday",
    /// "Monthly on day 15". Empty when the schedule names neither a frequency nor days.
    static func rule(_ schedule: ScheduleRecord) -> String {
        let days = schedule.byday.split(separator: ",").map { day(String($0).trimmed) }.filter { !$0.isEmpty }
        let monthDays = schedule.bymonthday.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
        var on = ""
        if !days.isEmpty {
            on = list(days)
        } else if !monthDays.isEmpty {
            on = (monthDays.count == 1 ? "day " : "days ") + list(monthDays)
        }
        let frequency = self.frequency(schedule.freq, interval: schedule.interval)
        if frequency.isEmpty { return on }
        return on.isEmpty ? frequency : "\(frequency) on \(on)"
    }

    /// RRULE frequencies (`WEEKLY`) and ORUK v1's (`week`).
    static func frequency(_ freq: String, interval: String) -> String {
        let units: [String: (unit: String, adverb: String)] = [
            "daily": ("day", "Daily"), "day": ("day", "Daily"), "weekly": ("week", "Weekly"), "week": ("week", "Weekly"),
            "monthly": ("month", "Monthly"), "month": ("month", "Monthly"), "yearly": ("year", "Yearly"), "year": ("year", "Yearly"),
        ]
        guard let frequency = units[freq.trimmed.lowercased()] else { return "" }
        if let every = Int(interval.trimmed), every > 1 { return "Every \(every) \(frequency.unit)s" }
        return frequency.adverb
    }

    static let dayNames = ["MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday",
                           "FR": "Friday", "SA": "Saturday", "SU": "Sunday"]
    static let ordinals = ["1": "first", "+1": "first", "2": "second", "+2": "second", "3": "third",
                           "+3": "third", "4": "fourth", "+4": "fourth", "5": "fifth", "+5": "fifth",
                           "-1": "last", "-2": "second to last"]

    /// "TH" → "Thursday", "1MO" → "the first Monday"; anything else is kept as written.
    static func day(_ token: String) -> String {
        let code = String(token.suffix(2)).uppercased()
        guard let name = dayNames[code] else { return token }
        let prefix = String(token.dropLast(2))
        if prefix.isEmpty { return name }
        guard let ordinal = ordinals[prefix] else { return token }
        return "the \(ordinal) \(name)"
    }

    /// ORUK v1 weekdays: a name in any case or abbreviation, or 1–7 counting from Monday (ISO 8601).
    static func dayName(_ weekday: String) -> String {
        let text = weekday.trimmed
        if let number = Int(text), (1...7).contains(number) {
            return ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][number - 1]
        }
        let prefix = String(text.prefix(2)).uppercased()
        if let name = dayNames[prefix], name.lowercased().hasPrefix(text.lowercased()), text.count >= 2 {
            return name
        }
        return text
    }

    /// "10:00–18:00", "from 10:00", "until 18:00", or empty.
    static func timeRange(opens: String, closes: String) -> String {
        switch (clock(opens), clock(closes)) {
        case ("", ""): ""
        case (let open, ""): "from \(open)"
        case ("", let close): "until \(close)"
        case (let open, let close): "\(open)–\(close)"
        }
    }

    /// "10:00:00" and "2000-01-01T10:00:00.000Z" → "10:00"; anything else is kept as written.
    static func clock(_ time: String) -> String {
        let text = time.trimmed
        let afterDate = text.split(separator: "T", maxSplits: 1).last.map(String.init) ?? text
        let digits = Array(afterDate.prefix(5))
        guard digits.count == 5, digits[2] == ":",
              [digits[0], digits[1], digits[3], digits[4]].allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return text
        }
        return String(digits)
    }

    /// "Monday", "Monday and Friday", "Monday, Wednesday and Friday".
    static func list(_ items: [String]) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
