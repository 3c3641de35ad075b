import Foundation

/// The rules for connections to community assets. Every change is kept as a dated event; nothing is
/// removed, so the record shows how each connection went. A discharged case is reopened first.
extension Client {
    /// Connects the person to `asset`, starting with `event`.
    public func connecting(to asset: Asset, id: UUID = UUID(), event: ConnectionEvent, stepID: UUID? = nil,
                           at now: Date) throws(WorkError) -> Client {
        guard status != .discharged else { throw .clientDischarged }
        guard !asset.isRetired else { throw .assetRetired(asset.name) }
        try checkStep(stepID)
        var changed = self
        changed.connections.append(Connection(id: id, assetID: asset.id, assetName: asset.name, stepID: stepID, history: [event]))
        changed.updatedAt = now
        return changed
    }

    /// Records the next change of a connection (a new state, or a note on the same state) and which
    /// plan step it serves. Returns the client unchanged when the change says nothing new.
    public func updatingConnection(id: UUID, event: ConnectionEvent, stepID: UUID?, at now: Date) throws(WorkError) -> Client {
        guard status != .discharged else { throw .clientDischarged }
        guard let index = connections.firstIndex(where: { $0.id == id }) else { throw .connectionNotFound }
        try checkStep(stepID)
        var connection = connections[index]
        if event.date < connection.latest.date { throw .connectionBeforeLastChange(connection.latest.date) }
        let saysSomething = event.state != connection.state || !event.note.isEmpty
        if saysSomething { connection.history.append(event) }
        connection.stepID = stepID
        guard connection != connections[index] else { return self }
        var changed = self
        changed.connections[index] = connection
        changed.updatedAt = now
        return changed
    }

    /// Connections to assets, most recently changed first.
    public var connectionsByLatestChange: [Connection] {
        connections.enumerated()
            .sorted { ($0.element.latest.date, $0.offset) > ($1.element.latest.date, $1.offset) }
            .map(\.element)
    }

    private func checkStep(_ stepID: UUID?) throws(WorkError) {
        guard let stepID else { return }
        if !goals.contains(where: { $0.steps.contains { $0.id == stepID } }) { throw .stepNotFound }
    }
}
