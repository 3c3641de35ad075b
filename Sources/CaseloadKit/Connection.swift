import Foundation

/// Where a person stands with a community asset they were connected to.
public enum ConnectionState: String, Codable, Labelled {
    case suggested = "suggested"
    case referred = "referred"
    case waiting = "waiting"
    case attended = "attended"
    case didNotAttend = "did-not-attend"
    case declined = "declined"
    case stopped = "stopped"

    public var label: String {
        switch self {
        case .suggested: "Suggested"
        case .referred: "Referred"
        case .waiting: "Waiting"
        case .attended: "Attended"
        case .didNotAttend: "Did not attend"
        case .declined: "Declined"
        case .stopped: "Stopped"
        }
    }
}

/// One dated change of a connection's state, with what was said about it.
public struct ConnectionEvent: Hashable, Sendable, Codable {
    public var state: ConnectionState
    public var date: CalendarDate
    public var note: String

    public init(state: ConnectionState, date: CalendarDate, note: String = "") {
        self.state = state
        self.date = date
        self.note = note
    }
}

/// A person connected to an asset: every change kept, so the record shows how it went.
public struct Connection: Identifiable, Hashable, Sendable, Codable {
    public let id: UUID
    public var assetID: UUID
    /// The asset's name when the connection was made, so the client's record reads on its own
    /// (in exports, or if the asset's file is lost).
    public var assetName: String
    /// The action-plan step this connection carries out, if any.
    public var stepID: UUID?
    /// Oldest first; never empty.
    public var history: [ConnectionEvent]

    public init(id: UUID = UUID(), assetID: UUID, assetName: String, stepID: UUID? = nil, history: [ConnectionEvent]) {
        precondition(!history.isEmpty, "a connection starts with its first state")
        self.id = id
        self.assetID = assetID
        self.assetName = assetName
        self.stepID = stepID
        self.history = history
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(UUID.self, forKey: .id)
        assetID = try container.decode(UUID.self, forKey: .assetID)
        assetName = try container.decode(String.self, forKey: .assetName)
        stepID = try container.decodeIfPresent(UUID.self, forKey: .stepID)
        history = try container.decode([ConnectionEvent].self, forKey: .history)
        guard !history.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .history, in: container,
                                                   debugDescription: "a connection needs at least one state")
        }
    }

    public var latest: ConnectionEvent { history[history.count - 1] }
    public var state: ConnectionState { latest.state }
    public var started: CalendarDate { history[0].date }
}

/// How connections to one asset went, counted across the caseload without naming anyone.
public struct ConnectionOutcomes: Hashable, Sendable {
    /// People connected at any time (a person connected twice counts once).
    public var people: Int
    /// Connections by their current state.
    public var byState: [ConnectionState: Int]
    /// People who attended at least once, whatever happened after.
    public var everAttended: Int

    /// People (not connections) per asset, in one pass over the caseload however many assets there
    /// are: someone connected twice to the same asset counts once.
    public static func peopleByAsset(in clients: some Sequence<Client>) -> [UUID: Int] {
        var counts: [UUID: Int] = [:]
        for client in clients {
            for assetID in Set(client.connections.map(\.assetID)) { counts[assetID, default: 0] += 1 }
        }
        return counts
    }

    public init(assetID: UUID, clients: some Sequence<Client>) {
        var people = 0
        var everAttended = 0
        var byState: [ConnectionState: Int] = [:]
        for client in clients {
            let connections = client.connections.filter { $0.assetID == assetID }
            guard !connections.isEmpty else { continue }
            people += 1
            if connections.contains(where: { $0.history.contains { $0.state == .attended } }) { everAttended += 1 }
            for connection in connections { byState[connection.state, default: 0] += 1 }
        }
        self.people = people
        self.byState = byState
        self.everAttended = everAttended
    }
}
