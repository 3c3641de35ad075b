import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Files the app cannot use, and a disk that refuses a save: nothing typed is lost, nothing on disk
/// is changed without the person agreeing.
@Suite(.timeLimit(.minutes(3)))
struct FailingDiskTests {
    static let title = "Łukasz Nowak (C-0001)"

    @Test("A damaged client file: ! names it, m and y move it unchanged into quarantine/, the next start is clean")
    func damagedFileMovedAsideOnlyWhenAgreed() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            let damaged = data.appendingPathComponent("clients/0badf11e-0000-4000-8000-000000000000.json")
            let bytes = Data("{\"reference\": \"C-0999\", \"name\": \"Zoë".utf8)
            try bytes.write(to: damaged)

            let pane = try world.launch(["--data-dir", data.path])
            try await pane.waitFor("1 file could not be read (left untouched): press ! to see")
            try pane.press("!")
            try await pane.waitFor("m moves the client or asset file aside")
            try pane.press("m")
            try await pane.waitFor("clients/0badf11e-0000-4000-8000-000000000000.json into")
            try pane.press("n")
            try await pane.waitFor("Cancelled: nothing was changed")
            #expect(try Data(contentsOf: damaged) == bytes, "a no leaves the file where it was")

            try pane.press("!")
            try await pane.waitFor("m moves the client or asset file aside")
            try pane.press("m")
            try await pane.waitFor("clients/0badf11e-0000-4000-8000-000000000000.json into")
            try pane.press("y")
            let moved = try await pane.waitFor("Moved 1 file unchanged into quarantine/2026-11-21T100000Z/")
            #expect(!moved.contains("unreadable (!)"), "\(moved)")
            #expect(!FileManager.default.fileExists(atPath: damaged.path))
            let aside = data.appendingPathComponent("quarantine/2026-11-21T100000Z/clients/" + damaged.lastPathComponent)
            #expect(try Data(contentsOf: aside) == bytes, "moved byte for byte")
            try pane.press("q")
            #expect(try await pane.waitForExit() == 0)

            // The next start reports nothing, and the number the damaged file held is still not reused.
            let again = try await world.open(data)
            let start = try again.screen()
            #expect(!start.contains("could not be read"), "\(start)")
            try again.press("a")
            let form = try await again.waitFor("New client C-")
            #expect(form.lines.first?.contains("New client C-1000") == true, "\(form)")
        }
    }

    @Test("A save the disk refuses keeps the typed text and says why; Ctrl-S saves it once the disk is back")
    func refusedSaveIsKeptAndRetried() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            let clients = data.appendingPathComponent("clients")
            let away = data.appendingPathComponent("clients-away")
            let pane = try await world.open(data)
            try await pane.openClient("lukasz", title: "\(Self.title) · Active")
            try pane.press("c")
            try await pane.waitFor("New contact with \(Self.title)")
            try await pane.focusField("Notes")
            let notes = ["Asked about the walking group", "Zoë from the café will ring 📞"]
            try pane.typeLines(notes)
            try await pane.waitUntil("the notes typed") { $0.formValue("Notes").starts(with: notes) }

            // The folder turns into a plain file under the app: every write in it fails.
            try FileManager.default.moveItem(at: clients, to: away)
            try Data().write(to: clients)
            try pane.press("C-s")
            let refused = try await pane.waitFor("Changes kept: Ctrl-S retries.")
            #expect(refused.messageLine.contains("Could not save C-0001: Not a directory."), "\(refused)")
            #expect(refused.formValue("Notes").starts(with: notes), "the text is still in the form:\n\(refused)")

            try FileManager.default.removeItem(at: clients)
            try FileManager.default.moveItem(at: away, to: clients)
            try pane.press("C-s")
            try await pane.waitFor("Recorded contact with \(Self.title)")
            let saved = try #require(try ClientFile.all(in: data).first { $0.reference == "C-0001" })
            let contacts = saved.json["contacts"] as? [[String: Any]] ?? []
            #expect(contacts.contains { $0["notes"] as? String == notes.joined(separator: "\n") })
        }
    }

    @Test("A data folder this user may not write opens read-only with the reason, shows the caseload and changes nothing")
    func unwritableFolderOpensReadOnly() async throws {
        try await withEndToEnd { world in
            let data = try world.makeDemo()
            let before = try snapshot(of: data)
            // Permissions bind everyone but root, so as root the app runs as nobody, who owns the folder.
            var command = [world.binary.path, "--data-dir", data.path]
            if getuid() == 0 {
                try Self.giveToNobody(data)
                command = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command
            }
            #expect(chmod(data.path, 0o500) == 0)
            defer { _ = chmod(data.path, 0o700) }

            let pane = try world.tmux.launch(command, environment: world.environment(), width: 100, height: 30,
                                             stdinFromDevNull: false)
            let banner = try await pane.waitFor("Read-only: the data folder is not writable.")
            #expect(banner.contains("60 clients"), "the caseload is still shown:\n\(banner)")
            try pane.press("a")
            try await pane.waitUntil("adding to be refused") { $0.messageLine.lowercased().contains("nothing can be changed") }
            try pane.press("q")
            #expect(try await pane.waitForExit() == 0)
            #expect(try snapshot(of: data) == before, "nothing in the folder changed")
        }
    }

    private static func giveToNobody(_ folder: URL) throws {
        let items = [folder.path] + (FileManager.default.subpaths(atPath: folder.path) ?? []).map { folder.path + "/" + $0 }
        for item in items where lchown(item, 65534, 65534) != 0 {
            throw HarnessError("could not give \(item) to nobody: \(String(cString: strerror(errno)))")
        }
    }
}
