import Foundation

/// What needs doing across the whole caseload: follow-ups overdue, due today and due in the next
/// seven days, and the people still waiting to be reached. Discharged clients are left out.
public struct Agenda: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var clientID: UUID
        public var followUp: FollowUp

        public init(clientID: UUID, followUp: FollowUp) {
            self.clientID = clientID
            self.followUp = followUp
        }
    }

    public static let daysAhead = 7

    /// Oldest first.
    public var overdue: [Entry]
    /// By time, untimed last.
    public var today: [Entry]
    /// Due tomorrow to a week today, by day then time.
    public var nextSevenDays: [Entry]
    /// Waiting or contacting, longest wait first (oldest referral, then reference).
    public var waiting: [Client]

    public init(overdue: [Entry] = [], today: [Entry] = [], nextSevenDays: [Entry] = [], waiting: [Client] = []) {
        self.overdue = overdue
        self.today = today
        self.nextSevenDays = nextSevenDays
        self.waiting = waiting
    }

    public var isEmpty: Bool { overdue.isEmpty && today.isEmpty && nextSevenDays.isEmpty && waiting.isEmpty }

    public static func make(clients: [Client], today: CalendarDate) -> Agenda {
        let open = clients.filter { $0.status != .discharged }
        // Ties keep the order of `clients`, so the agenda does not shuffle between redraws.
        let entries = open.flatMap { client in
            client.followUps.filter(\.isScheduled).map { Entry(clientID: client.id, followUp: $0) }
        }
        .enumerated()
        .sorted { ($0.element.followUp.due, $0.element.followUp.time ?? "~", $0.offset)
                < ($1.element.followUp.due, $1.element.followUp.time ?? "~", $1.offset) }
        .map(\.element)
        let lastDay = today.adding(days: daysAhead)
        let waiting = open.filter(\.status.isAwaitingFirstContact).enumerated()
            .map { (key: waitKey($0.element, $0.offset), client: $0.element) }
            .sorted { $0.key < $1.key }
            .map(\.client)
        return Agenda(overdue: entries.filter { $0.followUp.due < today },
                      today: entries.filter { $0.followUp.due == today },
                      nextSevenDays: entries.filter { $0.followUp.due > today && $0.followUp.due <= lastDay },
                      waiting: waiting)
    }

    private static func waitKey(_ client: Client, _ position: Int) -> (CalendarDate, Int, String, Int) {
        (client.referral.date, ClientReference.number(in: client.reference) ?? Int.max, client.reference, position)
    }
}
