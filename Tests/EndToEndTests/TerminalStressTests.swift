import Foundation
import Testing

/// The terminal pushed hard: windows resized over and over while a note is typed, a plain C
/// locale, a 10,000-character paste, and held-down keys on a caseload of 10,000 clients.
/// Timings are printed for the record, never asserted: machines differ.
@Suite(.timeLimit(.minutes(5)))
struct TerminalStressTests {
    static let client = "Łukasz Nowak (C-0001)"
    static let formHint = "Ctrl-S Save"

    @Test("200 resizes from 20x5 to 200x60 while a note is typed: nothing typed is lost, and 100x30 is drawn whole")
    func resizeStormWhileTyping() async throws {
        try await withEndToEnd { world in
            let (data, pane, before) = try await Self.startContactNotes(in: world)

            // A word typed straight after each of 200 random sizes, too small ones included, with no
            // waiting: the keys and the new sizes reach the app interleaved, as when a person types
            // while dragging a window's corner.
            var random = SeededRandom(seed: 20_261_121)
            let scripts = ["a", "ż", "陈", "é", "ß", "🙂"]
            var words: [String] = []
            let clock = ContinuousClock()
            let start = clock.now
            for round in 0..<200 {
                try pane.resize(width: Int.random(in: 20...200, using: &random), height: Int.random(in: 5...60, using: &random))
                let word = scripts[round % scripts.count] + String(format: "%03d", round)
                try pane.type(words.isEmpty ? word : " " + word)
                words.append(word)
            }
            print("Resize storm: 200 resizes and \(words.count) words typed in \(clock.now - start)")

            try pane.resize(width: 100, height: 30)
            let settled = try await pane.waitUntil("the whole form at 100x30") { screen in
                screen.isFullFrame(width: 100, height: 30, hint: Self.formHint) && screen.contains(words.last!)
            }
            #expect(!pane.programIDs().isEmpty, "the app is still running:\n\(settled)")
            #expect(!settled.contains("Terminal too small"), "\(settled)")
            #expect(settled.title == "New contact with \(Self.client)", "\(settled)")
            #expect(settled.focusedFormLabel == "Notes", "\(settled)")

            try pane.press("C-s")
            try await pane.waitFor("Recorded contact with \(Self.client)")
            let added = try ExternalEditorTests.contacts(in: data).filter { !before.contains($0["id"] as? String ?? "") }
            #expect(added.count == 1)
            #expect(added.first?["notes"] as? String == words.joined(separator: " "), "every word, in order: \(added)")
        }
    }

    @Test("Under LANG=C and LC_ALL=C a UTF-8 name shows as under UTF-8, is found by typing 陈, and a note typed in UTF-8 is saved whole")
    func plainCLocaleShowsAndTakesUTF8() async throws {
        try await withEndToEnd { world in
            let name = "Zoë Łukasz 陈 😀"
            let data = try world.makeDemo()
            let utf8 = try await world.open(data)
            let reference = try await utf8.addClient(name, practice: "Hillview Surgery")
            try utf8.press("Escape")
            try await utf8.waitFor("61 clients")
            let utf8Row = try await Self.searchByTyping("陈", selecting: name, in: utf8)
            try utf8.press("q")
            #expect(try await utf8.waitForExit() == 0)

            let clients = data.appendingPathComponent("clients")
            let untouched = try snapshot(of: clients)
            let cLocale: [String: String?] = ["LANG": "C", "LC_ALL": "C"]
            let pane = try world.launch(["--data-dir", data.path], environment: cLocale)
            try await pane.waitFor("61 clients")
            // The app measures and draws in UTF-8 whatever the locale says, as the terminal is
            // UTF-8 (tmux here, and nearly every terminal over ssh where LANG=C is common): the row
            // is the same, cell for cell, as under C.UTF-8.
            let cRow = try await Self.searchByTyping("陈", selecting: name, in: pane)
            #expect(cRow == utf8Row, "the same row under LANG=C as under UTF-8:\nC:     \(cRow)\nUTF-8: \(utf8Row)")
            #expect(try snapshot(of: clients) == untouched, "opening and searching wrote nothing")

            try pane.press("Enter")
            try await pane.waitFor("\(name) (\(reference)) · Waiting")
            try pane.press("c")
            try await pane.waitFor("New contact with \(name) (\(reference))")
            try await pane.focusField("Notes")
            let note = "Ça va — 好的 👍"
            try pane.type(note)
            try await pane.waitUntil("the note typed under LANG=C") { $0.formValue("Notes").first == note }
            try pane.press("C-s")
            try await pane.waitFor("Recorded contact with \(name) (\(reference))")
            try pane.press("Escape")
            try await pane.waitFor("61 clients")
            try pane.press("q")
            #expect(try await pane.waitForExit() == 0)
            #expect(pane.standardError.isEmpty, "nothing on standard error: \(pane.standardError)")

            let saved = try #require(try ClientFile.all(in: data).first { $0.reference == reference })
            #expect(saved.name == name, "the name is unchanged after a save under LANG=C")
            let notes = (saved.json["contacts"] as? [[String: Any]])?.compactMap { $0["notes"] as? String }
            #expect(notes == [note], "the note as typed: \(notes ?? [])")

            // The command line prints UTF-8 under a C locale too.
            let listed = try world.run(["list", "--data-dir", data.path, "--search", "陈"], environment: cLocale)
            #expect(listed.status == 0, "\(listed.stderr)")
            #expect(listed.stdout.contains("\(reference)  \(name)"), "\(listed.stdout)")
        }
    }

    @Test("A 10,000-character paste of mixed scripts arrives whole in a note and is saved as pasted")
    func tenThousandCharacterPaste() async throws {
        try await withEndToEnd { world in
            let (data, pane, before) = try await Self.startContactNotes(in: world)

            let text = Self.mixedScriptText(characters: 10_000)
            #expect(text.count == 10_000)
            let lastWord = try #require(text.split(whereSeparator: \.isWhitespace).last.map(String.init))
            let clock = ContinuousClock()
            let start = clock.now
            try pane.paste(text)
            let shown = try await pane.waitUntil("the end of the paste in the notes", timeout: .seconds(60)) { screen in
                screen.formValue("Notes").contains { $0.hasSuffix(lastWord) }
            }
            let pasted = clock.now - start
            #expect(shown.focusedFormLabel == "Notes", "the paste stayed in the notes:\n\(shown)")

            try pane.press("C-s")
            try await pane.waitFor("Recorded contact with \(Self.client)", timeout: .seconds(60))
            print("Paste of \(text.count) characters (\(text.utf8.count) bytes): on screen after \(pasted), saved after \(clock.now - start)")
            let added = try ExternalEditorTests.contacts(in: data).filter { !before.contains($0["id"] as? String ?? "") }
            #expect(added.count == 1)
            let notes = try #require(added.first?["notes"] as? String)
            #expect(notes.count == text.count, "every character arrived")
            #expect(notes == text, "saved as pasted; first difference at character \(Self.firstDifference(notes, text))")
        }
    }

    @Test("Held-down keys on 10,000 clients: 500 ↓ then PgDn, End and Home land on the right rows; a search typed key by key keeps up")
    func heldKeysOnTenThousandClients() async throws {
        try await withEndToEnd { world in
            let clock = ContinuousClock()
            let generationStart = clock.now
            // A light record (C-0055: one contact and one follow-up, so every row has a Next date)
            // keeps loading quick: the keys are under test here, not the loading.
            let caseload = try LargeCaseload.make(count: 10_000, in: world, template: "C-0055")
            let generated = clock.now - generationStart
            let rows = caseload.inNameOrder
            let (pane, startup) = try await world.openLarge(caseload)
            print("10,000 clients: written in \(generated), list shown after \(startup)")
            let first = try pane.screen()
            #expect(first.title.contains("10000 clients") && !first.title.contains("unreadable"), "every file loaded:\n\(first)")
            #expect(first.selectedReference == rows[0].reference, "the list opens on the first name:\n\(first)")
            #expect(first.listedReferences == rows.prefix(first.listedReferences.count).map(\.reference),
                    "the rows on screen are the first in name order:\n\(first)")

            // Key repeat: the presses arrive in a few large batches, as fast as tmux writes them.
            let downStart = clock.now
            for _ in 0..<5 {
                try pane.press(contentsOf: Array(repeating: "Down", count: 100))
            }
            let afterDowns = try await pane.waitUntil("500 ↓ to select row 501 (\(rows[500].reference))", timeout: .seconds(120)) {
                $0.selectedReference == rows[500].reference
            }
            print("500 ↓ on 10,000 clients: \(clock.now - downStart)")
            #expect(afterDowns.selectionMarkerCount == 1, "\(afterDowns)")

            // A page is the rows the table shows.
            let page = afterDowns.listedReferences.count
            try await Self.timedPress("NPage", on: pane, expecting: rows[500 + page], clock: clock)
            try await Self.timedPress("End", on: pane, expecting: rows[rows.count - 1], clock: clock)
            try await Self.timedPress("Home", on: pane, expecting: rows[0], clock: clock)

            // A search typed one key at a time: each key is shown before the next is typed.
            let target = rows[7_777]
            let expected = try #require(caseload.matches(target.name).first)
            try pane.press("/")
            try await pane.waitFor("Search (name, ref, NHS no):")
            var typed = ""
            var slowest: Duration = .zero
            let searchStart = clock.now
            for character in target.name {
                typed.append(character)
                let keyStart = clock.now
                try pane.type(String(character))
                // The capture drops trailing spaces: a space shows with the key after it.
                let shown = typed.trimmingCharacters(in: .whitespaces)
                try await pane.waitFor("Search (name, ref, NHS no): \(shown)", timeout: .seconds(30))
                slowest = max(slowest, clock.now - keyStart)
            }
            let found = try await pane.waitUntil("the search to select \(expected.name) (\(expected.reference))") {
                $0.selectedReference == expected.reference
            }
            print("Search “\(target.name)” typed key by key on 10,000 clients: \(clock.now - searchStart), slowest key \(slowest)")
            #expect(found.selectedRow?.contains(expected.name) == true, "\(found)")
            try pane.press("Enter")
            let count = caseload.matches(target.name).count
            try await pane.waitFor("\(count) match\(count == 1 ? "" : "es") for “\(target.name)”")
            try pane.press("q")
            #expect(try await pane.waitForExit(timeout: .seconds(60)) == 0)
        }
    }

    // MARK: Helpers

    /// Types `query` after `/`, waits for it to select `name`, keeps the search with Enter and
    /// returns the selected row.

    /// A demo caseload open on a new contact with Łukasz, the notes field focused; the contacts the
    /// caseload held before, so that the one saved can be told apart.
    static func startContactNotes(in world: EndToEnd) async throws -> (data: URL, pane: Pane, before: Set<String>) {
        let data = try world.makeDemo()
        let pane = try await world.open(data)
        let before = try ExternalEditorTests.contactIDs(in: data)
        try await pane.openClient("lukasz", title: "\(client) · Active")
        try pane.press("c")
        try await pane.waitFor("New contact with \(client)")
        try await pane.focusField("Notes")
        return (data, pane, before)
    }
    static func searchByTyping(_ query: String, selecting name: String, in pane: Pane) async throws -> String {
        try pane.press("/")
        try await pane.waitFor("Search (name, ref, NHS no):")
        try pane.type(query)
        try await pane.waitUntil("the search for \(query) to select \(name)") { $0.selectedRow?.contains(name) == true }
        try pane.press("Enter")
        let kept = try await pane.waitFor("Search: “\(query)”")
        return try #require(kept.selectedRow)
    }

    /// Presses one key and waits for the selection to reach `row`, printing how long it took.
    static func timedPress(_ key: String, on pane: Pane, expecting row: LargeCaseload.Entry,
                           clock: ContinuousClock) async throws {
        let start = clock.now
        try pane.press(key)
        try await pane.waitUntil("\(key) to select \(row.name) (\(row.reference))", timeout: .seconds(60)) {
            $0.selectedReference == row.reference
        }
        print("\(key) on 10,000 clients: \(clock.now - start)")
    }

    /// Exactly `characters` characters of words in Latin with accents, Polish, Greek, Cyrillic,
    /// Chinese and emoji (a family and a flag among them), with line breaks, ending in a plain
    /// word (`end…`) that the screen shows as it is. No leading or trailing space, which a note
    /// would not keep.
    static func mixedScriptText(characters: Int) -> String {
        let words = ["Zoë", "Łódź", "naïve", "Ελένη", "Мария", "陈伟", "好的", "🙂", "👩‍👩‍👧", "🇬🇧", "straße", "Dvořák", "café", "O'Brien"]
        let ending = " end"
        var text = ""
        var count = 0
        for index in 0... {
            let separator = text.isEmpty ? "" : (index % 23 == 0 ? "\n" : " ")
            let piece = separator + words[index % words.count] + String(index)
            guard count + piece.count + ending.count <= characters else { break }
            text += piece
            count += piece.count
        }
        return text + ending + String(repeating: ".", count: characters - count - ending.count)
    }

    static func firstDifference(_ one: String, _ other: String) -> Int {
        zip(one, other).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(one.count, other.count)
    }
}

extension Pane {
    /// Presses many keys with one tmux command, so they reach the app back to back.
    func press(contentsOf keys: [String]) throws {
        try session.run(["send-keys", "-t", id] + keys)
    }
}
