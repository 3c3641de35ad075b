import Foundation
import Testing
@testable import CaseloadKit

/// The demo's community assets, and the demo clients' connections to them.
@Suite struct DemoDirectoryTests {
    static let seeds: [UInt64] = [1, 42, 2026, UInt64.max]

    let assets = DemoDirectory.make(today: Fixture.today, now: Fixture.now)

    static func demo(_ seed: UInt64 = 42, timeZone: TimeZone = Fixture.utc) -> [Client] {
        DemoCaseload.make(today: Fixture.today, now: Fixture.now, seed: seed, timeZone: timeZone)
    }

    @Test func isTheSameEveryRunWithIdsThatDoNotDependOnTheDay() {
        #expect(DemoDirectory.make(today: Fixture.today, now: Fixture.now) == assets)
        #expect(Self.demo() == Self.demo())
        let later = Fixture.today.adding(days: 40)
        let laterAssets = DemoDirectory.make(today: later, now: Fixture.now.addingTimeInterval(40 * 86_400))
        #expect(laterAssets.map(\.id) == assets.map(\.id))
    }

    @Test func hasAboutEighteenAssetsWithUniqueNamesAndIds() {
        #expect((16...20).contains(assets.count))
        #expect(Set(assets.map(\.name)).count == assets.count)
        #expect(Set(assets.map(\.id)).count == assets.count)
        let names = assets.map(\.name)
        #expect(names.contains("Zoë's Knit & Natter"))
        #expect(names.contains { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })  // CJK
    }

    @Test func showsEveryStateOfTheDirectory() {
        let today = Fixture.today
        let checkedLongAgo = assets.filter { $0.lastChecked != nil && $0.isStale(today: today) }
        #expect((3...4).contains(checkedLongAgo.count))
        #expect(assets.filter { $0.lastChecked == nil }.count == 1)
        #expect(assets.filter(\.isRetired).count == 1)
        #expect(assets.contains { $0.capacity.warnsBeforeConnecting && !$0.isRetired })
        #expect(Set(assets.map(\.capacity)) == Set(AssetCapacity.allCases))
        #expect(assets.filter { $0.capacity == .accepting }.count > assets.count / 2)

        let imported = assets.filter { $0.source != nil }
        #expect((2...3).contains(imported.count))
        for asset in imported {
            #expect(asset.source?.feed == "demo-council-feed.json" && asset.source?.feedStatus == "active")
            #expect(!asset.topics.isEmpty && asset.source?.serviceID.isEmpty == false, "\(asset.name)")
        }
        #expect(Set(imported.compactMap(\.source?.serviceID)).count == imported.count)
    }

    @Test func coversEveryNeedTheDemoReferralsHave() {
        let covered = Set(assets.filter { !$0.isRetired }.flatMap(\.categories))
        let needed = Set(Self.demo().flatMap(\.referral.needs))
        #expect(needed.isSubset(of: covered), "\(needed.subtracting(covered))")
    }

    @Test func usesDramaPhoneNumbersAndExampleAddresses() {
        let drama = 960_000...960_999
        for asset in assets {
            let parts = asset.phone.split(separator: " ")
            #expect(parts.count == 2 && parts[0] == "01632" && Int(parts[1]).map(drama.contains) == true, "\(asset.phone)")
            #expect(asset.email.hasSuffix("@example.org"), "\(asset.email)")
            #expect(asset.website.isEmpty || asset.website.hasPrefix("https://example.org/"), "\(asset.website)")
            #expect(!asset.address.isEmpty && !asset.schedule.isEmpty && !asset.notes.isEmpty, "\(asset.name)")
        }
        #expect(Set(assets.map(\.phone)).count == assets.count)
    }

    @Test func datesComeInOrderAndNeverAfterToday() {
        let earliestReferral = Fixture.today.adding(days: -DemoCaseload.referralWindowDays)
        for asset in assets {
            let added = CalendarDate(asset.createdAt, in: Fixture.utc)
            #expect(added < earliestReferral, "\(asset.name)")
            #expect(asset.createdAt <= asset.updatedAt && asset.updatedAt <= Fixture.now, "\(asset.name)")
            for day in [asset.lastChecked?.date, asset.retiredOn].compactMap({ $0 }) {
                #expect(day >= added && day <= Fixture.today, "\(asset.name)")
                #expect(CalendarDate(asset.updatedAt, in: Fixture.utc) >= day, "\(asset.name)")
            }
            if let importedAt = asset.source?.importedAt {
                #expect(importedAt >= asset.createdAt && importedAt <= asset.updatedAt, "\(asset.name)")
            }
        }
    }

    @Test(arguments: seeds)
    func connectionsPointAtDemoAssetsByIdAndName(seed: UInt64) {
        let names = Dictionary(uniqueKeysWithValues: assets.map { ($0.id, $0.name) })
        let connections = Self.demo(seed).flatMap(\.connections)
        #expect(!connections.isEmpty)
        for connection in connections {
            #expect(names[connection.assetID] == connection.assetName, "\(connection.assetName)")
        }
        #expect(Set(connections.map(\.id)).count == connections.count)
    }

    @Test(arguments: seeds)
    func aboutAThirdOfThoseReachedAreConnectedAndNobodyStillWaiting(seed: UInt64) {
        let clients = Self.demo(seed)
        let reached = clients.filter { !$0.status.isAwaitingFirstContact }
        let connected = clients.filter { !$0.connections.isEmpty }
        #expect(connected.count * 4 >= reached.count && connected.count * 2 <= reached.count)
        for client in clients {
            if client.status.isAwaitingFirstContact { #expect(client.connections.isEmpty, "\(client.reference)") }
            #expect(client.connections.count <= 3, "\(client.reference)")
            #expect(Set(client.connections.map(\.assetID)).count == client.connections.count, "\(client.reference)")
        }
    }

    @Test(arguments: [(UInt64(42), "UTC"), (1, "UTC"), (2026, "Asia/Tokyo"), (.max, "America/New_York")])
    func connectionHistoriesFitTheClientsTimeline(seed: UInt64, zone: String) {
        for client in Self.demo(seed, timeZone: TimeZone(identifier: zone)!) {
            let ref = client.reference
            let hold = client.statusHistory.first { $0.to == .onHold }?.date
            for connection in client.connections {
                let days = connection.history.map(\.date)
                #expect(days == days.sorted(), "\(ref)")
                #expect(days.allSatisfy { $0 >= client.referral.date && $0 <= Fixture.today }, "\(ref)")
                if let first = client.firstContactDate { #expect(days.allSatisfy { $0 >= first }, "\(ref)") }
                if let end = client.discharge?.date ?? hold { #expect(days.allSatisfy { $0 <= end }, "\(ref)") }
                if client.status == .discharged {
                    #expect([.attended, .didNotAttend, .declined, .stopped].contains(connection.state), "\(ref)")
                }
                // A change of state each time, with no news before the first state.
                let states = connection.history.map(\.state)
                #expect(zip(states, states.dropFirst()).allSatisfy { $0 != $1 }, "\(ref)")
                #expect([.suggested, .referred].contains(states[0]), "\(ref)")
            }
            #expect(client.connections.map(\.started) == client.connections.map(\.started).sorted(), "\(ref)")
        }
    }

    @Test(arguments: seeds)
    func connectsOnlyToAssetsThatWereOpen(seed: UInt64) {
        let byID = Dictionary(uniqueKeysWithValues: assets.map { ($0.id, $0) })
        for client in Self.demo(seed) {
            for connection in client.connections {
                guard let asset = byID[connection.assetID] else { continue }
                if let retired = asset.retiredOn {
                    #expect(connection.latest.date <= retired, "\(client.reference)")
                } else {
                    #expect(!asset.capacity.warnsBeforeConnecting, "\(client.reference) \(asset.name)")
                }
                #expect(!Set(asset.categories).isDisjoint(with: client.referral.needs), "\(client.reference) \(asset.name)")
                if connection.history.contains(where: { $0.state == .waiting }) { #expect(asset.capacity == .waitingList) }
            }
        }
    }

    @Test(arguments: seeds)
    func linksPlanStepsThatAgreeWithHowItWent(seed: UInt64) {
        let clients = Self.demo(seed)
        let linked = clients.flatMap { client in client.connections.compactMap { connection in
            connection.stepID.map { id in (connection, client.goals.flatMap(\.steps).first { $0.id == id }) }
        } }
        #expect(!linked.isEmpty)
        for (connection, step) in linked {
            guard let step else {
                Issue.record("\(connection.assetName) is linked to a step its client does not have")
                continue
            }
            if step.status == .done { #expect(connection.history.contains { $0.state == .attended }, "\(step.what)") }
        }
    }

    @Test func showsEveryWayAConnectionGoes() {
        let states = Set(Self.seeds.flatMap { Self.demo($0).flatMap(\.connections) }.map(\.state))
        #expect(states == Set(ConnectionState.allCases))
        #expect(Self.demo().flatMap(\.connections).contains { connection in
            assets.first { $0.id == connection.assetID }?.isRetired == true
        })
    }
}
