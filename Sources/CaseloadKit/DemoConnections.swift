import Foundation

/// Connections from demo clients to the demo directory's assets, fitted to the work `DemoWork`
/// drew: every change is dated on a day the link worker spoke with the person, from the
/// what-matters conversation on, or on the day the case was closed. It draws from its own
/// generator, so adding connections left the rest of the demo unchanged.
struct DemoConnections {
    let directory: [DemoDirectory.Entry]
    let timeZone: TimeZone
    var random: SplitMix64

    init(directory: [DemoDirectory.Entry], timeZone: TimeZone, seed: UInt64) {
        self.directory = directory
        self.timeZone = timeZone
        random = SplitMix64(seed: seed ^ 0xC044_EC7E_C044_EC7E)
    }

    /// As many people as a third of those reached (active, on hold or discharged) get one to three
    /// connections each. They are chosen among those who have had a what-matters conversation,
    /// since that is where connections are first talked about.
    mutating func add(to clients: inout [Client]) {
        let reached = clients.indices.filter { !clients[$0].status.isAwaitingFirstContact }
        var heard = reached.filter { index in clients[index].contacts.contains { $0.kind == .whatMatters } }
        random.shuffle(&heard)
        for index in heard.prefix(reached.count / 3) {
            clients[index].connections = connections(for: clients[index])
        }
    }

    private mutating func connections(for client: Client) -> [Connection] {
        let days = meetingDays(client)
        guard !days.isEmpty else { return [] }
        var fitting = directory.filter { fits($0, client, days: days) }
        random.shuffle(&fitting)
        // Assets the plan already names come first.
        let named = fitting.filter { step(at: $0, in: client) != nil }
        let unnamed = fitting.filter { step(at: $0, in: client) == nil }
        let chosen = (named + unnamed).prefix(random.int(in: 1...3))
        return chosen.map { connection(to: $0, for: client, on: days) }.sorted { $0.started < $1.started }
    }

    /// The days the link worker spoke with the person from the what-matters conversation on, and
    /// the discharge day: when a connection is suggested or its news heard. Oldest first.
    private func meetingDays(_ client: Client) -> [CalendarDate] {
        let spoken = client.contacts.drop { $0.kind != .whatMatters }.filter(\.kind.isSuccessful)
        let days = spoken.map { CalendarDate($0.at, in: timeZone) } + [client.discharge?.date].compactMap { $0 }
        return Set(days).sorted()
    }

    /// For one of the person's needs (or named in their plan, if only for some), old enough to go,
    /// and open then: a retired asset only if everything happened before it was retired; never one
    /// now full or closed.
    private func fits(_ entry: DemoDirectory.Entry, _ client: Client, days: [CalendarDate]) -> Bool {
        let asset = entry.asset
        guard !Set(asset.categories).isDisjoint(with: client.referral.needs) else { return false }
        if entry.listing.onlyWhenPlanned && step(at: entry, in: client) == nil { return false }
        if let minimumAge = entry.listing.minimumAge {
            guard let age = client.dateOfBirth?.age(on: days[0]), age >= minimumAge else { return false }
        }
        if let retired = asset.retiredOn { return days[days.count - 1] <= retired }
        return !asset.capacity.warnsBeforeConnecting
    }

    private func step(at entry: DemoDirectory.Entry, in client: Client) -> PlanStep? {
        client.goals.lazy.flatMap(\.steps).first { entry.listing.planSteps.contains($0.what) }
    }

    /// A connection that went one of the usual ways, linked to the plan step naming the asset when
    /// the way it went agrees with how far the step got. Finished ones start on any day that leaves
    /// room for the rest; ones still under way are as recent as they can be.
    private mutating func connection(to entry: DemoDirectory.Entry, for client: Client, on days: [CalendarDate]) -> Connection {
        // A closed case, or a retired asset, has no connection still under way.
        let mustBeFinished = client.status == .discharged || entry.asset.isRetired
        let possible = (entry.asset.capacity == .waitingList ? Self.waitingListWays : Self.ways)
            .filter { (!mustBeFinished || Self.isFinished($0)) && Self.daysNeeded($0) <= days.count }
        let planStep = step(at: entry, in: client)
        let agreeing = planStep.map { step in possible.filter { Self.way($0, agreesWith: step.status) } } ?? []
        let way = random.pick(agreeing.isEmpty ? possible : agreeing)

        let latestStart = days.count - Self.daysNeeded(way)
        var day = Self.isFinished(way) ? random.int(in: 0...latestStart) : latestStart
        var spareDays = latestStart - day
        var history = [event(way[0], on: days[day])]
        for (from, to) in zip(way, way.dropFirst()) {
            if Self.needsLaterDay(from, to) { day += 1 }
            // Sometimes the news comes a meeting or two later.
            while spareDays > 0 && random.chance(40) {
                day += 1
                spareDays -= 1
            }
            history.append(event(to, on: days[day]))
        }
        return Connection(id: random.uuid(), assetID: entry.asset.id, assetName: entry.asset.name,
                          stepID: agreeing.isEmpty ? nil : planStep?.id, history: history)
    }

    private mutating func event(_ state: ConnectionState, on day: CalendarDate) -> ConnectionEvent {
        ConnectionEvent(state: state, date: day, note: random.pick(DemoDirectoryData.connectionNotes(state)))
    }

    /// How connections go, as the states they pass through (the generated caseloads' too).
    static let ways: [[ConnectionState]] = [
        [.suggested], [.suggested, .referred], [.suggested, .declined], [.referred, .attended],
        [.suggested, .referred, .attended], [.suggested, .referred, .attended, .stopped], [.referred, .didNotAttend],
        [.suggested, .referred, .didNotAttend, .attended],
    ]

    static let waitingListWays: [[ConnectionState]] = [
        [.suggested, .referred, .waiting], [.referred, .waiting, .attended], [.suggested, .declined],
    ]

    /// A done step means they went; one being done, that it is under way; one to do, that it was
    /// only suggested; a dropped one, that it came to nothing.
    private static func way(_ way: [ConnectionState], agreesWith status: StepStatus) -> Bool {
        switch status {
        case .done: way.contains(.attended)
        case .doing: !isFinished(way) && way != [.suggested]
        case .toDo: way == [.suggested]
        case .dropped: [.declined, .didNotAttend].contains(way[way.count - 1])
        }
    }

    private static func isFinished(_ way: [ConnectionState]) -> Bool {
        [.attended, .didNotAttend, .declined, .stopped].contains(way[way.count - 1])
    }

    /// Going, missing it and stopping are heard at a later meeting; the rest can happen on the spot.
    private static func needsLaterDay(_ from: ConnectionState, _ to: ConnectionState) -> Bool {
        switch (from, to) {
        case (.suggested, .referred), (.suggested, .declined), (.referred, .waiting): false
        default: true
        }
    }

    private static func daysNeeded(_ way: [ConnectionState]) -> Int {
        1 + zip(way, way.dropFirst()).filter { needsLaterDay($0, $1) }.count
    }
}
