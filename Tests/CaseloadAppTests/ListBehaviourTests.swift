import Testing
import CaseloadKit
import TerminalUI
@testable import CaseloadApp

@Suite struct ListBehaviourTests {
    @Test func arrowsAndVimKeysMoveTheSelection() {
        var state = Fixture.state()
        let first = state.list.rows[0], second = state.list.rows[1]
        #expect(state.list.selectedID == first)
        state.press(.down)
        #expect(state.list.selectedID == second)
        state.press(.character("k"))
        #expect(state.list.selectedID == first)
        state.press(.character("G"))
        #expect(state.list.selectedID == state.list.rows.last)
        state.press(.home)
        #expect(state.list.selectedID == first)
    }

    @Test func pageDownMovesByAScreenAndScrollsTheTable() {
        var state = Fixture.state()
        state.press(.pageDown)
        #expect(state.list.selectedIndex == state.listPageSize)
        #expect(state.list.scrollTop > 0)
        #expect(state.screen.contains("▶"))
    }

    @Test func incrementalSearchSelectsAsYouTypeAndIgnoresAccents() {
        var state = Fixture.state()
        state.press(.character("/"))
        state.type("lukasz")
        #expect(state.selectedClient?.name.hasPrefix("Łukasz") == true)
        state.press(.enter)
        #expect(state.list.searchQuery == "lukasz")
        #expect(state.message?.text.contains("match") == true)
    }

    @Test func searchFindsNHSNumbersWithOrWithoutSpaces() {
        var state = Fixture.state()
        let target = state.clients.values.filter { $0.nhsNumber != nil }.max { $0.reference < $1.reference }!
        for query in [target.nhsNumber!.digits, target.nhsNumber!.formatted] {
            state.press(.character("/"))
            state.type(query)
            state.press(.enter)
            #expect(state.list.selectedID == target.id, "searching \(query)")
            state.press(.home)
        }
    }

    @Test func escapeCancelsASearchAndGoesBack() {
        var state = Fixture.state()
        state.press(.down, .down)
        let before = state.list.selectedID
        state.press(.character("/"))
        state.type("zoë")
        #expect(state.list.selectedID != before)
        state.press(.escape)
        #expect(state.list.selectedID == before)
        #expect(state.list.searchInput == nil)
    }

    @Test func nAndShiftNCycleThroughMatches() {
        var state = Fixture.state()
        state.press(.character("/"))
        state.type("hillview")
        state.press(.enter)
        let matches = state.matchingRows("hillview")
        // Practice names are not searched: only names, references and NHS numbers.
        #expect(matches.isEmpty)
        state.press(.character("/"))
        state.type("a")
        state.press(.enter)
        let first = state.list.selectedID
        state.press(.character("n"))
        #expect(state.list.selectedID != first)
        state.press(.character("N"))
        #expect(state.list.selectedID == first)
    }

    @Test func noMatchSaysSoAndKeepsTheSelection() {
        var state = Fixture.state()
        let before = state.list.selectedID
        state.press(.character("/"))
        state.type("qqqqq")
        #expect(state.list.selectedID == before)
        #expect(state.message?.text == "No client matches “qqqqq”")
    }

    @Test func selectionStaysOnTheSameClientAcrossFiltersAndSorts() {
        var state = Fixture.state()
        let waiting = state.byReference.first { $0.status == .waiting }!
        state.list.selectedID = waiting.id
        state.press(.character("f"), .character("f"))  // open, then waiting
        #expect(state.list.statusFilter == .only(.waiting))
        #expect(state.list.selectedID == waiting.id)
        state.press(.character("s"), .character("s"))
        #expect(state.list.selectedID == waiting.id)
        state.press(.escape)
        #expect(state.list.statusFilter == .all)
        #expect(state.list.selectedID == waiting.id)
    }

    @Test func filteringOutTheSelectedClientSelectsANeighbour() {
        var state = Fixture.state()
        let active = state.byReference.first { $0.status == .active }!
        state.list.selectedID = active.id
        state.press(.character("f"), .character("f"))
        #expect(state.list.selectedID != nil)
        #expect(state.selectedClient?.status == .waiting)
    }

    @Test func theOpenFilterHidesDischargedClients() {
        var state = Fixture.state()
        state.press(.character("f"))
        #expect(state.list.statusFilter == .open)
        #expect(state.list.rows.count == 42)
        #expect(state.list.rows.allSatisfy { state.clients[$0]!.status != .discharged })
    }

    @Test func searchingUnderAFilterSaysTheFilterMayHideTheMatch() {
        var state = Fixture.state()
        state.press(.character("f"), .character("f"), .character("/"))
        state.type("lukasz")
        #expect(state.message?.text == "No client matches “lukasz” among the 9 shown: Esc clears filters")
    }

    @Test func keysThatNeedAClientSaySoWhenThereIsNone() {
        var state = Fixture.state([])
        state.press(.character("e"))
        #expect(state.message?.text == "No clients yet: press a to add one")
        #expect(state.screen.contains("Caseload folder: /home/lw/.local/share/caseload"))
    }

    @Test func narrowTerminalsDropColumnsButKeepNames() {
        var state = Fixture.state(width: 60, height: 16)
        let lines = state.screen.split(separator: "\n")
        #expect(!lines[2].contains("Updated"))
        #expect(!lines[2].contains("NHS number"))
        #expect(lines[0] == " 60 clients: 9 wait, 6 contact, 22 active, 5 hold, 18 disch.")
        state.size = Size(width: 80, height: 24)
        #expect(state.screen.split(separator: "\n")[2].contains("Next"))
        #expect(!state.screen.split(separator: "\n")[2].contains("Updated"))
        state.size = Size(width: 120, height: 24)
        #expect(state.screen.split(separator: "\n")[2].contains("Updated"))
    }

    @Test func theDemoIsMarkedAsSynthetic() {
        let state = Fixture.state(width: 120, height: 30, isDemo: true)
        #expect(state.screen.hasPrefix(" Caseload · DEMO (synthetic) · 60 clients"))
    }

    @Test func practiceFilterCyclesThroughPracticesThenAll() {
        var state = Fixture.state()
        let practices = DemoCaseload.practices.sorted()
        state.press(.character("p"))
        #expect(state.list.practiceFilter == practices[0])
        #expect(state.list.rows.allSatisfy { state.clients[$0]!.practice == practices[0] })
        state.press(.character("p"), .character("p"), .character("p"))
        #expect(state.list.practiceFilter == nil)
        #expect(state.list.rows.count == 60)
    }

    @Test func riskIsMarkedWithoutColour() {
        let state = Fixture.state(width: 120, height: 80)
        let risky = state.byReference.first(where: \.hasRisk)!
        let line = state.screen.split(separator: "\n").first { $0.contains(risky.reference) }!
        #expect(line.contains("!"))
    }

    @Test func resizeKeepsTheSelection() {
        var state = Fixture.state()
        state.press(.character("G"))
        let selected = state.list.selectedID
        _ = state.update(.terminal(.resize(Size(width: 140, height: 50))))
        _ = state.update(.terminal(.resize(Size(width: 80, height: 24))))
        #expect(state.list.selectedID == selected)
        let line = state.screen.split(separator: "\n").first { $0.hasPrefix("▶") }
        #expect(line?.contains(state.selectedClient!.reference) == true)
    }

    @Test func tooSmallIgnoresCommandsAndLosesNothing() {
        var state = Fixture.state()
        state.press(.character("a"))
        state.type("Zoë")
        _ = state.update(.terminal(.resize(Size(width: 40, height: 10))))
        #expect(state.press(.escape).isEmpty)
        #expect(state.press(.control("s")).isEmpty)
        #expect(state.press(.tab).isEmpty)
        #expect(state.modal == nil, "Esc asked nothing")
        #expect(state.screen.contains("Terminal too small (need 60x16)"))
        _ = state.update(.terminal(.resize(Size(width: 80, height: 24))))
        guard let form = state.workForm else {
            Issue.record("the form was lost")
            return
        }
        #expect(form.fields.text("name") == "Zoë")
        #expect(form.focusKey == "name")
    }

    @Test func typingIntoAFormGoesOnWhileTheWindowIsTooSmall() {
        var state = Fixture.state()
        state.press(.character("a"))
        state.type("Zoë")
        _ = state.update(.terminal(.resize(Size(width: 40, height: 10))))
        state.type(" Łukaszx")
        state.press(.backspace)
        _ = state.update(.terminal(.paste(" 陈 😀")))
        _ = state.update(.terminal(.resize(Size(width: 80, height: 24))))
        #expect(state.workForm?.fields.text("name") == "Zoë Łukasz 陈 😀")
    }

    @Test func tooSmallOverTheListStillIgnoresLetters() {
        var state = Fixture.state()
        _ = state.update(.terminal(.resize(Size(width: 40, height: 10))))
        #expect(state.press(.character("q")).isEmpty)
        #expect(state.press(.character("a")).isEmpty)
        _ = state.update(.terminal(.resize(Size(width: 80, height: 24))))
        #expect(state.workForm == nil)
    }

    @Test func qQuitsFromTheList() {
        var state = Fixture.state()
        #expect(state.press(.character("q")) == [.quit])
    }

    @Test func loadProblemsAreAnnouncedAndListed() {
        var state = Fixture.state(loadProblems: [
            UnreadableFile(fileName: "clients/bad.json", reason: "not valid JSON (the problem is near line 3, column 14)", reference: "C-0060"),
        ])
        #expect(state.message?.kind == .error)
        #expect(state.screen.contains("⚠ 1 unreadable (!)"))
        state.press(.character("!"))
        #expect(state.screen.contains("clients/bad.json"))
        #expect(state.screen.contains("not valid JSON (the problem is near line 3, column 14)"))
    }

    @Test func aDamagedFilesReferenceIsNeverReused() {
        var state = Fixture.state(loadProblems: [UnreadableFile(fileName: "clients/x.json", reason: "bad", reference: "C-0075")])
        state.press(.character("a"))
        guard let form = state.workForm else {
            Issue.record("no form")
            return
        }
        #expect(form.title == "New client C-0076")
    }
}
