import TerminalUI

extension Role {
    /// The role's key in a theme file's `styles`: kebab-case, as in `focused-field`.
    public var themeKey: String {
        rawValue.reduce(into: "") { key, character in
            if character.isUppercase { key += "-" }
            key += character.lowercased()
        }
    }

    /// The role a theme file's `styles` key names; nil for an unknown key.
    public init?(themeKey: String) {
        guard let role = Role.allCases.first(where: { $0.themeKey == themeKey }) else { return nil }
        self = role
    }
}
