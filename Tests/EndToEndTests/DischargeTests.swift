import Foundation
import Testing

/// Discharging a client and reopening them: asked first, named, saved.
@Suite(.timeLimit(.minutes(3)))
struct DischargeTests {
    static let title = "Łukasz Nowak (C-0001)"

    @Test("d, a reason, Enter, y discharges; r, y reopens; anything but y changes nothing")
    func dischargeAndReopen() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            let pane = try await world.open(data)
            try await pane.openClient("lukasz", title: "\(Self.title) · Active")
            let original = try #require(try Self.file(in: data))
            #expect(original.status == "active")
            let originalBytes = try Data(contentsOf: original.url)

            // Reopening someone who is not discharged explains itself.
            try pane.press("r")
            try await pane.waitFor("\(Self.title) is not discharged, so there is nothing to reopen")

            // A discharge declined at the last question changes nothing.
            try pane.press("d")
            let dialog = try await pane.waitFor("Discharge \(Self.title)")
            #expect(dialog.contains("‹ Goals met ›"), "the first reason is chosen:\n\(dialog)")
            #expect(dialog.contains("21-Nov-2026"), "the date defaults to today:\n\(dialog)")
            try pane.press("Enter")
            try await pane.waitFor("Please confirm")
            try pane.press("n")
            try await pane.waitFor("Cancelled: nothing was changed")
            #expect(try Data(contentsOf: original.url) == originalBytes, "the client file is untouched")

            // Discharge: choose the second reason (←/→), continue, confirm.
            try pane.press("d")
            try await pane.waitFor("‹ Goals met ›")
            try pane.press("Right")
            try await pane.waitFor("‹ Declined support ›")
            try pane.press("Enter")
            let question = try await pane.waitFor("Please confirm")
            // The question names the client, the date and the reason.
            #expect(question.dialogText.contains("Discharge \(Self.title) on 21-Nov-2026: Declined support?"), "\(question)")
            try pane.press("y")
            let discharged = try await pane.waitFor("Discharged \(Self.title): Declined support")
            #expect(discharged.lines.first?.contains("\(Self.title) · Discharged") == true, "\(discharged)")
            // The discharge itself is further down the client's page.
            try pane.press("End")
            try await pane.waitUntil("the discharge line at the end of the page") { screen in
                screen.lines.contains { $0.contains("Discharged") && $0.contains("21-Nov-2026: Declined support") }
            }
            let afterDischarge = try #require(try Self.file(in: data))
            #expect(afterDischarge.status == "discharged")
            #expect(afterDischarge.discharge?["reason"] as? String == "declined")
            #expect(afterDischarge.discharge?["date"] as? String == "2026-11-21")

            // Discharging again is refused; reopening asks, naming what it will become.
            try pane.press("d")
            try await pane.waitFor("\(Self.title) is already discharged: press r to reopen")
            try pane.press("r")
            try await pane.waitFor("Reopen \(Self.title) as active?")
            try pane.press("y")
            let reopened = try await pane.waitFor("Reopened \(Self.title) as active")
            #expect(reopened.lines.first?.contains("\(Self.title) · Active") == true, "\(reopened)")
            let afterReopen = try #require(try Self.file(in: data))
            #expect(afterReopen.status == "active")
            let history = afterReopen.json["statusHistory"] as? [[String: Any]] ?? []
            #expect(history.last?["from"] as? String == "discharged" && history.last?["to"] as? String == "active",
                    "the reopening is in the history: \(history)")

            // Back in the list the row says so too.
            try pane.press("Escape")
            let list = try await pane.waitFor("Search: “lukasz”")
            #expect(list.selectedRow?.contains("Active") == true, "\(list)")
        }
    }

    static func file(in data: URL) throws -> ClientFile? {
        try ClientFile.all(in: data).first { $0.reference == "C-0001" }
    }
}
