import TerminalUI

/// A colour as a style writes it: a literal, or a palette name looked up only after inheritance has
/// merged the palettes, so a variant can change a palette entry and every role using it follows.
enum ColourReference: Hashable, Sendable {
    case literal(Color)
    case palette(String)
}

/// The message of a problem found while reading one value; the caller knows the file and key.
struct ProblemMessage: Error {
    var text: String
}

/// How colours are written in theme files.
enum ColourSyntax {
    /// The 16 ANSI colours in order, so a name's index is its ANSI number.
    static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]
    /// Other spellings people reach for; bright black is the grey most terminals show.
    static let aliases: [String: UInt8] = ["grey": 8, "gray": 8]
    /// Every colour name, which palette entries may not reuse.
    static let names = ["default"] + ansiNames + aliases.keys.sorted()

    static let styleUsage = "use default, a name such as red or bright-blue, 0-255, #rrggbb, or a palette name"
    static let paletteUsage = "palette values must be default, a name such as red or bright-blue, 0-255, or #rrggbb"
    static let wrongType = "must be a colour: a name or #rrggbb in quotes, or a number 0-255"

    /// A colour in a style: a literal, or a palette name to look up later.
    static func styleColour(_ value: JSONValue) throws(ProblemMessage) -> ColourReference {
        if case .string(let text) = value, !text.hasPrefix("#"), literal(named: text) == nil {
            return .palette(text)
        }
        return .literal(try literal(value, usage: styleUsage))
    }

    /// A palette value, which must be a literal: palettes do not refer to each other.
    static func paletteColour(_ value: JSONValue, paletteNames: Set<String>) throws(ProblemMessage) -> Color {
        if case .string(let text) = value, paletteNames.contains(text) {
            throw ProblemMessage(text: "\(quoted(text)) is another palette name; \(paletteUsage)")
        }
        return try literal(value, usage: paletteUsage)
    }

    /// Explains a palette name that the merged palette does not hold.
    static func unknownColour(_ name: String, paletteNames: [String]) -> String {
        if Int(name) != nil {
            return "write colour numbers without quotes: \(name), not \(quoted(name))"
        }
        if let entry = paletteNames.first(where: { $0.lowercased() == name.lowercased() }) {
            return "palette names are case-sensitive: use \(quoted(entry)), not \(quoted(name))"
        }
        return NameAdvice.unknown("colour", name, allowed: names + paletteNames.sorted(), otherwise: styleUsage)
    }

    /// A colour written out in full: a name, `#rrggbb` or a number.
    private static func literal(_ value: JSONValue, usage: String) throws(ProblemMessage) -> Color {
        switch value {
        case .number(let number):
            return try colour(number: number)
        case .string(let text) where text.hasPrefix("#"):
            guard let colour = hex(text) else {
                throw ProblemMessage(text: "\(quoted(text)) is not a colour; write # and six hex digits, such as #1e1e1e")
            }
            return colour
        case .string(let text):
            if let colour = literal(named: text) { return colour }
            throw ProblemMessage(text: NameAdvice.unknown("colour", text, allowed: names, otherwise: usage))
        default:
            throw ProblemMessage(text: wrongType)
        }
    }

    /// 0-15 are the terminal's own 16 colours; 16-255 the fixed xterm cube and greys.
    private static func colour(number: Double) throws(ProblemMessage) -> Color {
        guard let index = UInt8(exactly: number) else {
            let written = number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
            throw ProblemMessage(text: "colour numbers must be whole numbers 0-255, not \(written)")
        }
        return index < 16 ? .ansi(index) : .indexed(index)
    }

    /// A named colour; nil for anything else, including `#rrggbb`.
    private static func literal(named name: String) -> Color? {
        if name == "default" { return .terminalDefault }
        if let index = ansiNames.firstIndex(of: name) { return .ansi(UInt8(index)) }
        return aliases[name].map(Color.ansi)
    }

    private static func hex(_ text: String) -> Color? {
        let digits = text.dropFirst()
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit), let value = UInt32(digits, radix: 16) else { return nil }
        return .rgb(UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff))
    }
}
