import Foundation
import TerminalUI
import Testing

/// Compares an export with `Golden/<name>` byte for byte. Run with `UPDATE_SNAPSHOTS=1` to write new
/// golden files, then review them like code: they are what link workers and GPs will read.
func expectGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden").appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
        try? actual.write(to: url, atomically: false, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("No golden file at \(url.path); run with UPDATE_SNAPSHOTS=1 to create it.\n\(actual)", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "Export differs from Golden/\(name):\n\(actual)", sourceLocation: sourceLocation)
}

/// Every line of a plain-text export fits in `width` terminal columns (陈 takes two).
func expectFits(_ text: String, width: Int = 80, sourceLocation: SourceLocation = #_sourceLocation) {
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) where TextWidth.of(line) > width {
        Issue.record("Line of \(TextWidth.of(line)) columns: \(line)", sourceLocation: sourceLocation)
    }
}
