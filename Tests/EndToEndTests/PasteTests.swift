import Foundation
import Testing

/// Pasted text (bracketed paste) is text, never key presses: newlines and command letters in it
/// land in the field, and outside a text field a paste does nothing.
@Suite(.timeLimit(.minutes(3)))
struct PasteTests {
    static let title = "Łukasz Nowak (C-0001)"

    @Test("A bracketed paste of \"q⏎x …\" goes into the notes as two lines; the app neither quits nor leaves the form")
    func pasteIntoNotesIsText() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            let pane = try await world.open(data)
            let before = try ExternalEditorTests.contactIDs(in: data)
            try await pane.openClient("lukasz", title: "\(Self.title) · Active")
            try pane.press("c")
            try await pane.waitFor("New contact with \(Self.title)")
            try await pane.focusField("Notes")
            try pane.type("Pasted: ")
            try await pane.waitUntil("the typed start") { $0.formValue("Notes").first == "Pasted:" }

            // Typed, the newline would be Enter and the Tab would move to the next field; pasted,
            // they are text (a tab becomes four spaces, as the editor keeps no tabs).
            try pane.paste("q\nx 陈 🙂\tend")
            let pasted = try await pane.waitUntil("the pasted text in the notes") { screen in
                screen.formValue("Notes").starts(with: ["Pasted: q", "x 陈 🙂    end"])
            }
            #expect(pasted.title == "New contact with \(Self.title)", "still in the form:\n\(pasted)")
            #expect(pasted.focusedFormLabel == "Notes", "the Tab in the paste did not move the focus:\n\(pasted)")
            try pane.press("C-s")
            try await pane.waitFor("Recorded contact with \(Self.title)")
            let added = try ExternalEditorTests.contacts(in: data).filter { !before.contains($0["id"] as? String ?? "") }
            #expect(added.count == 1)
            #expect(added.first?["notes"] as? String == "Pasted: q\nx 陈 🙂    end", "saved as pasted: \(added)")

            // On the client view a paste is not keys either: "q" would go back to the list.
            try pane.paste("q")
            try pane.press("Tab")
            let contacts = try await pane.waitUntil("Tab to show the contacts") { $0.selectedRow?.contains("Pasted: q") == true }
            #expect(contacts.title == "\(Self.title) · Active", "still on the client:\n\(contacts)")

            // Nor on the list, where "q" would quit.
            try pane.press("Escape")
            let list = try await pane.waitFor("Search: “lukasz”")
            try pane.paste("q")
            try pane.press("?")
            try await pane.waitFor("Help: caseload list")
            #expect(list.selectedRow?.contains("Łukasz Nowak") == true)
            try pane.press("Escape")
            try await pane.waitUntil("the help to close") { !$0.contains("Help: caseload list") }
            try pane.press("q")
            #expect(try await pane.waitForExit() == 0)
        }
    }
}
