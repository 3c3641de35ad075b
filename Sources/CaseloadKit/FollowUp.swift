import Foundation

/// Where a follow-up stands. Completed and cancelled ones are kept as a record.
public enum FollowUpState: Hashable, Sendable {
    case scheduled
    /// Completed by recording the contact with `contactID`.
    case completed(contactID: UUID, on: CalendarDate)
    case cancelled(reason: String, on: CalendarDate)

    public var label: String {
        switch self {
        case .scheduled: "Scheduled"
        case .completed: "Done"
        case .cancelled: "Cancelled"
        }
    }
}

/// Written flat, one object with a `status` word, so that a file reads as
/// `{"status": "completed", "contactID": "…", "on": "2026-03-01"}`.
extension FollowUpState: Codable {
    private enum CodingKeys: String, CodingKey {
        case status, contactID, reason, on
    }

    private enum Status: String, Codable {
        case scheduled, completed, cancelled
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Status.self, forKey: .status) {
        case .scheduled:
            self = .scheduled
        case .completed:
            self = .completed(contactID: try container.decode(UUID.self, forKey: .contactID),
                              on: try container.decode(CalendarDate.self, forKey: .on))
        case .cancelled:
            self = .cancelled(reason: try container.decode(String.self, forKey: .reason),
                              on: try container.decode(CalendarDate.self, forKey: .on))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .scheduled:
            try container.encode(Status.scheduled, forKey: .status)
        case .completed(let contactID, let on):
            try container.encode(Status.completed, forKey: .status)
            try container.encode(contactID, forKey: .contactID)
            try container.encode(on, forKey: .on)
        case .cancelled(let reason, let on):
            try container.encode(Status.cancelled, forKey: .status)
            try container.encode(reason, forKey: .reason)
            try container.encode(on, forKey: .on)
        }
    }
}

/// A review or check-in planned for a day, and perhaps a time.
public struct FollowUp: Identifiable, Hashable, Sendable, Codable {
    public let id: UUID
    public var due: CalendarDate
    /// 24-hour `HH:MM`, or nil for "some time that day".
    public var time: String?
    public var purpose: String
    public var mode: ContactMode
    public var state: FollowUpState
    /// Earlier due dates, oldest first: how often it was put off.
    public var previousDueDates: [CalendarDate]

    public init(id: UUID = UUID(), due: CalendarDate, time: String? = nil, purpose: String, mode: ContactMode = .phone,
                state: FollowUpState = .scheduled, previousDueDates: [CalendarDate] = []) {
        self.id = id
        self.due = due
        self.time = time
        self.purpose = purpose
        self.mode = mode
        self.state = state
        self.previousDueDates = previousDueDates
    }

    public var isScheduled: Bool { state == .scheduled }

    /// Still scheduled and due before today.
    public func isOverdue(today: CalendarDate) -> Bool {
        isScheduled && due < today
    }

    /// Orders follow-ups by day, then time, with untimed ones after timed ones on the same day.
    public static func isEarlier(_ a: FollowUp, _ b: FollowUp) -> Bool {
        (a.due, a.time ?? "~") < (b.due, b.time ?? "~")
    }
}
