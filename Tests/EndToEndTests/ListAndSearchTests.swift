import Foundation
import Testing

/// The caseload list: opening the demo, moving the selection, incremental search, opening a client.
@Suite(.timeLimit(.minutes(3)))
struct ListAndSearchTests {
    @Test("--demo opens 60 synthetic clients; j/↓/k move the ▶ selection")
    func demoOpensAndSelectionMoves() async throws {
        try await withEndToEnd { world in
            let pane = try world.launch(["--demo"])
            let first = try await pane.waitFor("60 clients")
            #expect(first.lines.first?.contains("60 clients") == true, "title row:\n\(first)")
            #expect(first.lines.last?.contains("/ Search") == true, "hint bar:\n\(first)")
            // The list opens sorted by name with the first client selected.
            #expect(first.selectedRow?.contains("Abdirahman Farah") == true, "\(first)")

            try pane.press("j")
            try await pane.waitUntil("j to select the second client") { $0.selectedRow?.contains("Agnieszka Kowalczyk") == true }
            try pane.press("Down")
            try await pane.waitUntil("↓ to select the third client") { $0.selectedRow?.contains("Ahmed Hassan") == true }
            try pane.press("k")
            let back = try await pane.waitUntil("k to move back up") { $0.selectedRow?.contains("Agnieszka Kowalczyk") == true }
            #expect(back.selectionMarkerCount == 1, "exactly one row is marked:\n\(back)")

            // The demo lives in its own folder under HOME, never in the real caseload's place.
            let demo = world.home.appendingPathComponent(".local/share/caseload-demo")
            #expect(try ClientFile.all(in: demo).count == 60)
            #expect(!FileManager.default.fileExists(atPath: world.home.appendingPathComponent(".local/share/caseload").path))
        }
    }

    @Test("/ searches as you type (Unicode and accent-folded); Enter keeps it, Enter opens, Esc goes back")
    func searchSelectsAndOpensClient() async throws {
        try await withEndToEnd { world in
            let pane = try world.launch(["--demo"])
            try await pane.waitFor("60 clients")

            // Typed with its Polish Ł, through the terminal.
            try pane.press("/")
            try await pane.waitFor("Search (name, ref, NHS no):")
            try pane.type("łukasz")
            try await pane.waitUntil("the search to select Łukasz") { $0.selectedRow?.contains("Łukasz Nowak") == true }
            // Esc cancels the search and returns to where it began.
            try pane.press("Escape")
            try await pane.waitUntil("Esc to restore the selection") { $0.selectedRow?.contains("Abdirahman Farah") == true }

            // Without the accent, as most people type it.
            try pane.press("/")
            try await pane.waitFor("Search (name, ref, NHS no):")
            try pane.type("lukasz")
            try await pane.waitUntil("the search to select Łukasz") { $0.selectedRow?.contains("Łukasz Nowak") == true }
            try pane.press("Enter")
            let kept = try await pane.waitFor("1 match for “lukasz”")
            #expect(kept.contains("Search: “lukasz”"), "the search stays shown:\n\(kept)")
            #expect(kept.selectedRow?.contains("Łukasz Nowak") == true, "\(kept)")
            #expect(!kept.contains("Search (name, ref, NHS no):"), "the prompt closed:\n\(kept)")

            try pane.press("Enter")
            let client = try await pane.waitFor(" Łukasz Nowak (C-0001) · Active")
            #expect(client.contains("Overview") && client.contains("Contacts (8)"), "sections:\n\(client)")
            #expect(client.lines.last?.contains("Esc Back") == true, "client view hints:\n\(client)")
            // His details are further down the overview.
            try pane.press("End")
            try await pane.waitFor("Canal Street Health Centre")

            try pane.press("Escape")
            let list = try await pane.waitFor("60 clients")
            #expect(list.selectedRow?.contains("Łukasz Nowak") == true, "back on the list, same selection:\n\(list)")

            try pane.press("q")
            #expect(try await pane.waitForExit() == 0)
        }
    }
}
