import Foundation
import TerminalUI
import ThemeFiles

/// Real user and shipped theme directories under the system temporary directory, removed afterwards.
final class ThemeFixture {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("ThemeFilesTests-\(UUID().uuidString)")
    var user: URL { root.appendingPathComponent("user") }
    var shipped: URL { root.appendingPathComponent("shipped") }
    var catalogue: ThemeCatalogue { ThemeCatalogue(userDirectory: user, shippedDirectory: shipped) }

    init() {
        for directory in [user, shipped] {
            try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// Writes `name.json` in the user directory and returns its path.
    @discardableResult func user(_ name: String, _ json: String) -> String {
        write(json, to: user.appendingPathComponent("\(name).json"))
    }

    /// Writes `name.json` in the shipped directory and returns its path.
    @discardableResult func shipped(_ name: String, _ json: String) -> String {
        write(json, to: shipped.appendingPathComponent("\(name).json"))
    }

    @discardableResult func write(_ json: String, to file: URL) -> String {
        try! Data(json.utf8).write(to: file)
        return file.path
    }

    /// Loads `json` as the user theme "test".
    func load(_ json: String) -> Result<LoadedTheme, ThemeFailure> {
        user("test", json)
        return catalogue.load("test")
    }

    /// The theme `json` resolves to; nil (with the problems printed by the failing expectation) if it fails.
    func theme(_ json: String) -> Theme? {
        try? load(json).get().theme
    }

    /// "key: problem" for each problem `json` has, for readable expectations.
    func problems(_ json: String) -> [String] {
        let path = user("test", json)
        return catalogue.check(path: path).problems.map { [$0.key, $0.problem].filter { !$0.isEmpty }.joined(separator: ": ") }
    }
}

/// A complete theme built on the built-in default, with `styles` added on top.
func themeOnDefault(_ styles: String, palette: String = "{}") -> String {
    #"{ "inherits": "default", "palette": \#(palette), "styles": { \#(styles) } }"#
}

/// This repository's `themes` directory, found from this file.
let repositoryThemes = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("themes")
