import Foundation
import Testing

/// Two windows on one caseload, and windows that change size.
@Suite(.timeLimit(.minutes(3)))
struct WindowTests {
    @Test("A second window on the same folder is read-only, says why, and refuses changes")
    func secondInstanceIsReadOnly() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            let first = try await world.open(data)
            let firstScreen = try first.screen()
            #expect(!firstScreen.contains("Read-only"), "the first window may write:\n\(firstScreen)")
            let lock = try String(contentsOf: data.appendingPathComponent(".lock"), encoding: .utf8)
            let pid = try #require(Int32(lock.trimmingCharacters(in: .whitespacesAndNewlines)), "the lock holds a pid: \(lock)")

            let second = try await world.open(data)
            let banner = try await second.waitFor("Read-only: open in another window (pid \(pid)). Nothing can be changed in this window.")
            #expect(banner.lines[1].contains("Read-only"), "the banner sits under the title:\n\(banner)")
            #expect(banner.contains("60 clients"), "the caseload is still shown:\n\(banner)")

            try second.press("a")
            let refused = try await second.waitUntil("a message that nothing can be changed") { screen in
                let message = screen.messageLine.lowercased()
                return message.contains("nothing can be changed") && message.contains("open in another window (pid \(pid))")
            }
            #expect(!refused.contains("New client"), "no form opened:\n\(refused)")
            // Moving on clears the message; discharging is refused the same way.
            try second.press("j")
            try await second.waitUntil("the message to clear") { $0.messageLine.trimmingCharacters(in: .whitespaces).isEmpty }
            try second.press("d")
            let discharge = try await second.waitUntil("d to be refused too") {
                $0.messageLine.lowercased().contains("nothing can be changed")
            }
            #expect(!discharge.contains("Discharge "), "no discharge dialog opened:\n\(discharge)")

            // The first window still saves.
            try first.press("a")
            try await first.waitFor("New client C-0061")
            try first.press("Escape")
            try await first.waitFor("60 clients")
            try second.press("q")
            #expect(try await second.waitForExit() == 0)
            try first.press("q")
            #expect(try await first.waitForExit() == 0)
            #expect(try ClientFile.all(in: data).count == 60)
        }
    }

    @Test("Resizing keeps the selected client visible and marked; too small says so, and recovers")
    func resizingKeepsSelection() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            let pane = try await world.open(data)
            // A client near the end of the list, so that smaller windows must scroll to show it.
            try await pane.search("winston")
            let start = try await pane.waitUntil("Winston selected") { $0.selectedRow?.contains("Winston Campbell") == true }
            #expect(start.contains("1 match for “winston”"), "\(start)")

            for (width, height) in [(80, 24), (140, 45), (60, 16), (100, 30)] {
                try pane.resize(width: width, height: height)
                let screen = try await pane.waitUntil("a \(width)x\(height) frame with Winston (C-0052) still selected") { screen in
                    screen.isFullFrame(width: width, height: height) && screen.selectedRow?.contains("C-0052") == true
                }
                #expect(screen.selectedRow?.contains("Winston") == true, "\(screen)")
                #expect(screen.selectionMarkerCount == 1, "\(screen)")
            }

            try pane.resize(width: 50, height: 12)
            let small = try await pane.waitFor("Terminal too small (need 60x16)")
            #expect(small.contains("now 50x12"), "\(small)")
            #expect(small.selectionMarkerCount == 0, "no list is drawn:\n\(small)")

            try pane.resize(width: 100, height: 30)
            let restored = try await pane.waitUntil("the list again at 100x30 with Winston selected") { screen in
                screen.isFullFrame(width: 100, height: 30) && screen.selectedRow?.contains("Winston Campbell") == true
            }
            #expect(!restored.contains("Terminal too small"), "\(restored)")
            #expect(restored.contains("Search: “winston”"), "the search is kept too:\n\(restored)")
        }
    }
}
