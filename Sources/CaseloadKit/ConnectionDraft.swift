import Foundation

/// The fields of the connection form, in form order.
public enum ConnectionField: String, CaseIterable, Hashable, Sendable {
    case state
    case date
    case step
    case note

    public var label: String {
        switch self {
        case .state: "State"
        case .date: "Date"
        case .step: "For plan step"
        case .note: "Note"
        }
    }
}

/// What the connection form holds: a new connection, or the next change to an existing one.
public struct ConnectionDraft: Hashable, Sendable, Codable {
    public var state: ConnectionState
    /// Any form `DateStyle.parse` reads.
    public var date: String
    public var stepID: UUID?
    public var note: String

    public init(state: ConnectionState = .suggested, date: CalendarDate, stepID: UUID? = nil, note: String = "") {
        self.init(state: state, dateText: DateStyle.screen(date), stepID: stepID, note: note)
    }

    /// The draft as typed, the date not yet read.
    public init(state: ConnectionState, dateText: String, stepID: UUID?, note: String) {
        self.state = state
        self.date = dateText
        self.stepID = stepID
        self.note = note
    }

    public func validate(today: CalendarDate, client: Client, connectionID: UUID?) -> [ConnectionField: String] {
        parse(today: today, client: client, connectionID: connectionID).messages
    }

    public func event(today: CalendarDate, client: Client, connectionID: UUID?) throws(WorkError) -> ConnectionEvent {
        let (date, messages) = parse(today: today, client: client, connectionID: connectionID)
        guard messages.isEmpty, let date else { throw .invalidConnection(messages.values.sorted().joined(separator: "; ")) }
        return ConnectionEvent(state: state, date: date, note: note.trimmed)
    }

    private func parse(today: CalendarDate, client: Client, connectionID: UUID?) -> (date: CalendarDate?, messages: [ConnectionField: String]) {
        guard let date = DateStyle.parse(date) else {
            return (nil, [.date: "Enter the date, for example 21-Nov-2026"])
        }
        if date > today { return (nil, [.date: "A change cannot be dated in the future"]) }
        if date < client.referral.date {
            return (nil, [.date: "The date is before the referral on \(DateStyle.screen(client.referral.date))"])
        }
        if let connectionID, let latest = client.connections.first(where: { $0.id == connectionID })?.latest, date < latest.date {
            return (nil, [.date: "The date is before the last change, on \(DateStyle.screen(latest.date))"])
        }
        return (date, [:])
    }
}
