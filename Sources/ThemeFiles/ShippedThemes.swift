import Foundation

/// The themes shipped with Caseload, found from where the executable is.
public enum ShippedThemes {
    /// How far `swift run` puts the executable below the package: .build/<triple>/debug is 3.
    static let maximumLevelsUp = 6

    /// The first of these that holds `default.json`: `<exe dir>/themes` (unpacked archive),
    /// `<exe dir>/../share/caseload/themes` (installed), or the `themes` of a package found walking
    /// up from the executable (`swift run`). `executable` should have its symlinks resolved.
    public static func directory(executable: URL, exists: (URL) -> Bool) -> URL? {
        let executableDirectory = executable.deletingLastPathComponent().standardizedFileURL
        let besideOrInstalled = [
            executableDirectory.appendingPathComponent("themes", isDirectory: true),
            executableDirectory.appendingPathComponent("../share/caseload/themes", isDirectory: true).standardizedFileURL,
        ]
        if let found = besideOrInstalled.first(where: { exists($0.appendingPathComponent("default.json")) }) {
            return found
        }
        var candidate = executableDirectory
        for _ in 0...maximumLevelsUp {
            let themes = candidate.appendingPathComponent("themes", isDirectory: true)
            if exists(candidate.appendingPathComponent("Package.swift")), exists(themes.appendingPathComponent("default.json")) {
                return themes
            }
            guard candidate.path != "/" else { break }
            candidate = candidate.deletingLastPathComponent()
        }
        return nil
    }

    /// The shipped directory for the running executable, if it can be found.
    public static func locate() -> URL? {
        directory(executable: executablePath(), exists: { FileManager.default.fileExists(atPath: $0.path) })
    }

    /// The executable's real path: `/proc/self/exe` on Linux, else the path it was started by.
    private static func executablePath() -> URL {
        if let linked = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: linked).resolvingSymlinksInPath()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    }
}
