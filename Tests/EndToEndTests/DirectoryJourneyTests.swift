import Foundation
import Testing

/// The directory from the keyboard: import an Open Referral feed in the app, find a service by
/// search, connect a client to it, record that they attended; after a restart both the client and
/// the asset show it.
@Suite(.timeLimit(.minutes(3)))
struct DirectoryJourneyTests {
    static let client = "Łukasz Nowak (C-0001)"
    static let service = "Community Counselling"

    @Test("Import a feed, find a service, connect a client, mark attended; both sides show it after a restart")
    func importFindConnectAttend() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            let pane = try await world.open(data)

            // Tab twice: the agenda, then the directory. Import the example feed from the app.
            try pane.press("Tab", "Tab")
            try await pane.waitFor("Community assets · ")
            try pane.press("i")
            try await pane.waitFor("Import an Open Referral UK directory")
            try pane.type(HSDSFixtures.path("service_full.json"))
            try pane.press("Enter")
            let report = try await pane.waitFor("Open Referral import")
            #expect(report.contains("service_full.json: 1 added, 0 updated, 0 unchanged, 0 skipped"), "\(report)")
            try pane.press("Escape")

            // Found among the demo's assets by words of its description.
            try pane.press("/")
            try await pane.waitFor("Search assets:")
            try pane.type("eating disorders")
            try pane.press("Enter")
            let found = try await pane.waitFor("1 asset match “eating disorders”")
            #expect(found.selectedRow?.contains(Self.service) == true, "\(found)")

            // Back to the caseload, connect the client to it.
            try pane.press("Tab")
            try await pane.waitFor("Caseload · ")
            try await pane.openClient("C-0001", title: Self.client)
            try pane.press("a")
            try await pane.waitFor("Connect \(Self.client) to…")
            try pane.type("disorders")
            try await pane.waitUntil("the picker to narrow to the service") { $0.contains("Accepting      \(Self.service)") }
            try pane.press("Enter")
            try await pane.waitFor("Connect \(Self.client) to \(Self.service)")
            try await pane.choose("State", "Referred")
            try pane.press("C-s")
            try await pane.waitFor("Connected \(Self.client) to \(Self.service)")

            // What happened next: they went.
            try await Self.openConnections(pane)
            try pane.press("Enter")
            try await pane.waitFor("\(Self.client) at \(Self.service): what happened next")
            try await pane.choose("New state", "Attended")
            try pane.press("C-s")
            try await pane.waitFor("Connection to \(Self.service) updated for \(Self.client)")
            try pane.press("Escape")
            try await pane.waitFor("Caseload · ")
            try pane.press("q")
            #expect(try await pane.waitForExit() == 0)

            // A restart: the client's record and the asset's counts both show the attendance.
            let again = try await world.open(data)
            try await again.openClient("C-0001", title: Self.client)
            try await Self.openConnections(again)
            let connections = try await again.waitFor("\(Self.service) · Attended 21-Nov-2026")
            #expect(connections.selectedRow?.contains("\(Self.service) · Attended") == true, "\(connections)")
            try again.press("Escape")
            try again.press("Tab", "Tab")
            try await again.waitFor("Community assets · ")
            try again.press("/")
            try again.type("disorders")
            try again.press("Enter")
            try await again.waitFor("1 asset match “disorders”")
            try again.press("Enter")
            let asset = try await again.waitFor("How connections went (no names)")
            #expect(asset.title == Self.service, "\(asset)")
            #expect(asset.contains("People connected       1, 1 attended at least once"), "\(asset)")
            #expect(!asset.contains("Łukasz"), "the asset names nobody:\n\(asset)")
        }
    }

    /// From the client's overview, four Tabs along the sections reach Connections, most recent first.
    static func openConnections(_ pane: Pane) async throws {
        try pane.press("Tab", "Tab", "Tab", "Tab")
        try await pane.waitUntil("the connections, ours selected") { $0.selectedRow?.contains(Self.service) == true }
    }
}
