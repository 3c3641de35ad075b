import Foundation
import Testing
import CaseloadKit
import TerminalUI
@testable import CaseloadApp

/// A pinned moment and time zone, so screens and snapshots are the same on every machine.
enum Fixture {
    static let now = ISO8601DateFormatter().date(from: "2026-11-21T10:00:00Z")!
    static let utc = TimeZone(identifier: "UTC")!
    static let today = CalendarDate(year: 2026, month: 11, day: 21)!

    static var demo: [Client] { DemoCaseload.make(today: today, now: now) }

    static func state(_ clients: [Client] = demo, width: Int = 80, height: Int = 24,
                      readOnlyReason: String? = nil, loadProblems: [UnreadableFile] = [], isDemo: Bool = false) -> AppState {
        AppState(clients: clients, now: now, timeZone: utc, size: Size(width: width, height: height),
                 readOnlyReason: readOnlyReason, loadProblems: loadProblems, dataFolder: "/home/lw/.local/share/caseload",
                 isDemo: isDemo)
    }
}

extension AppState {
    /// Presses keys in order, collecting the effects, as the app loop would.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        keys.flatMap { update(.terminal(.key($0))) }
    }

    mutating func type(_ text: String) {
        for character in text { _ = update(.terminal(.key(.character(character)))) }
    }

    var screen: String { render().buffer.text }
}

/// Compares a screen with `Snapshots/<name>.txt`. Run with `UPDATE_SNAPSHOTS=1` to write new
/// snapshots, then review them like code.
func expectSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots").appendingPathComponent(name + ".txt")
    let actual = text + "\n"
    if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: false, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("No snapshot at \(url.path); run with UPDATE_SNAPSHOTS=1 to create it.\n\(actual)", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "Screen differs from \(name).txt:\n\(actual)", sourceLocation: sourceLocation)
}

extension AppState {
    /// Clients in a fixed order, so tests pick the same one on every run.
    var byReference: [Client] { clients.values.sorted { $0.reference < $1.reference } }

    /// The form on top, if a form is open.
    var workForm: WorkForm? {
        if case .work(let form) = stack.last { return form }
        return nil
    }

    var hasModal: Bool {
        if case .none = modal { return false }
        return true
    }
}

extension Buffer {
    /// The screen's text, then the same rows with each cell's role as one letter, then where the
    /// screen adds attributes of its own, so a snapshot shows what is styled how.
    var styledText: String {
        let letters: [Role: Character] = [
            .normal: ".", .muted: "m", .heading: "H", .border: "b", .selected: "S", .focusedField: "F",
            .inputField: "i", .hintKey: "K", .hintText: "k", .message: "M", .error: "E", .warning: "W",
            .success: "G", .risk: "R", .searchMatch: "?", .chartBar: "#", .banner: "B",
        ]
        let legend = letters.sorted { $0.value < $1.value }.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
        let roles = (0..<size.height).map { y in String((0..<size.width).map { letters[self[$0, y].style.role]! }) }
        let names: [(Attributes, String)] = [(.bold, "bold"), (.dim, "dim"), (.underline, "underline"), (.reverse, "reverse"), (.italic, "italic")]
        let attributed = (0..<size.height).compactMap { y -> String? in
            var runs: [String] = []
            var x = 0
            while x < size.width {
                let attributes = self[x, y].style.attributes
                let start = x
                while x < size.width, self[x, y].style.attributes == attributes { x += 1 }
                guard !attributes.isEmpty else { continue }
                let words = names.filter { attributes.contains($0.0) }.map(\.1).joined(separator: "+")
                runs.append("\(start)-\(x - 1) \(words)")
            }
            return runs.isEmpty ? nil : "row \(y): " + runs.joined(separator: ", ")
        }
        return text + "\n\nRoles (" + legend + "):\n" + roles.joined(separator: "\n")
            + "\n\nAttributes added by the screen:\n" + attributed.joined(separator: "\n")
    }
}
