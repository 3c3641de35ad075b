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
        // Each theme is read once: the picker's options, the chosen theme and the fallback share the loads.
        let entries = catalogue.entries
        let loads = Dictionary(uniqueKeysWithValues: entries.map { ($0.name, catalogue.load($0.name)) })
        var options = entries.map { option(for: $0, loaded: loads[$0.name]!) }
        let note = selection.origin == .noColour
            ? "NO_COLOR is set, so Caseload starts in monochrome; caseload --theme NAME starts in another." : nil
        // What would choose at the next start even after a choice is saved.
        let startOverride: String? = switch ThemeSelection.choose(flag: nil, environment: environment, saved: "saved").origin {
        case .noColour: "NO_COLOR"
        case .environment: "CASELOAD_THEME"
        case .flag, .settings, .standard: nil
        }
        let chosen = ThemeCatalogue.isPath(selection.nameOrPath) ? nil : loads[selection.nameOrPath]
        switch chosen ?? catalogue.load(selection.nameOrPath) {
        case .success(let loaded):
            let setting = ThemeCatalogue.setting(for: selection.nameOrPath)
            if case .file = loaded.source {
                options.append(ThemeOption(name: loaded.theme.name, description: "Given by path", origin: "file: \(setting)",
                                           theme: loaded.theme, setting: setting))
            }
            let choices = ThemeChoices(options: options, current: loaded.theme, currentSetting: setting,
                                       note: note, startOverride: startOverride)
            return ThemeStartup(choices: choices, problem: nil)
        case .failure(let failure):
            // Without colour asked for, the fallback is no colour either.
            let fallbackName = selection.origin == .noColour ? "monochrome" : "default"
            let builtIn: Theme = selection.origin == .noColour ? .monochrome : .builtInDefault
            let fallback = (try? loads[fallbackName]?.get().theme) ?? builtIn
            let file = failure.problems.first { !$0.file.isEmpty }?.file
            let problem = UnreadableFile(
                fileName: file ?? "theme “\(selection.nameOrPath)” \(describe(selection.origin))",
                reason: failure.problems.map { $0.file == file ? $0.withoutFile : $0.description }.joined(separator: "\n")
                    + "\nThe theme “\(selection.nameOrPath)” cannot be used (\(describe(selection.origin))), so “\(fallback.name)” is shown.")
            let choices = ThemeChoices(options: options, current: fallback, currentSetting: fallbackName,
                                       note: note, startOverride: startOverride)
            return ThemeStartup(choices: choices, problem: problem)
        }
    }

    /// Said on the message line at start when the chosen theme could not be used.
    static func fallbackMessage(for choices: ThemeChoices) -> String {
        "Theme not usable, so “\(choices.current.name)” is shown: press ! for why"
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
        case .flag: "given with --theme"
        case .environment: "named by CASELOAD_THEME"
        case .settings: "saved in settings.json"
        case .noColour: "for NO_COLOR"
        case .standard: "Caseload's standard theme"
        }
    }
}
