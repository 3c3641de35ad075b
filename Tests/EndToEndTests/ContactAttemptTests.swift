import Foundation
import Testing

/// Unsuccessful contact attempts: the first moves a waiting client to contacting, and three in a
/// row bring the suggestion to close as "unable to contact".
@Suite(.timeLimit(.minutes(3)))
struct ContactAttemptTests {
    static let name = "Mary O’Connor"
    static let suggestion = "⚠ 3 contact attempts in a row without reply: consider discharging as “unable to contact” (d)"

    @Test("Three unsuccessful attempts: Contacting after the first, the unable-to-contact suggestion after the third")
    func threeAttemptsSuggestUnableToContact() async throws {
        try await withEndToEnd { world in
            let data = world.root.appendingPathComponent("caseload", isDirectory: true)
            // Wide enough for the suggestion to stay on one line.
            let pane = try await world.open(data, width: 120, height: 30)
            let reference = try await pane.addClient(Self.name, practice: "Riverside Medical Practice")
            let title = "\(Self.name) (\(reference))"
            #expect(try pane.screen().title == "\(title) · Waiting")

            for (attempt, method) in ["Phone", "Text", "Phone"].enumerated() {
                try pane.press("c")
                let form = try await pane.waitFor("New contact with \(title)")
                #expect(form.formValue("Kind").first == "‹ First conversation ›", "attempt \(attempt + 1):\n\(form)")
                try await pane.choose("Kind", "Unsuccessful attempt", with: "Left")
                // An attempt asks how it was tried instead of how long it took.
                let asked = try await pane.waitUntil("the Tried by field") { $0.formRow("Tried by") != nil }
                #expect(asked.formRow("Duration (minutes)") == nil, "\(asked)")
                try await pane.choose("Tried by", method)
                try pane.press("C-s")
                let saved = try await pane.waitFor("Recorded contact with \(title)")
                let contacts = "\(attempt + 1) (\(attempt + 1) unanswered attempt\(attempt == 0 ? "" : "s"))"
                let overview = try await pane.waitFor(contacts)
                #expect(overview.title == "\(title) · Contacting", "after attempt \(attempt + 1):\n\(overview)")
                if attempt == 0 {
                    #expect(saved.messageLine.contains("Recorded contact with \(title); now contacting"), "\(saved)")
                } else {
                    #expect(!saved.messageLine.contains("now"), "the status moves only once:\n\(saved)")
                }
                if attempt < 2 {
                    #expect(!overview.contains("unable to contact"), "no suggestion after \(attempt + 1):\n\(overview)")
                } else {
                    #expect(overview.lines.contains { $0.trimmingCharacters(in: .whitespaces) == Self.suggestion },
                            "the suggestion after three:\n\(overview)")
                }
            }

            // The contacts list shows each attempt and how it was tried.
            try pane.press("Tab")
            // "Contacts (3)" is on the tab row of the overview too: wait for the list itself.
            let list = try await pane.waitUntil("the Contacts section to show the attempts") {
                $0.lines.filter { $0.contains("Unsuccessful attempt · ") }.count == 3
            }
            #expect(list.lines.filter { $0.contains("Unsuccessful attempt · Phone") }.count == 2, "\(list)")
            #expect(list.lines.filter { $0.contains("Unsuccessful attempt · Text") }.count == 1, "\(list)")

            // Still on the agenda's waiting list, with the attempts counted.
            try pane.press("Escape")
            try await pane.waitFor("1 client")
            try pane.press("Tab")
            let agenda = try await pane.waitFor("Waiting list, longest wait first (1)")
            #expect(agenda.lines.contains { $0.contains(title) && $0.hasSuffix("· 3 attempts") }, "\(agenda)")
            try pane.press("q")
            #expect(try await pane.waitForExit() == 0)

            let file = try #require(try ClientFile.named(Self.name, in: data))
            #expect(file.status == "contacting")
            let saved = file.json["contacts"] as? [[String: Any]] ?? []
            #expect(saved.map { $0["kind"] as? String } == ["attempt", "attempt", "attempt"])
            #expect(Set(saved.compactMap { $0["attemptMethod"] as? String }) == ["phone", "text"])
            #expect(file.json["firstContactDate"] == nil, "no one was reached, so the wait goes on")
            let history = file.json["statusHistory"] as? [[String: Any]] ?? []
            #expect(history.count == 1, "one status change: \(history)")
            #expect(history.first?["from"] as? String == "waiting" && history.first?["to"] as? String == "contacting")
        }
    }
}
