import Foundation
import TerminalUI

/// One theme found in one layer of the catalogue.
struct LayeredTheme: Hashable, Sendable {
    var name: String
    /// Lower numbers win; a file loaded by path sits above every layer.
    var layer: Int
    var source: ThemeSource

    static let pathLayer = -1, userLayer = 0, shippedLayer = 1, builtInLayer = 2

    /// The file's path as given; empty for a built-in.
    var file: String {
        switch source {
        case .builtIn: ""
        case .shipped(let path), .user(let path), .file(let path): path
        }
    }
}

/// A theme with its inheritance merged in, palette names not yet looked up.
private struct MergedTheme {
    var palette: [String: Color] = [:]
    var styles: [Role: StyleDeclaration] = [:]
}

/// Turns a theme file into a `Theme`: merges what it inherits, then looks up palette names and fills
/// missing colours from the normal role.
struct ThemeResolver {
    /// Highest layer first; a name in a higher layer hides the same name below.
    var layers: [[String: LayeredTheme]]

    static let largestFile = 256 * 1024

    /// The theme called `name` in the highest layer at or below `layer`.
    func find(_ name: String, from layer: Int = 0) -> LayeredTheme? {
        layers.dropFirst(max(0, layer)).lazy.compactMap { $0[name] }.first
    }

    /// Every name in the catalogue, sorted.
    var names: [String] {
        Set(layers.flatMap(\.keys)).sorted()
    }

    /// The resolved theme, or nil when any problem (in it or what it inherits) stops it.
    func resolve(_ entry: LayeredTheme) -> (theme: Theme?, problems: [ThemeProblem]) {
        let (merged, problems) = merge(entry, chain: [])
        guard let merged else { return (nil, problems) }
        let (theme, resolutionProblems) = finish(merged, file: entry.file, name: entry.name)
        let all = problems + resolutionProblems
        return (all.isEmpty ? theme : nil, all)
    }

    /// Reads a theme's own declarations: a file, or a built-in in the same shape.
    func document(of entry: LayeredTheme) -> (document: ThemeDocument?, problems: [ThemeProblem]) {
        if case .builtIn = entry.source, let builtIn = BuiltInThemes.theme(named: entry.name) {
            return (ThemeDocument(builtIn: builtIn), [])
        }
        let path = entry.file
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                return (nil, [ThemeProblem(file: path, key: "", problem: "is a link to \(quoted(target)), which cannot be reached")])
            }
            return (nil, [ThemeProblem(file: path, key: "", problem: "no such file")])
        }
        guard !isDirectory.boolValue else {
            return (nil, [ThemeProblem(file: path, key: "", problem: "is a folder, not a theme file")])
        }
        // Themes are a few kilobytes; a huge file is a mistake, and reading it would stall the start.
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)??.intValue ?? 0
        guard size <= Self.largestFile else {
            return (nil, [ThemeProblem(file: path, key: "", problem: "is \(size / 1024) KB; a theme file is at most \(Self.largestFile / 1024) KB")])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, [ThemeProblem(file: path, key: "", problem: "cannot be read; check its permissions")])
        }
        return ThemeDocument.parse(data, file: path)
    }

    /// Parents first, then the child on top: palette entries and whole role styles replace the parent's.
    private func merge(_ entry: LayeredTheme, chain: [LayeredTheme]) -> (MergedTheme?, [ThemeProblem]) {
        let (document, documentProblems) = document(of: entry)
        guard let document else { return (nil, documentProblems) }
        var merged = MergedTheme()
        var problems = documentProblems
        if let parentName = document.inherits {
            let chain = chain + [entry]
            // Inheriting one's own name extends the theme of that name in a lower layer.
            let searchFrom = parentName == entry.name ? entry.layer + 1 : 0
            guard let parent = find(parentName, from: searchFrom) else {
                let problem = parentName == entry.name
                    ? "inherits its own name, \(quoted(parentName)), but there is no shipped or built-in \(quoted(parentName)) beneath it to extend"
                    : unknownThemeMessage(parentName, prefix: "no theme called \(quoted(parentName)) to inherit from")
                return (nil, problems + [ThemeProblem(file: entry.file, key: "inherits", problem: problem)])
            }
            if let start = chain.firstIndex(where: { $0.name == parent.name && $0.layer == parent.layer }) {
                let loop = (chain[start...] + [parent]).map(\.name).joined(separator: " → ")
                return (nil, problems + [ThemeProblem(file: entry.file, key: "inherits", problem: "inheritance loop: \(loop)")])
            }
            let (parentTheme, parentProblems) = merge(parent, chain: chain)
            problems += parentProblems
            guard let parentTheme else { return (nil, problems) }
            merged = parentTheme
        }
        merged.palette.merge(document.palette) { _, child in child }
        merged.styles.merge(document.styles) { _, child in child }
        return (merged, problems)
    }

    /// Looks up palette names and fills missing colours from the normal role, then the terminal's own.
    private func finish(_ merged: MergedTheme, file: String, name: String) -> (Theme, [ThemeProblem]) {
        var problems: [ThemeProblem] = []
        func colour(_ reference: ColourReference?, key: String, declaredIn: String, otherwise: Color) -> Color {
            switch reference {
            case nil:
                return otherwise
            case .literal(let colour):
                return colour
            case .palette(let paletteName):
                if let colour = merged.palette[paletteName] { return colour }
                let message = ColourSyntax.unknownColour(paletteName, paletteNames: Array(merged.palette.keys))
                problems.append(ThemeProblem(file: declaredIn, key: key, problem: message))
                return otherwise
            }
        }
        func style(_ declaration: StyleDeclaration, over normal: RoleStyle) -> RoleStyle {
            RoleStyle(
                colour(declaration.foreground, key: declaration.foregroundKey, declaredIn: declaration.file, otherwise: normal.foreground),
                on: colour(declaration.background, key: declaration.backgroundKey, declaredIn: declaration.file, otherwise: normal.background),
                declaration.attributes)
        }
        let normal = merged.styles[.normal].map { style($0, over: RoleStyle()) } ?? RoleStyle()
        var styles: [Role: RoleStyle] = [:]
        for role in Role.allCases {
            guard let declaration = merged.styles[role] else { continue }
            styles[role] = role == .normal ? normal : style(declaration, over: normal)
        }
        let missing = Role.allCases.filter { styles[$0] == nil }.map { quoted($0.themeKey) }
        if !missing.isEmpty {
            let problem = missing.count == 1
                ? "no style for \(missing[0]); add one or inherit from a theme that has it (\"inherits\": \"default\")"
                : "no style for \(NameAdvice.list(missing)); add them or inherit from a theme that has them (\"inherits\": \"default\")"
            problems.append(ThemeProblem(file: file, key: "styles", problem: problem))
        }
        return (Theme(name: name, styles: styles), problems)
    }

    /// Explains a theme name the catalogue does not hold, listing those it does.
    func unknownThemeMessage(_ name: String, prefix: String) -> String {
        let available = names.joined(separator: ", ")
        guard let near = NameAdvice.closest(to: name, among: names) else { return "\(prefix); available: \(available)" }
        return "\(prefix); did you mean \(quoted(near))? Available: \(available)"
    }
}
