import ArgumentParser
import CaseloadKit
import CaseloadStore
import Foundation
import ThemeFiles

/// `caseload settings`: shows the link worker's details, or changes the ones given.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show or set your name, role, organisation and contact details, used to sign every export.",
        discussion: "With no options, prints the settings. An empty value (--phone \"\") clears that detail."
    )

    @OptionGroup var location: DataLocation

    @Option(help: "Your name.") var name: String?
    @Option(help: "Your role, for example \"Social prescribing link worker\".") var role: String?
    @Option(help: "Your practice, primary care network or organisation.") var organisation: String?
    @Option(help: "A phone number referrers can reach you on.") var phone: String?
    @Option(help: "An email address referrers can reach you at.") var email: String?
    // Not --theme: that is the top-level option choosing a theme for one run, and would take the value.
    @Option(name: .customLong("start-theme"),
            help: ArgumentHelp("The colour theme Caseload starts with: a name from `caseload themes list`, or a theme file; \"\" for the default.", valueName: "name|path"))
    var theme: String?

    func run() throws {
        let clock = try Clock(environment: ProcessInfo.processInfo.environment)
        let store = try AssetsCommand.openExisting(location, clock: clock, howToStart: CaseloadRecords.howToStart)
        defer { store.close() }
        let changes: [(SettingsField, String?)] = [(.name, name), (.role, role), (.organisation, organisation),
                                                    (.phone, phone), (.email, email)]
        let showing = changes.allSatisfy { $0.1 == nil } && theme == nil
        var settings: WorkerSettings
        do {
            settings = try store.loadSettings()
        } catch {
            // Saving new details is the way to replace a damaged file; a theme alone would wipe them.
            if showing || changes.allSatisfy({ $0.1 == nil }) { throw error }
            FileHandle.standardError.write(Data("caseload: \(error) Saving the details given over it.\n".utf8))
            settings = WorkerSettings()
        }
        if showing {
            for field in SettingsField.allCases {
                let value = field.value(in: settings)
                print("\(field.label): \(value.isEmpty ? "(not set)" : value)")
            }
            print("Theme: \(settings.theme ?? "default (not chosen)")")
            return
        }
        if let theme, !theme.isEmpty, case .failure(let failure) = ThemeCatalogue.standard().load(theme) {
            throw CommandFailure("theme \"\(theme)\" cannot be used:\n\(failure.description)")
        }
        let keptTheme = theme.map { $0.isEmpty ? nil : ThemeCatalogue.setting(for: $0) } ?? settings.theme
        var values = Dictionary(uniqueKeysWithValues: SettingsField.allCases.map { ($0, $0.value(in: settings)) })
        for case let (field, value?) in changes { values[field] = value }
        settings = WorkerSettings(values: values)
        settings.theme = keptTheme
        if let (field, problem) = settings.validate().sorted(by: { $0.key.rawValue < $1.key.rawValue }).first {
            throw CommandFailure("\(field.label): \(problem)")
        }
        try store.saveSettings(settings)
        FileHandle.standardError.write(Data("Saved your settings in \(store.directory.path)/settings.json\n".utf8))
    }
}
