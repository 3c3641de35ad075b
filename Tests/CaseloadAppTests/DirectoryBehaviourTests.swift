import Foundation
import Testing
import CaseloadKit
import TerminalUI
@testable import CaseloadApp

/// A small directory for the directory and connection tests.
enum DirectoryFixture {
    static func asset(_ name: String, _ capacity: AssetCapacity = .accepting, categories: [NeedCategory] = [.loneliness],
                      checked: CalendarDate? = Fixture.today, description: String = "") -> Asset {
        Asset(name: name, organisation: "Riverside Trust", categories: categories, description: description, capacity: capacity,
              lastChecked: checked.map { AssetCheck(date: $0, by: "Sam") }, createdAt: Fixture.now)
    }

    static let assets = [
        asset("Men's Shed", description: "Woodwork and a cuppa"),
        asset("Zumba Gold", .full, categories: [.physicalActivity]),
        asset("Riverside Walking Group", categories: [.physicalActivity, .loneliness], checked: CalendarDate(year: 2026, month: 1, day: 5)),
        asset("Lunch Club", .closed, checked: nil),
    ]

    static func state(width: Int = 80, height: Int = 24) -> AppState {
        var state = AppState(clients: Fixture.demo, assets: assets, now: Fixture.now, timeZone: Fixture.utc,
                             size: Size(width: width, height: height), dataFolder: "/home/lw/.local/share/caseload",
                             workerName: "Sam Patel")
        state.home = .directory
        return state
    }

    static func id(_ name: String) -> UUID { assets.first { $0.name == name }!.id }
}

extension AppState {
    /// Runs the effects the way the shell would when every save succeeds.
    mutating func succeed(_ effects: [Effect]) {
        var effects = effects
        while !effects.isEmpty {
            switch effects.removeFirst() {
            case .save(let client): effects += update(.saved(client))
            case .saveAsset(let asset): effects += update(.assetSaved(asset))
            case .saveSettings(let settings): effects += update(.settingsSaved(settings))
            case .writeExport(let what, let name, _): effects += update(.exportWritten(what: what, path: "/data/exports/" + name))
            default: break
            }
        }
    }

    var directoryNames: [String] { directory.rows.compactMap { assets[$0]?.name } }
}

@Suite struct DirectoryBehaviourTests {
    @Test func tabStepsFromTheCaseloadThroughTheAgendaToTheDirectoryAndBack() {
        var state = Fixture.state()
        state.press(.tab)
        #expect(state.home == .agenda)
        state.press(.tab)
        #expect(state.home == .directory)
        #expect(state.screen.contains("Community assets"))
        state.press(.tab)
        #expect(state.home == .caseload)
    }

    @Test func listsAssetsInUseByNameAndHidesNothingButRetired() {
        let state = DirectoryFixture.state()
        #expect(state.directoryNames == ["Lunch Club", "Men's Shed", "Riverside Walking Group", "Zumba Gold"])
        #expect(state.screen.contains("⚠ 2 not checked for 6 months"))
    }

    @Test func searchNarrowsAsYouTypeAndEscPutsBackTheEarlierSearch() {
        var state = DirectoryFixture.state()
        state.press(.character("/"))
        state.type("wood")
        #expect(state.directoryNames == ["Men's Shed"])
        state.press(.enter)
        #expect(state.message?.text == "1 asset match “wood”")
        state.press(.character("/"))
        state.type("x")
        #expect(state.directoryNames.isEmpty)
        state.press(.escape)
        #expect(state.directoryNames == ["Men's Shed"])
        state.press(.escape)
        #expect(state.directoryNames.count == 4)
    }

    @Test func filtersByCategoryAndCapacity() {
        var state = DirectoryFixture.state()
        state.press(.character("c"))
        #expect(state.message?.text == "Category: Loneliness and isolation (3 shown)")
        state.press(.character("f"))
        #expect(state.directoryNames == ["Men's Shed", "Riverside Walking Group"])
    }

    @Test func markingCheckedTodaySavesWhoAndWhen() {
        var state = DirectoryFixture.state()
        state.directory.selectedID = DirectoryFixture.id("Riverside Walking Group")
        let effects = state.press(.character("v"))
        guard case .saveAsset(let saved)? = effects.first else {
            Issue.record("expected a save, got \(effects)")
            return
        }
        #expect(saved.lastChecked == AssetCheck(date: Fixture.today, by: "Sam Patel"))
        state.succeed(effects)
        #expect(state.message?.text == "Riverside Walking Group: checked today by Sam Patel")
    }

    @Test func retiringAsksFirstThenHidesTheAssetUntilAskedFor() {
        var state = DirectoryFixture.state()
        state.directory.selectedID = DirectoryFixture.id("Lunch Club")
        #expect(state.press(.character("r")).isEmpty)
        guard case .confirm(let confirmation)? = state.modal else {
            Issue.record("expected a confirmation")
            return
        }
        #expect(confirmation.question.hasPrefix("Retire “Lunch Club”?"))
        state.succeed(state.press(.character("y")))
        #expect(!state.directoryNames.contains("Lunch Club"))
        state.press(.character("R"))
        #expect(state.directoryNames.contains("Lunch Club"))
        #expect(state.screen.contains(" R Lunch Club"))
    }

    @Test func addingAnAssetOpensItAfterSaving() {
        var state = DirectoryFixture.state()
        state.press(.character("a"))
        state.type("Zoë's Knit & Natter")
        let effects = state.press(.control("s"))
        guard case .saveAsset(let asset)? = effects.first else {
            Issue.record("expected a save, got \(effects)")
            return
        }
        #expect(asset.name == "Zoë's Knit & Natter" && asset.source == nil)
        state.succeed(effects)
        guard case .asset(let view)? = state.stack.last else {
            Issue.record("expected the asset view")
            return
        }
        #expect(view.id == asset.id)
        #expect(state.directory.selectedID == asset.id)
        #expect(state.message?.text == "Added “Zoë's Knit & Natter” to the directory")
    }

    @Test func aNamelessAssetIsNotSaved() {
        var state = DirectoryFixture.state()
        state.press(.character("a"))
        #expect(state.press(.control("s")).isEmpty)
        #expect(state.message?.text.contains("Give the asset a name") == true)
    }

    @Test func importAsksForAPathThenReportsFileByFile() {
        var state = DirectoryFixture.state()
        state.press(.character("i"))
        state.type("~/feeds/council.json")
        #expect(state.press(.enter) == [.importAssets(["~/feeds/council.json"])])
        let plan = ImportPlan(feed: "council.json", added: [DirectoryFixture.asset("Choir")], unchanged: 2,
                              skipped: [ImportSkip(serviceID: "s9", name: "", reason: "no name")])
        _ = state.update(.assetsImported(AssetImportReport(files: [.imported(plan)], saved: plan.added)))
        #expect(state.directoryNames.contains("Choir"))
        #expect(state.message?.text == "Import: 1 added, 0 updated, 2 unchanged, 1 skipped")
        #expect(state.screen.contains("skipped service s9: no name"))
    }

    @Test func aReadOnlyWindowCannotChangeTheDirectory() {
        var state = DirectoryFixture.state()
        state.readOnlyReason = "open in another window"
        for key in ["a", "v", "r", "i"] {
            #expect(state.press(.character(Character(key))).isEmpty)
            #expect(state.stack.isEmpty && !state.hasModal, "\(key)")
        }
    }
}

@Suite struct DirectoryEdgeTests {
    @Test func escFromASearchPutsTheSelectionBack() {
        var state = DirectoryFixture.state()
        state.directory.selectedID = DirectoryFixture.id("Zumba Gold")
        state.press(.character("/"))
        state.type("shed")
        state.press(.escape)
        #expect(state.directory.selectedID == DirectoryFixture.id("Zumba Gold"))
    }

    @Test func whenEveryAssetIsRetiredItSaysHowToSeeThem() {
        var state = DirectoryFixture.state()
        state.storeAssets(state.assets.values.map { $0.retired(on: Fixture.today, at: Fixture.now) })
        #expect(state.screen.contains("No assets to show: every asset is retired, R shows them."))
    }

    @Test func searchFindsAnAssetByItsSavedNameNotItsOldOne() {
        var state = DirectoryFixture.state()
        var shed = state.assets[DirectoryFixture.id("Men's Shed")]!
        shed.name = "Kilnbridge Workshop"
        _ = state.update(.assetSaved(shed))
        state.press(.character("/"))
        state.type("workshop")
        #expect(state.directoryNames == ["Kilnbridge Workshop"])
        state.press(.control("u"))
        state.type("men's shed")
        #expect(state.directoryNames.isEmpty)
    }

    @Test func aCheckDatedInTheFarFutureIsNotStaleAndDoesNotCrash() {
        var asset = DirectoryFixture.asset("Men's Shed", checked: CalendarDate(year: 9999, month: 12, day: 31)!)
        #expect(!asset.isStale(today: Fixture.today))
        asset.lastChecked = nil
        #expect(asset.isStale(today: Fixture.today))
    }
}
