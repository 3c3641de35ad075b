import Foundation
import Testing
import CaseloadKit
import TerminalUI
@testable import CaseloadApp

/// Snapshots of the directory, an asset, and connecting a client, at the two sizes people use most.
@Suite struct DirectorySnapshotTests {
    static let sizes = [(80, 24), (120, 40)]

    @Test(arguments: sizes) func directory(width: Int, height: Int) {
        expectSnapshot(DirectoryFixture.state(width: width, height: height).screen, named: "directory-\(width)x\(height)")
    }

    @Test(arguments: sizes) func asset(width: Int, height: Int) {
        var state = DirectoryFixture.state(width: width, height: height)
        var walking = state.assets[DirectoryFixture.id("Riverside Walking Group")]!
        walking.schedule = "Tuesdays 10:00–11:30, from the library steps"
        walking.notes = "Ask for Łukasz. Slow pace; people with sticks are welcome.\nCafé afterwards (陈's, by the bridge)."
        walking.phone = "01632 960123"
        walking.source = AssetSource(feed: "council.json", serviceID: "svc-42", feedStatus: "active", importedAt: Fixture.now)
        state.storeAssets([walking])
        var client = state.byReference.first { $0.status == .active }!
        client = try! client.connecting(to: walking, event: ConnectionEvent(state: .attended, date: Fixture.today), at: Fixture.now)
        state.clients[client.id] = client
        state.directory.selectedID = walking.id
        state.press(.enter)
        expectSnapshot(state.screen, named: "asset-\(width)x\(height)")
    }

    @Test(arguments: sizes) func connectionForm(width: Int, height: Int) {
        var state = DirectoryFixture.state(width: width, height: height)
        _ = ConnectionBehaviourTests.openClient(&state)
        state.press(.character("a"))
        state.type("walk")
        state.press(.enter)
        expectSnapshot(state.screen, named: "connection-form-\(width)x\(height)")
    }

    @Test func assetPicker() {
        var state = DirectoryFixture.state()
        _ = ConnectionBehaviourTests.openClient(&state)
        state.press(.character("a"))
        expectSnapshot(state.screen, named: "asset-picker-80x24")
    }

    @Test func emptyDirectory() {
        var state = Fixture.state()
        state.home = .directory
        expectSnapshot(state.screen, named: "directory-empty-80x24")
    }

    @Test func assetForm() {
        var state = DirectoryFixture.state()
        state.press(.character("a"))
        state.type("Zoë's Knit & Natter 🧶")
        expectSnapshot(state.screen, named: "asset-form-80x24")
    }
}
