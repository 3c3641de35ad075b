/// A colour as a theme names it.
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// 0-7 the standard ANSI colours, 8-15 their bright forms.
    case ansi(UInt8)
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)

    public static let black = Color.ansi(0), red = Color.ansi(1), green = Color.ansi(2), yellow = Color.ansi(3)
    public static let blue = Color.ansi(4), magenta = Color.ansi(5), cyan = Color.ansi(6), white = Color.ansi(7)
}

/// How a theme draws one role.
public struct RoleStyle: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var attributes: Attributes

    public init(_ foreground: Color = .terminalDefault, on background: Color = .terminalDefault, _ attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// Maps every role to a style. Themes as files arrive later; these two are built in so that
/// Caseload always starts, with or without colour.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var styles: [Role: RoleStyle]

    public init(name: String, styles: [Role: RoleStyle]) {
        self.name = name
        self.styles = styles
    }

    public func style(for role: Role) -> RoleStyle {
        styles[role] ?? styles[.normal] ?? RoleStyle()
    }

    /// Uses the terminal's own background, so it reads on dark and light terminals alike.
    public static let builtInDefault = Theme(name: "default", styles: [
        .normal: RoleStyle(),
        .muted: RoleStyle(.ansi(8)),
        .heading: RoleStyle(.cyan, [.bold]),
        .border: RoleStyle(.ansi(8)),
        .selected: RoleStyle(.black, on: .cyan),
        .focusedField: RoleStyle(.black, on: .yellow, [.bold]),
        .inputField: RoleStyle(.terminalDefault, on: .terminalDefault, [.underline]),
        .hintKey: RoleStyle(.black, on: .cyan, [.bold]),
        .hintText: RoleStyle(),
        .message: RoleStyle(.green, [.bold]),
        .error: RoleStyle(.white, on: .red, [.bold]),
        .warning: RoleStyle(.yellow, [.bold]),
        .success: RoleStyle(.green),
        .risk: RoleStyle(.red, [.bold]),
        .searchMatch: RoleStyle(.black, on: .yellow),
        .chartBar: RoleStyle(.cyan),
        .banner: RoleStyle(.black, on: .yellow, [.bold]),
    ])

    /// No colour at all (NO_COLOR, or a terminal without colours): bold, underline and reverse
    /// keep the selection, the focused field and warnings visible.
    public static let monochrome = Theme(name: "monochrome", styles: [
        .normal: RoleStyle(),
        .muted: RoleStyle(.terminalDefault, [.dim]),
        .heading: RoleStyle(.terminalDefault, [.bold]),
        .border: RoleStyle(),
        .selected: RoleStyle(.terminalDefault, [.reverse]),
        .focusedField: RoleStyle(.terminalDefault, [.reverse, .bold]),
        .inputField: RoleStyle(.terminalDefault, [.underline]),
        .hintKey: RoleStyle(.terminalDefault, [.reverse]),
        .hintText: RoleStyle(),
        .message: RoleStyle(.terminalDefault, [.bold]),
        .error: RoleStyle(.terminalDefault, [.reverse, .bold]),
        .warning: RoleStyle(.terminalDefault, [.bold, .underline]),
        .success: RoleStyle(.terminalDefault, [.bold]),
        .risk: RoleStyle(.terminalDefault, [.bold, .underline]),
        .searchMatch: RoleStyle(.terminalDefault, [.underline]),
        .chartBar: RoleStyle(.terminalDefault, [.reverse]),
        .banner: RoleStyle(.terminalDefault, [.reverse, .bold]),
    ])
}
