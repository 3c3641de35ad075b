import Foundation

/// Where the caseload lives. A pure function of the command line and the environment, so that every
/// rule of precedence can be tested without touching the disk.
public enum DataDirectory {
    /// The folder name under the XDG data home.
    public static let folderName = "caseload"

    /// In order: the `--data-dir` flag, `CASELOAD_DIR`, `$XDG_DATA_HOME/caseload`,
    /// `$HOME/.local/share/caseload`. Empty values count as unset. A relative `XDG_DATA_HOME` is
    /// ignored, as the XDG specification asks. A relative flag or `CASELOAD_DIR` is taken from the
    /// current directory, as a person typing it would expect.
    public static func resolve(flag: String?, environment: [String: String]) throws(StoreError) -> URL {
        if let flag = nonEmpty(flag) { return URL(fileURLWithPath: flag, isDirectory: true).standardizedFileURL }
        if let dir = nonEmpty(environment["CASELOAD_DIR"]) {
            return URL(fileURLWithPath: dir, isDirectory: true).standardizedFileURL
        }
        if let xdg = nonEmpty(environment["XDG_DATA_HOME"]), xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent(folderName, isDirectory: true)
                .standardizedFileURL
        }
        guard let home = nonEmpty(environment["HOME"]) else { throw .noDataDirectory }
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".local/share/\(folderName)", isDirectory: true).standardizedFileURL
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
