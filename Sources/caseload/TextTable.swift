import TerminalUI

/// Plain-text tables for the commands that print to a terminal or a pipe.
enum TextTable {
    /// Columns padded by display width, so names in any script line up; no trailing spaces.
    static func render(headers: [String], rows: [[String]]) -> String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in all.map { TextWidth.of($0[column]) }.max() ?? 0 }
        var output = ""
        for line in all {
            var padded = zip(line, widths).map { TextWidth.fit($0, to: $1) }.joined(separator: "  ")
            while padded.last?.isWhitespace == true { padded.removeLast() }
            output += padded + "\n"
        }
        return output
    }
}
