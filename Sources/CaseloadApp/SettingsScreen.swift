import Foundation
import CaseloadKit
import TerminalUI

/// The settings form: the link worker's own details, set once and used in every export.
extension AppState {
    /// Who is named as "checked by" and on exports: the name in settings, else the account's name.
    var checkerName: String { settings.name.isEmpty ? workerName : settings.name }

    mutating func openSettings() {
        guard refuseIfReadOnly() else { return }
        stack.append(.work(WorkForm(kind: .settings, title: "Your details (used on summaries, letters and reports)",
                                    fields: SettingsForm.fields(settings))))
    }

    /// The shell saved the settings: the form closes.
    mutating func settingsSaved(_ saved: WorkerSettings) -> [Effect] {
        settings = saved
        settingsUnreadable = false
        guard case .work(let form) = stack.last, form.kind == .settings else {
            message = savedMessage.map { Message($0) }
            savedMessage = nil
            return []
        }
        stack.removeLast()
        message = Message("Your details are saved; exports will be signed \(saved.name.isEmpty ? "without a name" : saved.name)")
        return form.recoveryFile.map { [.removeRecovery($0)] } ?? []
    }
}

enum SettingsForm {
    static func fields(_ settings: WorkerSettings) -> [WorkField] {
        SettingsField.allCases.map { field in
            .line(field.rawValue, field.label, field.value(in: settings), hint: field.hint)
        }
    }

    static func settings(from fields: [WorkField]) -> WorkerSettings {
        WorkerSettings(values: Dictionary(uniqueKeysWithValues: SettingsField.allCases.map { ($0, fields.text($0.rawValue)) }))
    }

    static func problems(_ fields: [WorkField]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: settings(from: fields).validate().map { ($0.key.rawValue, $0.value) })
    }
}
