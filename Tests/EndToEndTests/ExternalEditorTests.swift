import Foundation
import Testing

/// Ctrl-E hands the focused text to the person's own editor ($EDITOR) and takes the result back.
@Suite(.timeLimit(.minutes(3)))
struct ExternalEditorTests {
    static let title = "Łukasz Nowak (C-0001)"

    @Test("Ctrl-E on the notes: the editor gets the text on a cooked terminal; its result comes back and is saved")
    func editorResultComesBackAndIsSaved() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            let (editor, seen, temporary) = try Self.makeEditor(in: world, named: "editor.sh", body: #"""
                printf 'Edited in my editor\nsecond line 陈 🙂' > "$1"
                """#)
            let pane = try world.launch(["--data-dir", data.path],
                                        environment: ["EDITOR": editor.path, "TMPDIR": temporary.path])
            try await pane.waitFor("Caseload · ")
            let before = try Self.contactIDs(in: data)
            try await pane.openClient("lukasz", title: "\(Self.title) · Active")
            try pane.press("c")
            try await pane.waitFor("New contact with \(Self.title)")
            try await pane.focusField("Notes")
            try pane.type("Typed in Caseload, é")
            try await pane.waitUntil("the typed notes") { $0.formValue("Notes").first == "Typed in Caseload, é" }

            try pane.press("C-e")
            let back = try await pane.waitFor("Text taken back from your editor")
            #expect(back.formValue("Notes").starts(with: ["Edited in my editor", "second line 陈 🙂"]), "\(back)")
            #expect(back.title == "New contact with \(Self.title)", "still in the form:\n\(back)")
            // The app has the terminal again: its own screen, and keys reach it.
            #expect(try pane.format("#{alternate_on}") == "1", "back on the app's screen")
            #expect(back.isFullFrame(width: 100, height: 30, hint: "Ctrl-S Save"), "a whole frame is drawn:\n\(back)")
            try pane.press("Tab")
            try await pane.waitUntil("Tab to move on from the notes") { $0.focusedFormLabel == "Wellbeing measures" }

            // What the editor was given: the text (with a final newline), in a private temporary
            // file, on a terminal back in its ordinary modes.
            let record = try String(contentsOf: seen, encoding: .utf8)
            #expect(record.hasPrefix("Typed in Caseload, é\n---\n"), "the editor got the field's text:\n\(record)")
            let modes = Set(record.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
            #expect(["icanon", "echo", "isig", "icrnl", "opost"].allSatisfy(modes.contains),
                    "the editor runs on a cooked terminal:\n\(record)")
            #expect(record.contains("path=\(temporary.path)/caseload-edit-"), "the file is under TMPDIR:\n\(record)")
            #expect(record.contains("mode=600"), "only the owner can read the file:\n\(record)")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
            #expect(leftovers.isEmpty, "nothing of the notes stays in TMPDIR: \(leftovers)")

            try pane.press("C-s")
            try await pane.waitFor("Recorded contact with \(Self.title)")
            let added = try Self.contacts(in: data).filter { !before.contains($0["id"] as? String ?? "") }
            #expect(added.count == 1)
            #expect(added.first?["notes"] as? String == "Edited in my editor\nsecond line 陈 🙂")
        }
    }

    @Test("An editor that fails leaves the text as it was and says so")
    func failingEditorChangesNothing() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            let (editor, _, temporary) = try Self.makeEditor(in: world, named: "failing.sh", body: #"""
                printf 'half-written' > "$1"
                exit 3
                """#)
            let pane = try world.launch(["--data-dir", data.path],
                                        environment: ["EDITOR": editor.path, "TMPDIR": temporary.path])
            try await pane.waitFor("Caseload · ")
            try await pane.openClient("lukasz", title: "\(Self.title) · Active")
            try pane.press("g")
            try await pane.waitFor("New goal for \(Self.title)")
            try pane.typeLines(["Get back to work", "a few hours a week"])
            try await pane.waitUntil("the goal typed") { $0.formValue("Goal, in their words").starts(with: ["Get back to work", "a few hours a week"]) }

            try pane.press("C-e")
            let failed = try await pane.waitFor("The editor exited with status 3; your text was not changed")
            #expect(failed.formValue("Goal, in their words").starts(with: ["Get back to work", "a few hours a week"]), "\(failed)")
            #expect(!failed.contains("half-written"), "\(failed)")
            #expect(try pane.format("#{alternate_on}") == "1")
            #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)

            // Leave without the goal (a form left open would be kept as a draft when the test ends).
            try pane.press("Escape")
            try await pane.waitFor("Please confirm")
            try pane.press("y")
            try await pane.waitFor("\(Self.title) · Active")
            try pane.press("q", "q")
            #expect(try await pane.waitForExit() == 0)
        }
    }

    /// An editor script: records what it was given (the file's text, `---`, `stty -a`, the file's
    /// path and mode) in `seen.txt`, then runs `body` on the file ("$1").
    static func makeEditor(in world: EndToEnd, named name: String, body: String) throws -> (script: URL, seen: URL, temporary: URL) {
        let folder = world.root.appendingPathComponent("editor", isDirectory: true)
        let temporary = world.root.appendingPathComponent("tmp", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let seen = folder.appendingPathComponent("seen.txt")
        let script = folder.appendingPathComponent(name)
        try """
            #!/bin/sh
            {
                cat "$1"
                echo ---
                stty -a
                echo "path=$1"
                echo "mode=$(stat -c %a "$1")"
            } >'\(seen.path)' 2>&1
            \(body)

            """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
        return (script, seen, temporary)
    }

    static func contacts(in data: URL) throws -> [[String: Any]] {
        let file = try ClientFile.all(in: data).first { $0.reference == "C-0001" }
        return file?.json["contacts"] as? [[String: Any]] ?? []
    }

    static func contactIDs(in data: URL) throws -> Set<String> {
        Set(try contacts(in: data).compactMap { $0["id"] as? String })
    }
}
