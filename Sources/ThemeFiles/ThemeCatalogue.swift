import Foundation
import TerminalUI

/// Where a theme was found.
public enum ThemeSource: Hashable, Sendable {
    /// Compiled into Caseload, so it starts even with no theme files at all.
    case builtIn
    /// A file shipped with Caseload.
    case shipped(String)
    /// A file in the person's own themes directory.
    case user(String)
    /// A file named by its path rather than by theme name.
    case file(String)
}

/// A theme ready to draw with, and any doubts about it.
public struct LoadedTheme: Hashable, Sendable {
    /// The resolved theme, named after its file.
    public var theme: Theme
    /// Doubts that did not stop it loading, such as low contrast.
    public var warnings: [ThemeProblem]
    /// Where it was found.
    public var source: ThemeSource

    /// Wraps a resolved theme with its warnings and source.
    public init(theme: Theme, warnings: [ThemeProblem], source: ThemeSource) {
        self.theme = theme
        self.warnings = warnings
        self.source = source
    }
}

/// The themes Caseload can use: the person's own directory over the shipped one over the built-ins.
public struct ThemeCatalogue: Sendable {
    /// One theme name as the catalogue lists it.
    public struct Entry: Hashable, Sendable {
        /// The theme's name, its file name without `.json`.
        public var name: String
        /// The file's description; nil when it has none or cannot be read.
        public var description: String?
        /// The highest layer holding this name, which is the one used.
        public var source: ThemeSource
        /// True for a user theme that hides a shipped theme of the same name.
        public var overridesShipped: Bool

        /// Describes one listed theme.
        public init(name: String, description: String?, source: ThemeSource, overridesShipped: Bool) {
            self.name = name
            self.description = description
            self.source = source
            self.overridesShipped = overridesShipped
        }
    }

    /// The person's own themes, if there is such a place.
    public let userDirectory: URL?
    /// The themes shipped with Caseload, if found.
    public let shippedDirectory: URL?
    private let resolver: ThemeResolver

    /// Lists the `*.json` files in both directories; a missing directory simply holds no themes.
    public init(userDirectory: URL?, shippedDirectory: URL?) {
        self.userDirectory = userDirectory
        self.shippedDirectory = shippedDirectory
        resolver = ThemeResolver(layers: [
            Self.themes(in: userDirectory, layer: LayeredTheme.userLayer, source: ThemeSource.user),
            Self.themes(in: shippedDirectory, layer: LayeredTheme.shippedLayer, source: ThemeSource.shipped),
            BuiltInThemes.layer(LayeredTheme.builtInLayer),
        ])
    }

    /// The catalogue for this process: the person's directory from the environment, the shipped one
    /// from where the executable is.
    public static func standard() -> ThemeCatalogue {
        ThemeCatalogue(userDirectory: UserThemes.locate(), shippedDirectory: ShippedThemes.locate())
    }

    /// One entry per theme name, sorted by name.
    public var entries: [Entry] {
        resolver.names.compactMap { name in
            guard let found = resolver.find(name) else { return nil }
            let description: String? = if case .builtIn = found.source {
                BuiltInThemes.description(named: name)
            } else {
                resolver.document(of: found).document?.description
            }
            let overridesShipped = found.layer == LayeredTheme.userLayer && resolver.layers[LayeredTheme.shippedLayer][name] != nil
            return Entry(name: name, description: description, source: found.source, overridesShipped: overridesShipped)
        }
    }

    /// Whether a theme is given as a file's path rather than a name: it contains "/" or ends in ".json".
    public static func isPath(_ nameOrPath: String) -> Bool {
        nameOrPath.contains("/") || nameOrPath.hasSuffix(".json")
    }

    /// What settings keep to choose a theme again: a name as given, a file's path made absolute (so it
    /// works from any folder).
    public static func setting(for nameOrPath: String) -> String {
        isPath(nameOrPath) ? URL(fileURLWithPath: nameOrPath).standardizedFileURL.path : nameOrPath
    }

    /// Loads a theme by name, or by path (see `isPath`).
    public func load(_ nameOrPath: String) -> Result<LoadedTheme, ThemeFailure> {
        if Self.isPath(nameOrPath) {
            return load(theme(atPath: nameOrPath))
        }
        guard let entry = resolver.find(nameOrPath) else {
            let message = resolver.unknownThemeMessage(nameOrPath, prefix: "no theme called \(quoted(nameOrPath))")
            return .failure(ThemeFailure(problems: [ThemeProblem(file: "", key: "", problem: message)]))
        }
        return load(entry)
    }

    /// Everything wrong or doubtful in one file, including what it inherits.
    public func check(path: String) -> ThemeCheck {
        switch load(theme(atPath: path)) {
        case .success(let loaded): ThemeCheck(problems: [], warnings: loaded.warnings)
        case .failure(let failure): ThemeCheck(problems: failure.problems, warnings: [])
        }
    }

    private func load(_ entry: LayeredTheme) -> Result<LoadedTheme, ThemeFailure> {
        let (theme, problems) = resolver.resolve(entry)
        guard let theme else { return .failure(ThemeFailure(problems: problems)) }
        let warnings = ThemeContrast.warnings(for: theme, file: entry.file)
        return .success(LoadedTheme(theme: theme, warnings: warnings, source: entry.source))
    }

    /// A file given by path, reported under that path; in the layer of the catalogue's own file when
    /// it is one, so that inheriting its own name reaches the layer below rather than itself.
    private func theme(atPath path: String) -> LayeredTheme {
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let known = resolver.layers.flatMap(\.values).first {
            !$0.file.isEmpty && URL(fileURLWithPath: $0.file).resolvingSymlinksInPath().path == real
        }
        if var known {
            known.source = .file(path)
            return known
        }
        return LayeredTheme(name: Self.themeName(ofFile: path), layer: LayeredTheme.pathLayer, source: .file(path))
    }

    private static func themeName(ofFile path: String) -> String {
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        return fileName.hasSuffix(".json") ? String(fileName.dropLast(".json".count)) : fileName
    }

    private static func themes(in directory: URL?, layer: Int, source: (String) -> ThemeSource) -> [String: LayeredTheme] {
        guard let directory,
              let fileNames = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [:] }
        var themes: [String: LayeredTheme] = [:]
        for fileName in fileNames where fileName.hasSuffix(".json") {
            let path = directory.appendingPathComponent(fileName).path
            var isDirectory: ObjCBool = false
            let name = themeName(ofFile: path)
            // A link that leads nowhere is listed, so that its problem is shown rather than the theme vanishing.
            let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            guard !name.isEmpty, exists || isLink, !isDirectory.boolValue else { continue }
            themes[name] = LayeredTheme(name: name, layer: layer, source: source(path))
        }
        return themes
    }
}

/// The two themes compiled in, at the bottom of every catalogue.
enum BuiltInThemes {
    private static let all: [(theme: Theme, description: String)] = [
        (.builtInDefault, "The terminal's own colours with cyan and yellow highlights; reads on dark and light backgrounds"),
        (.monochrome, "No colour at all: bold, underline and reverse mark what matters"),
    ]

    static func theme(named name: String) -> Theme? {
        all.first { $0.theme.name == name }?.theme
    }

    static func description(named name: String) -> String? {
        all.first { $0.theme.name == name }?.description
    }

    static func layer(_ layer: Int) -> [String: LayeredTheme] {
        Dictionary(uniqueKeysWithValues: all.map { ($0.theme.name, LayeredTheme(name: $0.theme.name, layer: layer, source: .builtIn)) })
    }
}
