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
