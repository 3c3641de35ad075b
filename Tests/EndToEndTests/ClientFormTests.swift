import Foundation
import Testing

/// The add-client form: saving a new client to disk, and refusing to save what is not valid.
@Suite(.timeLimit(.minutes(3)))
struct ClientFormTests {
    static let name = "Zoë Ærø-陈"

    @Test("A client with a Unicode name is saved (0600 file in a 0700 folder) and found again after a restart")
    func addedClientIsSavedAndFoundAfterRestart() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            let pane = try await world.open(data)
            try pane.press("a")
            let form = try await pane.waitFor("New client C-")
            let reference = try #require(form.lines.first.flatMap { Self.reference(after: "New client ", in: $0) },
                                         "the form title names the new reference:\n\(form)")
            #expect(reference == "C-0061", "the next reference after the demo's C-0060:\n\(form)")
            #expect(form.focusedFormLabel == "Name", "the form opens on the name:\n\(form)")

            try pane.type(Self.name)
            try await pane.waitUntil("the name to be typed") { $0.lines.contains { $0.contains("›Name") && $0.contains(Self.name) } }
            try await pane.fill("GP practice", with: "Hillview Surgery")
            try await pane.focusField("Consent to contact")
            let consent = try pane.screen()
            #expect(consent.lines.contains { $0.contains("›Consent to contact") && $0.contains("‹ Not asked yet ›") }, "\(consent)")
            try pane.press("Space")
            try await pane.waitUntil("Space to set consent to Yes") { screen in
                screen.lines.contains { $0.contains("›Consent to contact") && $0.contains("‹ Yes ›") }
            }

            try pane.press("C-s")
            let saved = try await pane.waitFor("Saved \(Self.name) (\(reference))")
            // Saving a new client shows the client it made.
            #expect(saved.lines.first?.contains("\(Self.name) (\(reference)) · Waiting") == true, "\(saved)")
            try pane.press("Escape")
            let list = try await pane.waitFor("61 clients")
            #expect(list.selectedRow?.contains(Self.name) == true, "the new client is selected in the list:\n\(list)")
            try pane.press("q")
            #expect(try await pane.waitForExit() == 0)

            // On disk: one file per client, named by its id, readable only by its owner.
            let file = try #require(try ClientFile.named(Self.name, in: data), "no clients/*.json holds \(Self.name)")
            let id = try #require(file.json["id"] as? String)
            #expect(file.url.lastPathComponent == id.lowercased() + ".json")
            #expect(try String(contentsOf: file.url, encoding: .utf8).contains("\"name\" : \"\(Self.name)\""),
                    "the name is written as readable UTF-8")
            #expect(file.reference == reference)
            #expect(file.json["practice"] as? String == "Hillview Surgery")
            #expect(file.referral["consentToContact"] as? Bool == true)
            #expect(file.status == "waiting")
            #expect(try permissions(of: file.url.path) == 0o600)
            #expect(try permissions(of: data.path) == 0o700)
            #expect(try permissions(of: data.appendingPathComponent("clients").path) == 0o700)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("clients").path)
                .filter { !$0.hasSuffix(".json") || $0.hasPrefix(".") }
            #expect(leftovers.isEmpty, "no temporary files left behind: \(leftovers)")
            #expect(try ClientFile.all(in: data).count == 61)

            // Start again on the same folder: the client is there and search finds it.
            let again = try await world.open(data)
            try await again.waitFor("61 clients")
            try await again.search("zoë")
            // The demo has a Zoë of its own, so the search finds two; n moves between them.
            try await again.waitFor("2 matches for “zoë”")
            var found = false
            for _ in 0..<2 {
                let screen = try again.screen()
                if screen.selectedRow?.contains(Self.name) == true {
                    found = true
                    break
                }
                let before = screen.selectedRow
                try again.press("n")
                try await again.waitUntil("n to move to the next match") { $0.selectedRow != before }
            }
            #expect(found, "searching zoë reaches \(Self.name):\n\(again.report())")
        }
    }

    @Test("A wrong NHS check digit is shown beside the field and nothing is written; corrected, it saves")
    func invalidNHSNumberIsRefused() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            let pane = try await world.open(data)
            let before = try snapshot(of: data)

            try pane.press("a")
            try await pane.waitFor("New client C-")
            try await pane.fill("Name", with: "Test Person")
            try await pane.fill("NHS number", with: "9434765918")
            try await pane.fill("GP practice", with: "Hillview Surgery")
            try await pane.focusField("Consent to contact")
            try pane.press("Space")
            try await pane.waitUntil("consent Yes") { $0.lines.contains { $0.contains("›Consent to contact") && $0.contains("‹ Yes ›") } }

            // Leaving the field already flagged it; saving says so again and goes back to it.
            let flagged = try pane.screen()
            #expect(flagged.contains("✗ NHS number check digit does not match"), "\(flagged)")
            try pane.press("C-s")
            let refused = try await pane.waitFor("Not saved: 1 problem to fix. NHS number: NHS number check digit does not match")
            #expect(refused.contains("✗ NHS number check digit does not match"), "\(refused)")
            #expect(refused.focusedFormLabel == "NHS number", "the focus goes to the field at fault:\n\(refused)")
            #expect(refused.lines.first?.contains("New client") == true, "still in the form:\n\(refused)")
            #expect(try snapshot(of: data) == before, "nothing was written to the data folder")

            // Esc with unsaved changes asks first; any key but y keeps the form.
            try pane.press("Escape")
            try await pane.waitFor("Discard your unsaved changes to the new client")
            try pane.press("n")
            try await pane.waitFor("Cancelled: nothing was changed")
            #expect(try pane.screen().focusedFormLabel == "NHS number")

            // Corrected (Ctrl-U clears the field), it saves.
            try pane.press("C-u")
            try await pane.waitUntil("the NHS number to be cleared") { screen in
                screen.lines.contains { $0.contains("›NHS number") && !$0.contains("9434765918") }
            }
            try pane.type("9434765919")
            try await pane.waitUntil("the problem to go once the number is valid") { screen in
                screen.lines.contains { $0.contains("›NHS number") && $0.contains("9434765919") }
                    && !screen.contains("check digit does not match")
            }
            try pane.press("C-s")
            try await pane.waitFor("Saved Test Person (C-0061)")
            let file = try #require(try ClientFile.named("Test Person", in: data))
            #expect(file.json["nhsNumber"] as? String == "9434765919")
            #expect(try ClientFile.all(in: data).count == 61)
        }
    }

    /// `C-0061` from a title such as ` New client C-0061`.
    static func reference(after prefix: String, in line: String) -> String? {
        guard let range = line.range(of: prefix) else { return nil }
        let reference = line[range.upperBound...].prefix { !$0.isWhitespace }
        return reference.isEmpty ? nil : String(reference)
    }
}
