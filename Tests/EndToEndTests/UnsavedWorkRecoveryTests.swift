import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text typed into a form survives the app being stopped by a signal: it is kept in
/// `<data>/recovery/` and offered at the next start.
@Suite(.timeLimit(.minutes(3)))
struct UnsavedWorkRecoveryTests {
    static let title = "Łukasz Nowak (C-0001)"
    static let notes = ["Worried about the winter fuel bill", "陈 will call back on Monday 🙂"]

    @Test("SIGTERM while typing notes: terminal restored, draft kept; next start offers it, Enter reopens, Ctrl-S saves")
    func sigtermKeepsTheDraft() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            let recovery = data.appendingPathComponent("recovery", isDirectory: true)
            let pane = try await world.open(data)
            let before = try Self.contactIDs(in: data)
            try await pane.openClient("lukasz", title: "\(Self.title) · Active")
            try pane.press("c")
            try await pane.waitFor("New contact with \(Self.title)")
            try await pane.focusField("Notes")
            try pane.typeLines(Self.notes)
            try await pane.waitUntil("the notes typed") { $0.formValue("Notes").starts(with: Self.notes) }

            #expect(kill(try world.writerPID(of: data), SIGTERM) == 0)
            #expect(try await pane.waitForExit() == 128 + SIGTERM)
            try await TerminalRestoreTests.expectTerminalRestored(pane)
            #expect(pane.standardError.isEmpty, "nothing went wrong keeping the draft:\n\(pane.standardError)")

            // The draft is on disk, owner-only, with the notes as typed.
            let files = try Self.recoveryFiles(in: recovery)
            try #require(files.count == 1, "one recovery file: \(files)")
            #expect(try permissions(of: files[0].path) == 0o600)
            #expect(try permissions(of: recovery.path) == 0o700)
            let kept = try JSONSerialization.jsonObject(with: Data(contentsOf: files[0]))
            #expect(Self.strings(in: kept).contains(Self.notes.joined(separator: "\n")), "the notes are in \(files[0].lastPathComponent)")
            #expect(try Self.contactIDs(in: data) == before, "nothing was saved to the client")

            // Next start: the offer names the client; Enter reopens the form with the notes.
            let again = try world.launch(["--data-dir", data.path])
            let offer = try await again.waitFor("Unsaved work recovered")
            #expect(offer.dialogText.contains("New contact with \(Self.title)"), "the offer names the client:\n\(offer)")
            #expect(offer.dialogText.contains("Enter reopen it · x discard · Esc decide later"), "\(offer)")
            try again.press("Enter")
            let reopened = try await again.waitFor("Recovered: New contact with \(Self.title)")
            #expect(reopened.title == "New contact with \(Self.title)", "\(reopened)")
            #expect(reopened.formValue("Notes").starts(with: Self.notes), "the notes are back:\n\(reopened)")
            try again.press("C-s")
            let saved = try await again.waitFor("Recorded contact with \(Self.title)")
            #expect(saved.title == "\(Self.title) · Active", "saving shows the client:\n\(saved)")
            #expect(try Self.recoveryFiles(in: recovery).isEmpty, "the recovery file is gone")
            let added = try Self.contacts(in: data).filter { !before.contains($0["id"] as? String ?? "") }
            #expect(added.count == 1)
            #expect(added.first?["notes"] as? String == Self.notes.joined(separator: "\n"))

            // And it is not offered again.
            try again.press("q", "q")
            #expect(try await again.waitForExit() == 0)
            let third = try await world.open(data)
            let start = try third.screen()
            #expect(!start.contains("Unsaved work recovered"), "\(start)")
        }
    }

    @Test("SIGHUP while writing a goal: Esc keeps the draft for later, x discards it and saves nothing")
    func sighupDraftCanWaitOrBeDiscarded() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            let recovery = data.appendingPathComponent("recovery", isDirectory: true)
            let pane = try await world.open(data)
            try await pane.openClient("lukasz", title: "\(Self.title) · Active")
            let client = try #require(try ClientFile.all(in: data).first { $0.reference == "C-0001" })
            let original = try Data(contentsOf: client.url)
            try pane.press("g")
            try await pane.waitFor("New goal for \(Self.title)")
            try pane.type("Sleep through the night")
            try await pane.waitUntil("the goal typed") { $0.formValue("Goal, in their words").first == "Sleep through the night" }

            #expect(kill(try world.writerPID(of: data), SIGHUP) == 0)
            #expect(try await pane.waitForExit() == 128 + SIGHUP)
            try await TerminalRestoreTests.expectTerminalRestored(pane)
            try #require(try Self.recoveryFiles(in: recovery).count == 1)

            // Esc: decide later. The caseload is usable and the file stays.
            let second = try world.launch(["--data-dir", data.path])
            let offer = try await second.waitFor("Unsaved work recovered")
            #expect(offer.dialogText.contains("New goal for \(Self.title)"), "\(offer)")
            try second.press("Escape")
            let later = try await second.waitFor("The recovered text is kept and offered again next time")
            #expect(later.selectedRow != nil, "the caseload list shows:\n\(later)")
            #expect(try Self.recoveryFiles(in: recovery).count == 1)
            try second.press("q")
            #expect(try await second.waitForExit() == 0)

            // Offered again; x discards it.
            let third = try world.launch(["--data-dir", data.path])
            try await third.waitFor("Unsaved work recovered")
            try third.press("x")
            try await third.waitFor("Recovered text discarded")
            #expect(try Self.recoveryFiles(in: recovery).isEmpty)
            #expect(try Data(contentsOf: client.url) == original, "the client is as it was")
            try third.press("q")
            #expect(try await third.waitForExit() == 0)
        }
    }

    @Test("SIGTERM while adding a client: the next start reopens the new-client form with the name typed so far")
    func sigtermKeepsANewClient() async throws {
        try await withEndToEnd { world in
            let data = world.root.appendingPathComponent("caseload", isDirectory: true)
            let pane = try await world.open(data)
            try pane.press("a")
            try await pane.waitFor("New client C-0001")
            try pane.type("Zoë Ærø-陈")
            try await pane.waitUntil("the name typed") { $0.formValue("Name").first == "Zoë Ærø-陈" }
            #expect(kill(try world.writerPID(of: data), SIGTERM) == 0)
            #expect(try await pane.waitForExit() == 128 + SIGTERM)
            #expect(try ClientFile.all(in: data).isEmpty, "nothing saved yet")

            let again = try world.launch(["--data-dir", data.path])
            let offer = try await again.waitFor("Unsaved work recovered")
            #expect(offer.dialogText.contains("New client C-0001"), "\(offer)")
            try again.press("Enter")
            let reopened = try await again.waitFor("Recovered: New client C-0001")
            #expect(reopened.title == "New client C-0001", "\(reopened)")
            #expect(reopened.formValue("Name").first == "Zoë Ærø-陈", "\(reopened)")
            try await again.fill("GP practice", with: "Hillview Surgery")
            try await again.choose("Consent to contact", "Yes")
            try again.press("C-s")
            try await again.waitFor("Zoë Ærø-陈 (C-0001) · Waiting")
            #expect(try ClientFile.all(in: data).map(\.name) == ["Zoë Ærø-陈"])
            #expect(try Self.recoveryFiles(in: data.appendingPathComponent("recovery")).isEmpty)
        }
    }

    static func recoveryFiles(in folder: URL) throws -> [URL] {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .map { folder.appendingPathComponent($0) }
    }

    /// Every string anywhere in a JSON value.
    static func strings(in json: Any) -> [String] {
        switch json {
        case let text as String: [text]
        case let array as [Any]: array.flatMap(strings(in:))
        case let object as [String: Any]: object.values.flatMap(strings(in:))
        default: []
        }
    }

    static func contacts(in data: URL) throws -> [[String: Any]] {
        try ExternalEditorTests.contacts(in: data)
    }

    static func contactIDs(in data: URL) throws -> Set<String> {
        try ExternalEditorTests.contactIDs(in: data)
    }
}
