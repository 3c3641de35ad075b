import Foundation
import Testing

/// Exports as a link worker makes them: from the client's screen after a session, and from the
/// command line, where a script or a pipe takes the text.
@Suite(.timeLimit(.minutes(3)))
struct ExportJourneyTests {
    static let client = "Łukasz Nowak (C-0001)"

    static func exports(_ data: URL) -> URL { data.appendingPathComponent("exports", isDirectory: true) }

    @Test("A session summary from the client's screen lands in exports/, 0600, signed, within 80 columns")
    func sessionSummaryFromTheClient() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            let pane = try await world.open(data)

            // First say who is writing: settings, from the list.
            try pane.press("o")
            try await pane.waitFor("Your details")
            // The demo signs as its invented link worker: clear that name first.
            try await pane.focusField("Your name")
            try pane.press("C-u")
            try await pane.fill("Your name", with: "Zoë Adeyemi-陈")
            try pane.press("C-s")
            try await pane.waitFor("Your details are saved")

            try await pane.openClient("C-0001", title: Self.client)
            try pane.press("E")
            try await pane.waitFor("Export for \(Self.client)")
            try pane.press("Enter")
            let done = try await pane.waitFor("Session summary written to exports/session-C-0001-")

            let files = try FileManager.default.contentsOfDirectory(atPath: Self.exports(data).path)
            try #require(files.count == 1, "\(files)")
            let file = Self.exports(data).appendingPathComponent(files[0])
            #expect(files[0].hasPrefix("session-C-0001-") && files[0].hasSuffix(".txt"))
            #expect(done.messageLine.contains("written to exports/\(files[0])"), "the message names the file: \(done)")
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.contains("Łukasz Nowak"))
            #expect(text.contains("Zoë Adeyemi-陈") && !text.contains("Jo Example"), "signed with the name from settings")
            for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

            try pane.press("Escape")
            try pane.press("q")
            #expect(try await pane.waitForExit() == 0)
            let settings = try world.run(["settings", "--data-dir", data.path])
            #expect(settings.stdout.contains("Your name: Zoë Adeyemi-陈"), "\(settings.stdout)")
        }
    }

    @Test("The report screen opens on last month with bars, and writes CSV to exports/")
    func reportScreen() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            let pane = try await world.open(data, width: 120, height: 40)
            try pane.press("m")
            let report = try await pane.waitFor("Caseload report · 01-Oct-2026 to 31-Oct-2026")
            #expect(report.contains("█"), "\(report)")
            try pane.press("w")
            try await pane.waitFor("Write this report")
            try pane.press("Down", "Down", "Enter")
            try await pane.waitFor("Report written to ")
            let csv = Self.exports(data).appendingPathComponent("report-2026-10-01-to-2026-10-31.csv")
            #expect(try String(contentsOf: csv, encoding: .utf8).hasPrefix("section,label,value"))
        }
    }

    @Test("export session, feedback, day and report print to standard output with --output -")
    func commandLineToStandardOutput() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = try world.makeDemo()

        let session = try world.run(["export", "session", "C-0001", "--format", "txt", "--output", "-", "--data-dir", data.path])
        #expect(session.status == 0, "\(session.stderr)")
        #expect(session.stdout.contains("Łukasz Nowak"), "\(session.stdout)")
        #expect(session.stdout.contains("Jo Example"), "the demo's link worker signs it")
        #expect(session.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })

        let json = try world.run(["export", "session", "c-1", "--format", "json", "--output", "-", "--data-dir", data.path])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["kind"] as? String == "session-summary")

        let feedback = try world.run(["export", "feedback", "C-0001", "--output", "-", "--data-dir", data.path])
        #expect(feedback.status == 0, "\(feedback.stderr)")
        #expect(feedback.stdout.contains("Łukasz Nowak"))

        let day = try world.run(["export", "day", "--format", "txt", "--output", "-", "--data-dir", data.path])
        #expect(day.status == 0, "\(day.stderr)")

        let report = try world.run(["report", "--format", "csv", "--output", "-", "--data-dir", data.path])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.hasPrefix("section,label,value"), "\(report.stdout)")
        let reportJSON = try world.run(["report", "--from", "2026-01-01", "--to", "2026-11-21", "--format", "json",
                                        "--output", "-", "--data-dir", data.path])
        let parsed = try JSONSerialization.jsonObject(with: Data(reportJSON.stdout.utf8)) as? [String: Any]
        #expect((parsed?["period"] as? [String: Any])?["from"] as? String == "2026-01-01")
    }

    @Test("Without --output, exports go to exports/ and the path is given; everything held is JSON and Markdown")
    func commandLineToExportsFolder() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = try world.makeDemo()

        let result = try world.run(["export", "client", "C-0001", "--data-dir", data.path])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.exports(data).path).sorted()
        #expect(files == ["client-C-0001-2026-11-21.json", "client-C-0001-2026-11-21.md"])
        for file in files { #expect(result.stderr.contains(Self.exports(data).appendingPathComponent(file).path)) }
        let record = try JSONSerialization.jsonObject(
            with: Data(contentsOf: Self.exports(data).appendingPathComponent(files[0]))) as? [String: Any]
        #expect(record?["kind"] as? String == "subject-access")
        #expect(String(describing: record ?? [:]).contains("Łukasz Nowak"))
    }

    @Test("Mistakes are one clear line and exit 1")
    func commandLineMistakes() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = try world.makeDemo()

        let unknown = try world.run(["export", "session", "C-9999", "--data-dir", data.path])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("caseload: no client with reference or NHS number \"C-9999\""), "\(unknown.stderr)")

        let noContact = try world.run(["export", "session", "C-0001", "--contact", "1999-01-01", "--data-dir", data.path])
        #expect(noContact.status == 1)
        #expect(noContact.stderr.contains("has no contact on 1999-01-01; contacts: "), "\(noContact.stderr)")

        let backwards = try world.run(["report", "--from", "2026-11-01", "--to", "2026-10-01", "--data-dir", data.path])
        #expect(backwards.status == 1)
        #expect(backwards.stderr.contains("after it ends"), "\(backwards.stderr)")

        let email = try world.run(["settings", "--email", "nope", "--data-dir", data.path])
        #expect(email.status == 1)
        #expect(email.stderr.contains("Email: Enter an email address"), "\(email.stderr)")
    }
}
