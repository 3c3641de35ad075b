import CaseloadApp
import Foundation
import ThemeFiles
import TerminalUI

/// The theme Caseload opens with and the ones the picker offers, from `--theme`, NO_COLOR,
/// CASELOAD_THEME and the saved setting. A theme that cannot be used never stops Caseload starting:
/// the default is shown instead and the reason listed with the unreadable files.
struct ThemeStartup {
    var choices: ThemeChoices
    /// Why the chosen theme could not be used.
    var problem: UnreadableFile?

    static func prepare(flag: String?, environment: [String: String], saved: String?,
                        catalogue: ThemeCatalogue) -> ThemeStartup {
        let selection = ThemeSelection.choose(flag: flag, environment: environment, saved: saved)
        var options = catalogue.entries.map { option(for: $0, loaded: catalogue.load($0.name)) }
        let note = selection.origin == .noColour
            ? "NO_COLOR is set, so Caseload starts in monochrome; caseload --theme NAME starts in another." : nil
        switch catalogue.load(selection.nameOrPath) {
        case .success(let loaded):
            if case .file(let path) = loaded.source {
                let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
                options.append(ThemeOption(name: loaded.theme.name, description: "Given by path", origin: "file: \(absolute)",
                                           theme: loaded.theme, setting: absolute))
            }
            return ThemeStartup(choices: ThemeChoices(options: options, current: loaded.theme, note: note), problem: nil)
        case .failure(let failure):
            let fallback = (try? catalogue.load("default").get().theme) ?? .builtInDefault
            let problem = UnreadableFile(
                fileName: "theme “\(selection.nameOrPath)” (\(describe(selection.origin)))",
                reason: failure.description + "\nShowing the default theme instead; `caseload themes check` explains each problem.")
            return ThemeStartup(choices: ThemeChoices(options: options, current: fallback, note: note), problem: problem)
        }
    }

    /// Said on the message line at start when the chosen theme could not be used.
    static func fallbackMessage(_ problem: UnreadableFile) -> String {
        "The \(problem.fileName) could not be used, so the default is shown: press ! for why"
    }

    static func option(for entry: ThemeCatalogue.Entry, loaded: Result<LoadedTheme, ThemeFailure>) -> ThemeOption {
        switch loaded {
        case .success(let loaded):
            return ThemeOption(name: entry.name, description: entry.description ?? "", origin: origin(of: entry), theme: loaded.theme)
        case .failure(let failure):
            let more = failure.problems.count > 1 ? " (and \(failure.problems.count - 1) more)" : ""
            return ThemeOption(name: entry.name, description: entry.description ?? "", origin: origin(of: entry), theme: nil,
                               problem: (failure.problems.first?.description ?? "it has problems") + more)
        }
    }

    /// Where a theme comes from, in the picker and in `caseload themes list`.
    static func origin(of entry: ThemeCatalogue.Entry) -> String {
        switch entry.source {
        case .builtIn: "built into Caseload"
        case .shipped(let path): "shipped: \(path)"
        case .user(let path): "yours: \(path)" + (entry.overridesShipped ? " (in place of the shipped one)" : "")
        case .file(let path): "file: \(path)"
        }
    }

    private static func describe(_ origin: ThemeSelection.Origin) -> String {
        switch origin {
        case .flag: "from --theme"
        case .environment: "from CASELOAD_THEME"
        case .settings: "saved in settings.json"
        case .noColour: "for NO_COLOR"
        case .standard: "the standard one"
        }
    }
}
