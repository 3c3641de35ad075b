import Foundation

/// Things a person does in Caseload, built from key presses and what the screen shows.
extension Pane {
    /// In the add/edit form: presses Tab until the `›` focus marker stands before `label`.
    func focusField(_ label: String) async throws {
        // The form has 17 fields; a few more presses allow for one that did not register yet.
        for _ in 0..<24 {
            let current = try await waitUntil("a focused form field (› marker)") { $0.focusedFormLabel != nil }
            guard let focused = current.focusedFormLabel else { continue }
            if focused == label { return }
            try press("Tab")
            try await waitUntil("Tab to move the focus on from \(focused)") { $0.focusedFormLabel != focused }
        }
        throw HarnessError("never reached the form field \"\(label)\" with Tab\n\(report())")
    }

    /// In the add/edit form: moves to a text field and types into it.
    func fill(_ label: String, with text: String) async throws {
        try await focusField(label)
        try type(text)
        try await waitUntil("\(label) to show \"\(text)\"") { screen in
            screen.lines.contains { $0.dropFirst().hasPrefix("›" + label) && $0.contains(text) }
        }
    }

    /// In the list: `/`, the query, Enter. Returns the screen once the search is kept.
    @discardableResult
    func search(_ query: String) async throws -> Screen {
        try press("/")
        try await waitFor("Search (name, ref, NHS no):")
        try type(query)
        try await waitUntil("the query to be typed") { $0.contains("Search (name, ref, NHS no): \(query)") }
        try press("Enter")
        return try await waitFor("Search: “\(query)”")
    }

    /// In the list: opens the one client matching `query` and waits for its view.
    func openClient(_ query: String, title: String) async throws {
        try await search(query)
        try press("Enter")
        try await waitFor(title)
    }
}

// MARK: Recording the work (client view and work forms)

extension Pane {
    /// In the list: `a`, the name, the GP practice, consent Yes, Ctrl-S; waits for the new
    /// client's view and returns the reference the form gave them.
    @discardableResult
    func addClient(_ name: String, practice: String) async throws -> String {
        try press("a")
        let form = try await waitFor("New client C-")
        guard let reference = form.lines.first.flatMap({ ClientFormTests.reference(after: "New client ", in: $0) }) else {
            throw HarnessError("the form title names no reference:\n\(form)")
        }
        try await waitUntil("the form to open on the name") { $0.focusedFormLabel == "Name" }
        try type(name)
        try await waitUntil("the name to be typed") { $0.formValue("Name").first == name }
        try await fill("GP practice", with: practice)
        try await choose("Consent to contact", "Yes")
        try press("C-s")
        try await waitUntil("the new client's view after saving") { screen in
            screen.contains("Saved \(name) (\(reference))") && screen.title.hasPrefix("\(name) (\(reference)) · ")
        }
        return reference
    }

    /// In a form: moves to a choice field and presses `key` (Right, Left or Space) until it shows `option`.
    func choose(_ label: String, _ option: String, with key: String = "Right") async throws {
        try await focusField(label)
        for _ in 0..<12 {
            let current = try await waitUntil("\(label) to show a choice") { $0.formValue(label).first?.hasPrefix("‹ ") == true }
            let shown = current.formValue(label).first
            if shown == "‹ \(option) ›" { return }
            try press(key)
            try await waitUntil("\(key) to change \(label) from \(shown ?? "?")") { $0.formValue(label).first != shown }
        }
        throw HarnessError("\(label) never showed ‹ \(option) ›\n\(report())")
    }

    /// Types into the focused multi-line field, pressing Enter between the lines.
    func typeLines(_ lines: [String]) throws {
        for (index, line) in lines.enumerated() {
            if index > 0 { try press("Enter") }
            if !line.isEmpty { try type(line) }
        }
    }

    /// Pastes `text` the way a terminal does when the program asked for bracketed paste
    /// (tmux `paste-buffer -p`: the text between `ESC[200~` and `ESC[201~`, newlines sent as CR).
    func paste(_ text: String) throws {
        let file = record.appendingPathComponent("paste-\(UUID().uuidString.prefix(8)).txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        try session.run(["load-buffer", "-b", "e2e-paste", file.path])
        try session.run(["paste-buffer", "-p", "-d", "-b", "e2e-paste", "-t", id])
    }
}

extension Screen {
    /// The first row, trimmed: the screen's title.
    var title: String { lines.first?.trimmingCharacters(in: .whitespaces) ?? "" }

    /// The index of the form row labelled `label`, focused (`›` before it) or not.
    func formRow(_ label: String) -> Int? {
        lines.firstIndex { line in
            // The label starts in column 1 or 2: one space, then the focus marker or a space.
            var row = Substring(line)
            for _ in 0..<2 where row.first == " " || row.first == "›" { row = row.dropFirst() }
            guard row.hasPrefix(label) else { return false }
            let rest = row.dropFirst(label.count)
            // Not a longer label that starts the same ("Time" and "Time (optional)").
            return rest.isEmpty || rest.hasPrefix("  ") || rest.hasPrefix(" *")
        }
    }

    /// What a form field shows, one string per screen row: its own row, then the rows under it
    /// whose label column is blank (a multi-line field's further lines, empty editor rows, a hint).
    func formValue(_ label: String) -> [String] {
        let lines = self.lines
        guard let row = formRow(label) else { return [] }
        let labelled = lines[row]
        // Labels are plain text, so up to the value a character is a column.
        let afterLabel = labelled[labelled.range(of: label)!.upperBound...]
        let value = afterLabel.drop { $0 == " " || $0 == "*" }
        let column: Int
        if value.isEmpty {
            // Nothing on the first row: where the form puts values (see WorkFormView).
            let width = Int(size.split(separator: "x").first ?? "") ?? 80
            column = min(28, max(14, width / 3)) + 2
        } else {
            column = labelled.distance(from: labelled.startIndex, to: value.startIndex)
        }
        var values = [String(value)]
        for line in lines[(row + 1)...] {
            if line.isEmpty {
                values.append("")
                continue
            }
            guard line.count > column, line.prefix(column).allSatisfy({ $0 == " " }) else { break }
            values.append(String(line.dropFirst(column)))
        }
        return values
    }
}

extension EndToEnd {
    /// The pid of the caseload holding `data`'s lock, checked to be this test's own program.
    func writerPID(of data: URL) throws -> Int32 {
        let lock = try String(contentsOf: data.appendingPathComponent(".lock"), encoding: .utf8)
        guard let pid = Int32(lock.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw HarnessError("no pid in \(data.path)/.lock: \(lock)")
        }
        let commandLine = try String(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"), encoding: .utf8)
            .replacingOccurrences(of: "\0", with: " ")
        guard commandLine.contains(binary.path), commandLine.contains(data.path) else {
            throw HarnessError("pid \(pid) is not this test's caseload: \(commandLine)")
        }
        return pid
    }
}
