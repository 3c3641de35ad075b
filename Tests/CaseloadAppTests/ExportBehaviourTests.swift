import Foundation
import Testing
import CaseloadKit
import TerminalUI
@testable import CaseloadApp

/// Settings, the export menu on a client and the report screen, driven by keys.
@Suite struct ExportBehaviourTests {
    static let worker = WorkerSettings(name: "Sam Patel", role: "Social prescribing link worker", organisation: "Northgate PCN")

    static func state(settings: WorkerSettings = worker, width: Int = 80, height: Int = 24) -> AppState {
        AppState(clients: Fixture.demo, assets: DirectoryFixture.assets, now: Fixture.now, timeZone: Fixture.utc,
                 size: Size(width: width, height: height), dataFolder: "/data", workerName: "sam", settings: settings)
    }

    /// The first client (by reference) with a contact, and one whose referral has not been answered about sharing.
    static func clientWithContacts(_ state: AppState) -> Client { state.byReference.first { $0.contacts.count >= 2 }! }

    static func open(_ client: Client, in state: inout AppState) {
        state.stack = [.client(ClientViewState(id: client.id))]
    }

    // MARK: Settings

    @Test func settingsOpenFromTheListAndSaveThroughTheShell() throws {
        var state = Self.state(settings: WorkerSettings())
        state.press(.character("o"))
        let form = try #require(state.workForm)
        #expect(form.kind == .settings)
        #expect(state.screen.contains("Your name"))
        state.type("Zoë Ł 陈")
        let effects = state.press(.control("s"))
        let expected = WorkerSettings(name: "Zoë Ł 陈")
        #expect(effects == [.saveSettings(expected)])
        state.succeed(effects)
        #expect(state.settings == expected)
        #expect(state.workForm == nil)
        #expect(state.message?.text.contains("signed Zoë Ł 陈") == true)
    }

    @Test func aBadEmailIsRefusedBesideTheField() throws {
        var state = Self.state()
        state.press(.character("o"), .tab, .tab, .tab, .tab)
        state.type("not an email")
        #expect(state.press(.control("s")).isEmpty)
        #expect(state.message?.text.contains("Enter an email address") == true)
        #expect(state.workForm?.focusKey == SettingsField.email.rawValue)
    }

    @Test func aFailedSettingsSaveKeepsTheForm() throws {
        var state = Self.state()
        state.press(.character("o"))
        state.type(" Jr")
        _ = state.press(.control("s"))
        _ = state.update(.settingsSaveFailed(reason: "Could not save your settings: No space left on device."))
        #expect(state.workForm?.kind == .settings)
        #expect(state.message?.text == "Could not save your settings: No space left on device. Changes kept: Ctrl-S retries.")
        #expect(state.settings == Self.worker)
    }

    @Test func settingsAreRefusedInAReadOnlyWindow() {
        var state = Self.state()
        state.readOnlyReason = "read-only: open in another window"
        state.press(.character("o"))
        #expect(state.workForm == nil)
    }

    @Test func assetsAreCheckedByTheNameInSettings() {
        var state = Self.state()
        state.home = .directory
        let effects = state.press(.character("v"))
        guard case .saveAsset(let asset)? = effects.first else {
            Issue.record("expected a save, got \(effects)")
            return
        }
        #expect(asset.lastChecked?.by == "Sam Patel")
        var unnamed = Self.state(settings: WorkerSettings())
        unnamed.home = .directory
        guard case .saveAsset(let fallback)? = unnamed.press(.character("v")).first else { return }
        #expect(fallback.lastChecked?.by == "sam")
    }

    // MARK: Exporting from a client

    @Test func exportingTheLatestSessionWritesItsSummary() throws {
        var state = Self.state()
        let client = Self.clientWithContacts(state)
        Self.open(client, in: &state)
        state.press(.character("E"))
        guard case .exportMenu(let menu)? = state.modal else {
            Issue.record("no export menu")
            return
        }
        #expect(menu.contactID == client.contacts.last?.id)
        #expect(state.screen.contains("Session summary, plain text"))
        #expect(state.screen.contains("Feedback letter to the referrer"))
        let effects = state.press(.enter)
        guard case .writeExport(let what, let name, let contents)? = effects.first else {
            Issue.record("expected an export, got \(effects)")
            return
        }
        #expect(what == "Session summary")
        #expect(name.hasPrefix("session-\(client.reference)-") && name.hasSuffix(".txt"))
        #expect(contents.contains(client.name))
        #expect(contents.contains("Sam Patel"))
        state.succeed(effects)
        #expect(state.message?.text == "Session summary written to exports/\(name)", "relative to the caseload folder")
        _ = state.update(.exportWritten(what: "Report", path: "/elsewhere/report.md"))
        #expect(state.message?.text == "Report written to /elsewhere/report.md")
        #expect(state.modal.map { _ in true } == nil)
    }

    @Test func onTheContactsSectionTheSelectedContactIsExported() throws {
        var state = Self.state()
        let client = Self.clientWithContacts(state)
        var view = ClientViewState(id: client.id, section: .contacts)
        view.selection = 1  // the list is newest first: this is the second newest
        state.stack = [.client(view)]
        state.press(.character("E"))
        guard case .exportMenu(let menu)? = state.modal else {
            Issue.record("no export menu")
            return
        }
        #expect(menu.contactID == client.contacts[client.contacts.count - 2].id)
    }

    @Test func aClientWithoutContactsCanOnlySendFeedback() throws {
        var state = Self.state()
        let client = state.byReference.first { $0.contacts.isEmpty }!
        Self.open(client, in: &state)
        state.press(.character("E"))
        guard case .exportMenu(let menu)? = state.modal else {
            Issue.record("no export menu")
            return
        }
        #expect(menu.choices == [.feedback])
        #expect(state.screen.contains("no contacts yet"))
    }

    @Test func feedbackWithoutConsentSaysSoWhenWritten() throws {
        var state = Self.state()
        var client = Self.clientWithContacts(state)
        client.referral.consentToShare = nil
        state.clients[client.id] = client
        Self.open(client, in: &state)
        let effects = state.press(.character("E"), .up, .enter)
        guard case .writeExport(let what, let name, _)? = effects.first else {
            Issue.record("expected an export, got \(effects)")
            return
        }
        #expect(what == "Feedback letter (codes, status and dates only: no consent to share)")
        #expect(name == "feedback-\(client.reference)-2026-11-21.txt")
    }

    @Test func unsignedExportsSayHowToSign() throws {
        var state = Self.state(settings: WorkerSettings())
        Self.open(Self.clientWithContacts(state), in: &state)
        guard case .writeExport(let what, _, _)? = state.press(.character("E"), .enter).first else {
            Issue.record("expected an export")
            return
        }
        #expect(what.contains("unsigned: press o on the caseload list"))
    }

    @Test func escClosesTheMenuWritingNothing() {
        var state = Self.state()
        Self.open(Self.clientWithContacts(state), in: &state)
        #expect(state.press(.character("E"), .escape).isEmpty)
        #expect(state.modal.map { _ in true } == nil)
        #expect(state.message?.text == "Nothing written")
    }

    // MARK: The report screen

    @Test func theReportOpensOnLastMonthAndStepsByMonth() throws {
        var state = Self.state(width: 120, height: 40)
        state.press(.character("m"))
        #expect(state.screen.contains("Caseload report · 01-Oct-2026 to 31-Oct-2026"))
        #expect(state.screen.contains("Referrals"))
        state.press(.left)
        #expect(state.screen.contains("01-Sep-2026 to 30-Sep-2026"))
        state.press(.right, .right)
        #expect(state.screen.contains("01-Nov-2026 to 30-Nov-2026"))
        state.press(.right)
        #expect(state.message?.text.contains("No later month") == true)
        state.press(.escape)
        #expect(state.stack.isEmpty)
    }

    @Test func thePracticeKeyNarrowsTheReport() {
        var state = Self.state(width: 120, height: 40)
        state.press(.character("m"), .character("p"))
        let first = DemoCaseload.practices.sorted().first!
        #expect(state.screen.contains("· \(first)"))
        #expect(state.message?.text == "Practice: \(first)")
    }

    @Test func theReportIsWrittenInTheChosenFormat() throws {
        var state = Self.state()
        state.press(.character("m"), .character("w"), .down, .down)
        let effects = state.press(.enter)
        guard case .writeExport(_, let name, let contents)? = effects.first else {
            Issue.record("expected an export, got \(effects)")
            return
        }
        #expect(name == "report-2026-10-01-to-2026-10-31.csv")
        #expect(contents.hasPrefix("section,label,value"))
    }

    @Test func theReportScrollsAndDrawsBars() {
        var state = Self.state(width: 100, height: 30)
        state.press(.character("m"))
        #expect(state.screen.contains("█"))
        let before = state.screen
        state.press(.pageDown)
        #expect(state.screen != before)
        state.press(.character("g"))
        #expect(state.screen == before)
    }
}

/// The new screens as people see them at the usual size.
@Suite struct ExportSnapshotTests {
    @Test func settingsForm() {
        var state = ExportBehaviourTests.state()
        state.press(.character("o"))
        expectSnapshot(state.screen, named: "settings-80x24")
    }

    @Test func exportMenu() {
        var state = ExportBehaviourTests.state()
        ExportBehaviourTests.open(ExportBehaviourTests.clientWithContacts(state), in: &state)
        state.press(.character("E"))
        expectSnapshot(state.screen, named: "export-menu-80x24")
    }

    @Test(arguments: [(80, 24), (120, 40)]) func report(width: Int, height: Int) {
        var state = ExportBehaviourTests.state(width: width, height: height)
        state.press(.character("m"))
        expectSnapshot(state.screen, named: "report-\(width)x\(height)")
    }
}

@Suite struct ExportConsentTests {
    @Test(arguments: [(Bool?.none, "Not asked yet about sharing"), (false, "Not agreed to share")])
    func theMenuWarnsWhenSummariesMayNotGoToTheReferrer(consent: Bool?, warning: String) {
        var state = ExportBehaviourTests.state()
        var client = ExportBehaviourTests.clientWithContacts(state)
        client.referral.consentToShare = consent
        state.clients[client.id] = client
        ExportBehaviourTests.open(client, in: &state)
        state.press(.character("E"))
        #expect(state.screen.contains(warning))
        client.referral.consentToShare = true
        state.clients[client.id] = client
        state.press(.escape, .character("E"))
        #expect(!state.screen.contains("summaries are for your own record"))
    }
}

@Suite struct ExportLoopTests {
    @Test func aFailedExportWriteIsShownFromTheShell() {
        var state = ExportBehaviourTests.state()
        ExportBehaviourTests.open(ExportBehaviourTests.clientWithContacts(state), in: &state)
        let shell = FakeShell()
        shell.exportResult = .failure(ShellFailure("Could not write /data/exports/x.txt: Read-only file system."))
        let terminal = ScriptedTerminal([.key(.character("E")), .key(.enter)])
        _ = AppLoop.run(&state, terminal: terminal, clock: { Fixture.now }, shell: shell)
        #expect(shell.exports.count == 1)
        #expect(terminal.frames.last?.contains("Read-only file system") == true)
        #expect(state.message?.kind == .error)
    }
}
