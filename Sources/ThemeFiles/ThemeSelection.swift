/// Which theme to start with, and why.
public struct ThemeSelection: Hashable, Sendable {
    /// What decided the theme.
    public enum Origin: Hashable, Sendable {
        /// The --theme option on this run.
        case flag
        /// The CASELOAD_THEME environment variable.
        case environment
        /// The theme saved in the person's settings.
        case settings
        /// NO_COLOR is set, so no colour.
        case noColour
        /// Nothing chose, so the default.
        case standard
    }

    /// A theme name, or a path to a theme file.
    public var nameOrPath: String
    /// What decided it.
    public var origin: Origin

    /// Creates a selection.
    public init(nameOrPath: String, origin: Origin) {
        self.nameOrPath = nameOrPath
        self.origin = origin
    }

    /// The flag, else monochrome for NO_COLOR, else CASELOAD_THEME, else the saved setting, else the
    /// default. A flag on this run beats NO_COLOR, as no-color.org advises; empty values count as unset.
    public static func choose(flag: String?, environment: [String: String], saved: String?) -> ThemeSelection {
        if let flag, !flag.isEmpty {
            return ThemeSelection(nameOrPath: flag, origin: .flag)
        }
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty {
            return ThemeSelection(nameOrPath: "monochrome", origin: .noColour)
        }
        if let fromEnvironment = environment["CASELOAD_THEME"], !fromEnvironment.isEmpty {
            return ThemeSelection(nameOrPath: fromEnvironment, origin: .environment)
        }
        if let saved, !saved.isEmpty {
            return ThemeSelection(nameOrPath: saved, origin: .settings)
        }
        return ThemeSelection(nameOrPath: "default", origin: .standard)
    }
}
