/// A capture with escape sequences (`capture-pane -e`), read as the styles in force on each row.
struct StyledScreen {
    let text: String

    var lines: [String] { text.components(separatedBy: "\n") }

    /// The parameters of every SGR sequence (`ESC [ … m`) in `line`, up to `marker` when given.
    static func parameters(in line: String, before marker: String? = nil) -> [[Int]] {
        let searched = marker.flatMap { line.range(of: $0) }.map { String(line[..<$0.lowerBound]) } ?? line
        var result: [[Int]] = []
        var rest = Substring(searched)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "m") else { break }
            result.append(rest[..<end].split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 })
            rest = rest[rest.index(after: end)...]
        }
        return result
    }

    /// Every colour parameter used anywhere: 30-48 and 90-107 (38 and 48 start extended colours;
    /// 39 and 49, the terminal's own colours, are left out).
    var colourParameters: [Int] {
        lines.flatMap { Self.parameters(in: $0) }.flatMap { $0 }
            .filter { ((30...48).contains($0) && $0 != 39) || (90...107).contains($0) }
    }

    /// The row holding `marker`, with the parameters in force where the marker starts.
    func parameters(before marker: String) -> [Int]? {
        guard let line = lines.first(where: { $0.contains(marker) }) else { return nil }
        return Self.parameters(in: line, before: marker).flatMap { $0 }
    }
}
