import Foundation

/// The fields of the follow-up form, in form order. Raw values name the fields in the screens.
public enum FollowUpField: String, CaseIterable, Hashable, Sendable {
    case due
    case time
    case purpose
    case mode

    public var label: String {
        switch self {
        case .due: "Due date"
        case .time: "Time"
        case .purpose: "Purpose"
        case .mode: "Mode"
        }
    }
}

/// The follow-up form as typed. Codable so that an unsaved form can be written to a recovery file.
public struct FollowUpDraft: Hashable, Sendable, Codable {
    /// Any form `DateStyle.parse` reads.
    public var due: String
    /// 24-hour `14:30` or `9:05`; blank for "some time that day".
    public var time: String
    public var purpose: String
    public var mode: ContactMode
    /// When editing, the day the follow-up was due: it may stay there even if that has passed.
    public var originalDue: CalendarDate?

    /// A new follow-up, a week from `today`.
    public init(today: CalendarDate) {
        due = DateStyle.screen(today.adding(days: 7))
        time = ""
        purpose = ""
        mode = .phone
        originalDue = nil
    }

    public init(followUp: FollowUp) {
        due = DateStyle.screen(followUp.due)
        time = followUp.time ?? ""
        purpose = followUp.purpose
        mode = followUp.mode
        originalDue = followUp.due
    }

    public struct Problems: Error, Equatable, Sendable, CustomStringConvertible {
        public let messages: [FollowUpField: String]

        public var description: String {
            FollowUpField.allCases.compactMap { messages[$0] }.joined(separator: "; ")
        }
    }

    /// One message per field at fault; empty when the follow-up can be scheduled for `client`.
    /// A new date cannot be in the past; an overdue follow-up keeps its date when only its
    /// purpose or mode is edited.
    public func validate(today: CalendarDate, client: Client) -> [FollowUpField: String] {
        var (parsed, messages) = parse(example: today.adding(days: 7))
        if let day = parsed?.due {
            if day < client.referral.date {
                messages[.due] = "A follow-up cannot be due before the referral on \(DateStyle.screen(client.referral.date))"
            } else if day < today, day != originalDue {
                messages[.due] = "That day has passed: choose today or later"
            }
        }
        return messages
    }

    /// A scheduled follow-up with the typed values, purpose trimmed and time as `HH:MM`.
    public func build(id: UUID) throws(Problems) -> FollowUp {
        let (parsed, messages) = parse(example: nil)
        guard let parsed, messages.isEmpty else { throw Problems(messages: messages) }
        return FollowUp(id: id, due: parsed.due, time: parsed.time, purpose: purpose.trimmed, mode: mode)
    }

    private func parse(example: CalendarDate?) -> (values: (due: CalendarDate, time: String?)?, messages: [FollowUpField: String]) {
        var messages: [FollowUpField: String] = [:]
        let day = DateStyle.parse(due)
        if due.trimmed.isEmpty {
            messages[.due] = "Enter the day it is due"
        } else if day == nil {
            let shown = example.map { ", for example \(DateStyle.screen($0))" } ?? ""
            messages[.due] = "Enter the due date as a date\(shown)"
        }
        var clock: String?
        if !time.trimmed.isEmpty {
            clock = DateStyle.parseTime(time).map { DateStyle.time(hour: $0.hour, minute: $0.minute) }
            if clock == nil { messages[.time] = "Enter the time as 24-hour HH:MM, for example 10:00, or leave it blank" }
        }
        if purpose.trimmed.isEmpty { messages[.purpose] = "Say what the follow-up is for" }
        guard let day else { return (nil, messages) }
        return ((day, clock), messages)
    }
}
