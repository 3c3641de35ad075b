import Foundation

/// The rules of the contact form. Messages are written to sit beside the field.
extension ContactDraft {
    public static let durationRange = 1...600

    /// One message per field at fault; empty when the contact can be recorded for `client`.
    public func validate(today: CalendarDate, now: Date, timeZone: TimeZone, client: Client) -> [ContactField: String] {
        var (parsed, messages) = parse(timeZone: timeZone, example: today)
        if let parsed {
            if parsed.day > today {
                messages[.date] = "The contact cannot be in the future"
            } else if parsed.day < client.referral.date {
                messages[.date] = "The contact cannot be before the referral on \(DateStyle.screen(client.referral.date))"
            } else if parsed.at > now {
                messages[.time] = "That time is still to come today"
            }
        }
        return messages
    }

    /// The typed values that need reading, once date and time both read cleanly.
    struct Parsed {
        var day: CalendarDate
        var at: Date
        var duration: Int?
        var ons4: ONS4?
        var swemwbs: SWEMWBS?
    }

    func parse(timeZone: TimeZone, example: CalendarDate?) -> (values: Parsed?, messages: [ContactField: String]) {
        var messages: [ContactField: String] = [:]
        let day = DateStyle.parse(date)
        if date.trimmed.isEmpty {
            messages[.date] = "Enter the date of the contact"
        } else if day == nil {
            messages[.date] = "Enter the date as a date, for example \(DateStyle.screen(example ?? Self.exampleDate))"
        }
        let clock = DateStyle.parseTime(time)
        if time.trimmed.isEmpty {
            messages[.time] = "Enter the time, for example 14:30"
        } else if clock == nil {
            messages[.time] = "Enter the time as 24-hour HH:MM, for example 14:30"
        }

        var minutes: Int?
        if !duration.trimmed.isEmpty {
            minutes = Self.wholeNumber(duration, in: Self.durationRange)
            if minutes == nil { messages[.duration] = "Enter the duration in whole minutes, from 1 to 600" }
        }
        if kind == .whatMatters, whatMatters.trimmed.isEmpty {
            messages[.whatMatters] = "Write what matters to the person, in their own words"
        }

        var ons4Answers: ONS4?
        switch Self.answers(ons4, count: ONS4Item.allCases.count, scale: ONS4.scale) {
        case .notAsked: break
        case .answered(let values):
            ons4Answers = ONS4(satisfaction: values[0], worthwhile: values[1], happy: values[2], anxious: values[3])
        case .missing(let index):
            messages[.ons4] = "Answer “\(ONS4Item.allCases[index].question)” too (0 to 10), or leave all four blank"
        case .invalid(let index):
            messages[.ons4] = "Answer “\(ONS4Item.allCases[index].question)” with a whole number from 0 to 10"
        }

        var swemwbsAnswers: SWEMWBS?
        switch Self.answers(swemwbs, count: SWEMWBS.items.count, scale: SWEMWBS.scale) {
        case .notAsked: break
        case .answered(let values): swemwbsAnswers = SWEMWBS(answers: values)
        case .missing(let index):
            messages[.swemwbs] = "Answer statement \(index + 1), “\(SWEMWBS.items[index])”, too (1 to 5), or leave all seven blank"
        case .invalid(let index):
            messages[.swemwbs] = "Answer statement \(index + 1), “\(SWEMWBS.items[index])”, with a number from 1 to 5"
        }

        guard let day, let clock else { return (nil, messages) }
        let at = DateStyle.instant(day, hour: clock.hour, minute: clock.minute, in: timeZone)
        return (Parsed(day: day, at: at, duration: minutes, ons4: ons4Answers, swemwbs: swemwbsAnswers), messages)
    }

    /// Plain digits only: `Int` alone would accept `+5`.
    static func wholeNumber(_ text: String, in range: ClosedRange<Int>) -> Int? {
        let text = text.trimmed
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isWholeNumber }), let value = Int(text),
              range.contains(value) else { return nil }
        return value
    }

    /// Shown in the date message when no `today` is at hand.
    private static let exampleDate = CalendarDate(year: 2026, month: 11, day: 21)!

    enum Answers: Equatable {
        case notAsked
        case answered([Int])
        /// The first question left blank while others were answered.
        case missing(Int)
        /// The first answer that is not a whole number on the scale.
        case invalid(Int)
    }

    /// A questionnaire is all or nothing: every question blank, or every one answered on `scale`.
    /// Missing entries (a short array from an old recovery file) count as blank.
    static func answers(_ texts: [String], count: Int, scale: ClosedRange<Int>) -> Answers {
        let typed = (0..<count).map { $0 < texts.count ? texts[$0].trimmed : "" }
        guard typed.contains(where: { !$0.isEmpty }) else { return .notAsked }
        var values: [Int] = []
        for (index, text) in typed.enumerated() {
            if text.isEmpty { return .missing(index) }
            guard let value = wholeNumber(text, in: scale) else { return .invalid(index) }
            values.append(value)
        }
        return .answered(values)
    }
}
