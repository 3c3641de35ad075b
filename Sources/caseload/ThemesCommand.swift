import ArgumentParser
import Foundation
import ThemeFiles

/// `caseload themes`: the colour themes on offer, and checking a theme file before using it.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the colour themes, or check a theme file.",
        discussion: """
            Shipped themes are joined by your own in $XDG_CONFIG_HOME/caseload/themes \
            (else ~/.config/caseload/themes); one of yours with a shipped theme's name replaces it. \
            The format is described in themes/README.md beside the shipped themes.
            """,
        subcommands: [ThemeListCommand.self, ThemeCheckCommand.self],
        defaultSubcommand: ThemeListCommand.self
    )
}

struct ThemeListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every theme, where it comes from, and whether it can be used."
    )

    func run() throws {
        let catalogue = ThemeCatalogue.standard()
        let rows = catalogue.entries.map { entry -> [String] in
            let option = ThemeStartup.option(for: entry, loaded: catalogue.load(entry.name))
            let source = switch entry.source {
            case .builtIn: "built in"
            case .shipped: "shipped"
            case .user: entry.overridesShipped ? "yours (replaces shipped)" : "yours"
            case .file: "file"
            }
            let about = option.problem.map { "✗ cannot be used: \($0)" } ?? option.description
            return [entry.name, source, about]
        }
        print(TextTable.render(headers: ["NAME", "FROM", "DESCRIPTION"], rows: rows), terminator: "")
        print("")
        print("Shipped themes: " + (catalogue.shippedDirectory?.path ?? "not found (only the built-in default and monochrome)"))
        if let user = catalogue.userDirectory {
            let exists = FileManager.default.fileExists(atPath: user.path)
            print("Your themes:    \(user.path)" + (exists ? "" : " (none yet: copy a shipped theme there to make your own)"))
        } else {
            print("Your themes:    none (set HOME or XDG_CONFIG_HOME)")
        }
    }
}

struct ThemeCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check theme files (or themes by name): every problem with its file and key, and low-contrast warnings.",
        discussion: "Exits with 1 when any theme has a problem that stops it being used; warnings alone exit with 0."
    )

    @Argument(help: ArgumentHelp("Theme files, or names from `caseload themes list`.", valueName: "file|name"))
    var themes: [String]

    func validate() throws {
        if themes.isEmpty { throw ValidationError("Name at least one theme file to check.") }
    }

    func run() throws {
        let catalogue = ThemeCatalogue.standard()
        var failed = false
        for theme in themes {
            guard let path = Self.path(of: theme, in: catalogue) else {
                switch catalogue.load(theme) {
                case .success: print("\(theme): built into Caseload: can be used")
                case .failure(let failure):
                    print(failure.description)
                    failed = true
                }
                continue
            }
            let check = catalogue.check(path: path)
            for problem in check.problems { print(problem.description) }
            for warning in check.warnings { print("warning: " + warning.description) }
            if check.problems.isEmpty {
                print("\(path): can be used" + (check.warnings.isEmpty ? "" : " (with \(check.warnings.count) warning\(check.warnings.count == 1 ? "" : "s"))"))
            }
            failed = failed || !check.problems.isEmpty
        }
        if failed { throw ExitCode.failure }
    }

    /// A path as given, or the file behind a theme name; nil for an unknown name or a built-in theme.
    private static func path(of theme: String, in catalogue: ThemeCatalogue) -> String? {
        if ThemeCatalogue.isPath(theme) { return theme }
        switch catalogue.entries.first(where: { $0.name == theme })?.source {
        case .shipped(let path), .user(let path), .file(let path): return path
        case .builtIn, nil: return nil
        }
    }
}
