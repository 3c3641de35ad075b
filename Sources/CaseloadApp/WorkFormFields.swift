import CaseloadKit
import TerminalUI

/// One field of a work form (contacts, follow-ups, goals, steps). The fields hold what is typed;
/// each form kind turns them into its domain draft when it needs to validate or save.
public struct WorkField: Hashable, Sendable, Codable {
    public enum Value: Hashable, Sendable, Codable {
        case line(TextInput)
        case text(TextEditor)
        /// An index into `options`, which are labels.
        case choice(Int, options: [String])
        /// A list of areas chosen in a picker (the concerns of a what-matters conversation).
        case areas([NeedCategory])
    }

    /// Stable name used to find the field again after the form is rebuilt (for example `ons4.happy`).
    public var key: String
    public var label: String
    public var value: Value
    public var required = false
    /// Shown under the field while it has focus: the full question, a scale, an example.
    public var hint: String?

    public var lineText: String {
        switch value {
        case .line(let input): input.text
        case .text(let editor): editor.text
        case .choice, .areas: ""
        }
    }

    public var choiceIndex: Int {
        if case .choice(let index, _) = value { return index }
        return 0
    }

    static func line(_ key: String, _ label: String, _ text: String, required: Bool = false, hint: String? = nil) -> WorkField {
        WorkField(key: key, label: label, value: .line(TextInput(text)), required: required, hint: hint)
    }

    static func text(_ key: String, _ label: String, _ text: String, required: Bool = false, hint: String? = nil) -> WorkField {
        WorkField(key: key, label: label, value: .text(TextEditor(text)), required: required, hint: hint)
    }

    static func choice<T: Labelled>(_ key: String, _ label: String, _ selected: T) -> WorkField {
        let options = T.allCases.map { $0 }
        return WorkField(key: key, label: label, value: .choice(options.firstIndex(of: selected) ?? 0, options: options.map(\.label)))
    }
}

extension Array where Element == WorkField {
    subscript(key: String) -> WorkField? {
        first { $0.key == key }
    }

    func text(_ key: String) -> String { self[key]?.lineText ?? "" }

    func choice<T: Labelled>(_ key: String) -> T {
        let options = T.allCases.map { $0 }
        return options[Swift.min(self[key]?.choiceIndex ?? 0, options.count - 1)]
    }
}
