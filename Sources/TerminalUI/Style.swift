/// What a piece of text *is*, not what colour it has: a theme maps roles to colours and attributes,
/// so screens never name colours and a monochrome terminal can still tell roles apart.
public enum Role: String, CaseIterable, Hashable, Sendable, Codable {
    case normal, muted, heading, border, selected, focusedField, inputField
    case hintKey, hintText, message, error, warning, success, risk, searchMatch, chartBar, banner
}

public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Attributes(rawValue: 1 << 0)
    public static let dim = Attributes(rawValue: 1 << 1)
    public static let underline = Attributes(rawValue: 1 << 2)
    public static let reverse = Attributes(rawValue: 1 << 3)
    public static let italic = Attributes(rawValue: 1 << 4)
}

/// A cell's style: its role plus any attributes the screen adds on top of the theme's.
public struct Style: Hashable, Sendable {
    public var role: Role
    public var attributes: Attributes

    public init(_ role: Role = .normal, _ attributes: Attributes = []) {
        self.role = role
        self.attributes = attributes
    }

    public static let normal = Style(.normal)
    public func with(_ extra: Attributes) -> Style { Style(role, attributes.union(extra)) }
}
