import Foundation
import Testing

/// One client from referral to discharge, from the keyboard only, on a caseload that starts empty;
/// then a restart finds every word of it, and the audit log holds one line per save.
@Suite(.timeLimit(.minutes(3)))
struct ClientJourneyTests {
    static let name = "Zoë Ærø-陈"
    static let notes = ["Zoë said: “I miss singing.”", "Wants to try the choir 陈 🙂"]
    static let whatMatters = "Singing with other people, like I used to"
    static let goal = "Sing with other people again"
    static let steps = ["Find the community choir", "Go to a rehearsal"]
    static let purpose = "Ask how the choir went"
    static let completionNotes = "Went to a rehearsal and loved it"
    static let dischargeNote = "Sings with the choir every week"

    @Test("Referral to discharge without leaving the keyboard; a restart finds all of it; audit.jsonl has each save")
    func referralToDischarge() async throws {
        try await withEndToEnd { world in
            let data = world.root.appendingPathComponent("caseload", isDirectory: true)
            let pane = try await world.open(data)
            try await pane.waitFor("No clients yet: press a to add one.")

            // Someone else with a follow-up due today, so that the agenda has a row before Zoë's.
            let other = try await pane.addClient("Kwame Mensah", practice: "Canal Street Health Centre")
            try pane.press("f")
            try await pane.waitFor("Schedule a follow-up with Kwame Mensah (\(other))")
            try await Self.replaceDueDate(pane, with: "21-Nov-2026")
            try await pane.fill("Purpose", with: "Phone about the lunch club")
            try pane.press("C-s")
            try await pane.waitFor("Follow-up scheduled for Kwame Mensah (\(other))")
            try pane.press("Escape")
            try await pane.waitFor("1 client")

            // The referral.
            let reference = try await pane.addClient(Self.name, practice: "Hillview Surgery")
            let title = "\(Self.name) (\(reference))"
            #expect(try pane.screen().title == "\(title) · Waiting")

            // A what-matters conversation with multi-line Unicode notes.
            try pane.press("c")
            let contact = try await pane.waitFor("New contact with \(title)")
            #expect(contact.formValue("Kind").first == "‹ First conversation ›", "\(contact)")
            #expect(contact.formRow("What matters to them") == nil, "asked only in a what-matters conversation:\n\(contact)")
            try await pane.choose("Kind", "What-matters conversation")
            try await pane.waitUntil("the what-matters questions to appear") { $0.formRow("What matters to them") != nil }
            try await pane.focusField("Notes")
            try pane.typeLines(Self.notes)
            try await pane.waitUntil("both lines of notes in the field") { $0.formValue("Notes").starts(with: Self.notes) }
            try await pane.fill("What matters to them", with: Self.whatMatters)
            try pane.press("C-s")
            let recorded = try await pane.waitFor("Recorded contact with \(title)")
            #expect(recorded.messageLine.contains("Recorded contact with \(title); now active"), "\(recorded)")
            #expect(recorded.title == "\(title) · Active", "\(recorded)")
            #expect(recorded.contains(Self.whatMatters), "the overview shows what matters:\n\(recorded)")

            // A goal and two steps; one step marked done with Space.
            try pane.press("g")
            try await pane.waitFor("New goal for \(title)")
            try pane.type(Self.goal)
            try await pane.waitUntil("the goal to be typed") { $0.formValue("Goal, in their words").first == Self.goal }
            try pane.press("C-s")
            try await pane.waitFor("Goal saved for \(title)")
            try pane.press("Tab", "Tab")
            try await pane.waitFor("◆ \(Self.goal)  [no steps yet]")
            for (index, step) in Self.steps.enumerated() {
                try pane.press("s")
                try await pane.waitFor("New step towards: \(Self.goal)")
                try pane.type(step)
                try await pane.waitUntil("the step to be typed") { $0.formValue("What").first == step }
                try pane.press("C-s")
                try await pane.waitFor(index == 0 ? "[0/1 step done]" : "[0/\(index + 1) steps done]")
            }
            try pane.press("j")
            try await pane.waitUntil("the first step to be selected") { $0.selectedRow?.contains(Self.steps[0]) == true }
            try pane.press("Space")
            try await pane.waitUntil("Space to start the step") { $0.selectedRow?.contains("[~] \(Self.steps[0])") == true }
            try pane.press("Space")
            let done = try await pane.waitUntil("Space to finish the step") { $0.selectedRow?.contains("[x] \(Self.steps[0])") == true }
            #expect(done.contains("◆ \(Self.goal)  [1/2 steps done]"), "\(done)")
            #expect(done.lines.contains { $0.contains("[ ] \(Self.steps[1])") }, "the other step is still to do:\n\(done)")

            // A follow-up within the next 7 days.
            try pane.press("f")
            try await pane.waitFor("Schedule a follow-up with \(title)")
            try await Self.replaceDueDate(pane, with: "25-Nov-2026")
            try await pane.fill("Purpose", with: Self.purpose)
            try pane.press("C-s")
            let scheduled = try await pane.waitFor("Follow-up scheduled for \(title)")
            #expect(scheduled.lines[1].contains("Follow-ups (1 open)"), "\(scheduled)")

            // The agenda: Kwame today, Zoë in the next 7 days; Enter opens her, Esc comes back to her row.
            try pane.press("Escape")
            try await pane.waitFor("2 clients")
            try pane.press("Tab")
            let agenda = try await pane.waitFor("Agenda · 21-Nov-2026")
            let zoeRow = try #require(agenda.lines.firstIndex { $0.contains("25-Nov-2026") && $0.contains("\(title) · \(Self.purpose)") },
                                      "Zoë's follow-up is on the agenda:\n\(agenda)")
            let week = try #require(agenda.lines.firstIndex { $0.contains("Next 7 days (1)") }, "\(agenda)")
            let waiting = try #require(agenda.lines.firstIndex { $0.contains("Waiting list") }, "\(agenda)")
            let today = try #require(agenda.lines.firstIndex { $0.contains("Today, 21-Nov-2026 (1)") }, "\(agenda)")
            #expect(week < zoeRow && zoeRow < waiting, "under Next 7 days:\n\(agenda)")
            #expect(agenda.lines[today + 1].contains("Kwame Mensah (\(other)) · Phone about the lunch club"), "\(agenda)")
            #expect(agenda.selectedRow?.contains("Kwame Mensah") == true, "the first row is selected:\n\(agenda)")
            try pane.press("j")
            try await pane.waitUntil("j to select Zoë's follow-up") { $0.selectedRow?.contains(title) == true }
            try pane.press("Enter")
            let opened = try await pane.waitFor("\(title) · Active")
            #expect(opened.selectedRow?.contains("25-Nov-2026  \(Self.purpose) · Phone") == true,
                    "Enter opens the client on her follow-ups:\n\(opened)")
            try pane.press("Escape")
            let back = try await pane.waitFor("Agenda · 21-Nov-2026")
            #expect(back.selectedRow?.contains(title) == true, "back on the agenda at the same row:\n\(back)")

            // Complete the follow-up by recording a contact.
            try pane.press("Enter")
            try await pane.waitUntil("the follow-up selected") { $0.selectedRow?.contains(Self.purpose) == true }
            try pane.press("c")
            let completing = try await pane.waitFor("Complete follow-up for \(title): \(Self.purpose)")
            #expect(completing.formValue("Kind").first == "‹ Review ›", "after a first contact a completion is a review:\n\(completing)")
            try await pane.choose("Kind", "Check-in")
            try await pane.fill("Notes", with: Self.completionNotes)
            try pane.press("C-s")
            try await pane.waitFor("Recorded contact with \(title)")
            let completed = try await pane.waitUntil("the follow-up marked done") { screen in
                screen.selectedRow?.contains("✓ 25-Nov-2026  \(Self.purpose) · done 21-Nov-2026") == true
            }
            #expect(completed.lines[1].contains("Contacts (2)") && completed.lines[1].contains("Follow-ups (0 open)"), "\(completed)")

            // Discharge with a note.
            try pane.press("d")
            try await pane.waitFor("Discharge \(title)")
            try pane.press("Tab", "Tab")
            try pane.type(Self.dischargeNote)
            try await pane.waitFor(Self.dischargeNote)
            try pane.press("Enter")
            let question = try await pane.waitFor("Please confirm")
            #expect(question.dialogText.contains("Discharge \(title) on 21-Nov-2026: Goals met?"), "\(question)")
            try pane.press("y")
            let discharged = try await pane.waitFor("Discharged \(title): Goals met")
            #expect(discharged.title == "\(title) · Discharged", "\(discharged)")
            try pane.press("Escape")
            try await pane.waitFor("Agenda · 21-Nov-2026")
            try pane.press("q")
            #expect(try await pane.waitForExit() == 0)

            try await Self.findEverythingAfterRestart(world, data: data, title: title)
            try Self.checkFiles(data, reference: reference)
        }
    }

    /// The due date starts a week ahead: Ctrl-U clears it for the date wanted.
    static func replaceDueDate(_ pane: Pane, with date: String) async throws {
        try await pane.focusField("Due date")
        try pane.press("C-u")
        try pane.type(date)
        try await pane.waitUntil("the due date \(date)") { $0.formValue("Due date").first == date }
    }

    static func findEverythingAfterRestart(_ world: EndToEnd, data: URL, title: String) async throws {
        let pane = try await world.open(data)
        try await pane.waitFor("2 clients")
        try await pane.search("zoe")
        try await pane.waitFor("1 match for “zoe”")
        try pane.press("Enter")
        let overview = try await pane.waitFor("\(title) · Discharged")
        #expect(overview.lines[1].contains("Contacts (2)   Plan (1)   Follow-ups (0 open)"), "\(overview)")
        #expect(overview.contains("\(goal) [1/2 steps done]"), "\(overview)")
        #expect(overview.contains(whatMatters), "\(overview)")
        try pane.press("End")
        try await pane.waitUntil("the discharge at the end of the overview") { screen in
            screen.lines.contains { $0.contains("Discharged") && $0.contains("21-Nov-2026: Goals met") }
                && screen.contains(dischargeNote)
        }

        // Contacts: the what-matters conversation opens with its notes exactly as typed.
        try pane.press("Tab")
        try await pane.waitFor("What-matters conversation · Phone — \(notes[0])")
        if try pane.screen().selectedRow?.contains("What-matters conversation") != true {
            try pane.press("j")
            try await pane.waitUntil("j to select the conversation") { $0.selectedRow?.contains("What-matters") == true }
        }
        try pane.press("Enter")
        let form = try await pane.waitFor("Contact with \(title) on 21-Nov-2026 10:00")
        #expect(form.formValue("Notes").starts(with: notes), "both lines of the notes:\n\(form)")
        #expect(form.formValue("Kind").first == "‹ What-matters conversation ›", "\(form)")
        #expect(form.formValue("What matters to them").first == whatMatters, "\(form)")
        try pane.press("Escape")
        try await pane.waitUntil("Esc to close the unchanged contact") { $0.title == "\(title) · Discharged" }

        try pane.press("Tab")
        let plan = try await pane.waitFor("◆ \(goal)  [1/2 steps done]")
        #expect(plan.lines.contains { $0.contains("[x] \(steps[0])") }, "\(plan)")
        #expect(plan.lines.contains { $0.contains("[ ] \(steps[1])") }, "\(plan)")
        try pane.press("Tab")
        try await pane.waitFor("✓ 25-Nov-2026  \(purpose) · done 21-Nov-2026")
        try pane.press("Escape")
        try await pane.waitFor("Search: “zoe”")
        try pane.press("q")
        #expect(try await pane.waitForExit() == 0)
    }

    static func checkFiles(_ data: URL, reference: String) throws {
        let file = try #require(try ClientFile.named(name, in: data))
        #expect(file.status == "discharged")
        #expect(file.discharge?["reason"] as? String == "goals-met")
        #expect(file.discharge?["note"] as? String == dischargeNote)
        let contacts = file.json["contacts"] as? [[String: Any]] ?? []
        #expect(contacts.count == 2)
        let conversation = try #require(contacts.first { $0["kind"] as? String == "what-matters" }, "\(contacts)")
        #expect(conversation["notes"] as? String == notes.joined(separator: "\n"), "the notes, to the character")
        #expect((conversation["whatMatters"] as? [String: Any])?["whatMatters"] as? String == whatMatters)
        let followUps = file.json["followUps"] as? [[String: Any]] ?? []
        let state = try #require(followUps.first?["state"] as? [String: Any], "\(followUps)")
        let completion = try #require(contacts.first { $0["kind"] as? String == "check-in" }, "\(contacts)")
        #expect(state["status"] as? String == "completed")
        #expect(state["contactID"] as? String == completion["id"] as? String, "the completing contact is linked")
        #expect(completion["notes"] as? String == completionNotes)
        let goal = try #require((file.json["goals"] as? [[String: Any]])?.first)
        #expect(goal["text"] as? String == Self.goal)
        let savedSteps = goal["steps"] as? [[String: Any]] ?? []
        #expect(savedSteps.map { $0["what"] as? String } == steps)
        #expect(savedSteps.map { $0["status"] as? String } == ["done", "to-do"])

        // The audit log: one parseable line per save, owner-only.
        let audit = data.appendingPathComponent("audit.jsonl")
        #expect(try permissions(of: audit.path) == 0o600)
        let text = try String(contentsOf: audit, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        let entries = try text.split(separator: "\n").map { line -> [String: Any] in
            guard let entry = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw HarnessError("not a JSON object in audit.jsonl: \(line)")
            }
            return entry
        }
        let id = file.json["id"] as? String
        let mine = entries.filter { $0["reference"] as? String == reference }
        #expect(mine.allSatisfy { $0["clientId"] as? String == id })
        #expect(entries.count - mine.count == 2, "Kwame: created and a follow-up")
        func paths(_ entry: [String: Any]) -> [String] {
            (entry["changes"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        }
        func change(_ entry: [String: Any], _ path: String) -> [String: Any]? {
            (entry["changes"] as? [[String: Any]] ?? []).first { $0["path"] as? String == path }
        }
        // created, contact (waiting → active), goal, two steps, two status changes (to do → doing → done),
        // follow-up, the completing contact, discharge.
        let expected: [(String, ([String]) -> Bool)] = [
            ("created", { $0.contains("name") }),
            ("the what-matters conversation", { $0.contains { $0.hasPrefix("contacts[") } && $0.contains("status") }),
            ("the goal", { $0.count == 1 && $0[0].hasPrefix("goals[") && !$0[0].contains("steps") }),
            ("the first step", { $0.count == 1 && $0[0].contains(".steps[") && !$0[0].hasSuffix(".status") }),
            ("the second step", { $0.count == 1 && $0[0].contains(".steps[") && !$0[0].hasSuffix(".status") }),
            ("to do → doing", { $0.count == 1 && $0[0].hasSuffix("].status") }),
            ("doing → done", { $0.count == 1 && $0[0].hasSuffix("].status") }),
            ("the follow-up", { $0.count == 1 && $0[0].hasPrefix("followUps[") }),
            ("the completion", { $0.contains { $0.hasPrefix("contacts[") } && $0.contains { $0.hasSuffix(".state.status") } }),
            ("the discharge", { $0.contains("discharge") && $0.contains("status") }),
        ]
        #expect(mine.count == expected.count, "one line per save:\n\(mine.map(paths))")
        for (index, (what, matches)) in expected.enumerated() where index < mine.count {
            #expect(matches(paths(mine[index])), "line \(index + 1) of \(reference) should record \(what): \(paths(mine[index]))")
        }
        guard mine.count == expected.count else { return }
        #expect(mine[0]["action"] as? String == "created")
        #expect(mine.dropFirst().allSatisfy { $0["action"] as? String == "updated" })
        #expect(change(mine[1], "status")?["before"] as? String == "waiting")
        #expect(change(mine[1], "status")?["after"] as? String == "active")
        let conversationChange = mine[1]["changes"] as? [[String: Any]] ?? []
        let added = conversationChange.first { ($0["path"] as? String)?.hasPrefix("contacts[") == true }?["after"] as? [String: Any]
        #expect(added?["notes"] as? String == notes.joined(separator: "\n"), "the log keeps the notes as written")
        #expect(change(mine[5], paths(mine[5])[0])?["after"] as? String == "doing")
        #expect(change(mine[6], paths(mine[6])[0])?["before"] as? String == "doing")
        #expect(change(mine[6], paths(mine[6])[0])?["after"] as? String == "done")
        #expect(change(mine[9], "status")?["before"] as? String == "active")
        #expect(change(mine[9], "status")?["after"] as? String == "discharged")
    }
}
