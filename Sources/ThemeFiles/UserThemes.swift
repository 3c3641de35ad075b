import Foundation

/// The person's own themes directory, following the XDG base directory rules.
public enum UserThemes {
    /// `$XDG_CONFIG_HOME/caseload/themes` when that is set and absolute, else
    /// `$HOME/.config/caseload/themes`; nil when neither is set.
    public static func directory(environment: [String: String]) -> URL? {
        // The XDG specification says relative paths there are invalid and must be ignored.
        if let configHome = environment["XDG_CONFIG_HOME"], configHome.hasPrefix("/") {
            return URL(fileURLWithPath: configHome, isDirectory: true).appendingPathComponent("caseload/themes", isDirectory: true)
        }
        if let home = environment["HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".config/caseload/themes", isDirectory: true)
        }
        return nil
    }

    /// The directory for this process's environment.
    public static func locate() -> URL? {
        directory(environment: ProcessInfo.processInfo.environment)
    }
}
