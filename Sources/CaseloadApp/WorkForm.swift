import Foundation
import CaseloadKit
import TerminalUI

/// What a work form records, and for whom. Codable, so an unsaved form can be written to a
/// recovery file when Caseload is stopped and offered again at the next start.
public enum WorkFormKind: Hashable, Sendable, Codable {
    /// Adding (`isNew`) or editing a client's own details.
    case client(clientID: UUID, isNew: Bool, reference: String)
    case contact(clientID: UUID, contactID: UUID?, followUpID: UUID?)
    case followUp(clientID: UUID, followUpID: UUID?)
    case cancelFollowUp(clientID: UUID, followUpID: UUID)
    case goal(clientID: UUID, goalID: UUID?)
    case step(clientID: UUID, goalID: UUID, stepID: UUID?)
    /// A new connection to an asset (`connectionID` nil), or the next change to one.
    case connection(clientID: UUID, connectionID: UUID?, assetID: UUID)
    /// Adding (`isNew`) or editing an asset in the directory.
    case asset(assetID: UUID, isNew: Bool)
    /// The link worker's own details.
    case settings

    /// The client the form records work for; nil for the directory's own forms.
    public var clientID: UUID? {
        switch self {
        case .client(let id, _, _), .contact(let id, _, _), .followUp(let id, _), .cancelFollowUp(let id, _), .goal(let id, _),
             .step(let id, _, _), .connection(let id, _, _): id
        case .asset, .settings: nil
        }
    }
}

/// A form of labelled fields edited from the keyboard: Tab moves between fields, multi-line
/// fields take Enter as a new line, Ctrl-S saves, Esc asks before dropping changes.
public struct WorkForm: Hashable, Sendable, Codable {
    public var kind: WorkFormKind
    public var title: String
    public var fields: [WorkField]
    public var focusKey: String
    /// Fields left at least once: their problems show from then on.
    public var visited: Set<String> = []
    public var attemptedSave = false
    /// Shown for reading only (a discharged client's contact, or a read-only window): keys move
    /// around but change nothing.
    public var isReadOnly = false
    /// What the fields held when the form opened, to tell whether anything changed.
    var originalTexts: [String: String]
    /// Values of fields a choice has hidden, so switching back brings back what was typed.
    var hiddenValues: [String: WorkField.Value] = [:]
    /// The recovery file this form was reopened from: removed once the form is saved or discarded.
    public var recoveryFile: String?

    init(kind: WorkFormKind, title: String, fields: [WorkField]) {
        self.kind = kind
        self.title = title
        self.fields = fields
        self.focusKey = fields.first?.key ?? ""
        self.originalTexts = WorkForm.texts(of: fields)
    }

    private static func texts(of fields: [WorkField]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: fields.map { field in
            let text: String = switch field.value {
            case .line(let input): input.text
            case .text(let editor): editor.text
            case .choice(let index, _): String(index)
            case .areas(let areas): areas.map(\.rawValue).joined(separator: ",")
            }
            return (field.key, text)
        })
    }

    public var hasChanges: Bool { WorkForm.texts(of: fields) != originalTexts }

    var focusIndex: Int { fields.firstIndex { $0.key == focusKey } ?? 0 }

    var focused: WorkField? { fields[focusKey] }

    mutating func focus(step: Int) {
        guard !fields.isEmpty else { return }
        visited.insert(focusKey)
        focusKey = fields[(focusIndex + step + fields.count) % fields.count].key
    }

    /// Replaces the fields (when a choice shows or hides others), keeping what was typed in
    /// fields that stay, remembering fields that go, and keeping the focus when its field stays.
    mutating func replaceFields(with newFields: [WorkField]) {
        let old = fields
        for field in old where newFields[field.key] == nil { hiddenValues[field.key] = field.value }
        fields = newFields.map { field in
            guard let kept = old[field.key]?.value ?? hiddenValues[field.key], Self.sameKind(kept, field.value) else { return field }
            var merged = field
            merged.value = kept
            return merged
        }
        if fields[focusKey] == nil { focusKey = fields.first?.key ?? "" }
    }

    private static func sameKind(_ a: WorkField.Value, _ b: WorkField.Value) -> Bool {
        switch (a, b) {
        case (.line, .line), (.text, .text), (.areas, .areas): true
        case (.choice(_, let x), .choice(_, let y)): x == y
        default: false
        }
    }

    /// A choice's current option, whether its field is shown or hidden for now.
    func choice<T: Labelled>(_ key: String) -> T {
        if fields[key] != nil { return fields.choice(key) }
        let options = T.allCases.map { $0 }
        guard case .choice(let index, _)? = hiddenValues[key] else { return options[0] }
        return options[min(index, options.count - 1)]
    }

    mutating func update(_ key: String, _ change: (inout WorkField) -> Void) {
        guard let index = fields.firstIndex(where: { $0.key == key }) else { return }
        change(&fields[index])
    }

    public enum Outcome: Equatable, Sendable {
        case none
        /// A choice changed: the form kind may show or hide fields.
        case choiceChanged
        case save
        case cancel
        case openExternalEditor
        case pickAreas
        case help
        /// A key that would change something, pressed in a read-only form.
        case readOnly
    }

    /// Applies a key to the focused field or the form. `width` is the value column's width.
    mutating func handle(_ key: Key, width: Int, pageHeight: Int) -> Outcome {
        if isReadOnly { return handleReadOnly(key, width: width, pageHeight: pageHeight) }
        switch key {
        case .control("s"), .function(2): return .save
        case .escape: return .cancel
        case .tab: focus(step: 1); return .none
        case .backTab: focus(step: -1); return .none
        case .function(1): return .help
        case .control("e"):
            switch focused?.value {
            case .line?, .text?: return .openExternalEditor
            case .choice?, .areas?, nil: return .none
            }
        default: break
        }
        guard let field = focused else { return .none }
        switch field.value {
        case .line(var input):
            if input.handle(key) {
                update(field.key) { $0.value = .line(input) }
                return .none
            }
            switch key {
            case .enter, .down: focus(step: 1)
            case .up: focus(step: -1)
            default: break
            }
            return .none
        case .text(var editor):
            if editor.handle(key, width: width, pageHeight: pageHeight) {
                update(field.key) { $0.value = .text(editor) }
            }
            return .none
        case .choice(let index, let options):
            switch key {
            case .right, .character(" "):
                update(field.key) { $0.value = .choice((index + 1) % options.count, options: options) }
                return .choiceChanged
            case .left:
                update(field.key) { $0.value = .choice((index - 1 + options.count) % options.count, options: options) }
                return .choiceChanged
            case .enter, .down: focus(step: 1)
            case .up: focus(step: -1)
            default: break
            }
            return .none
        case .areas:
            switch key {
            case .enter, .character(" "): return .pickAreas
            case .down: focus(step: 1)
            case .up: focus(step: -1)
            default: break
            }
            return .none
        }
    }

    /// Moving between fields and through text is all a read-only form allows.
    private mutating func handleReadOnly(_ key: Key, width: Int, pageHeight: Int) -> Outcome {
        let inText = if case .text? = focused?.value { true } else { false }
        switch key {
        case .escape: return .cancel
        case .tab: focus(step: 1)
        case .backTab: focus(step: -1)
        case .down where !inText: focus(step: 1)
        case .up where !inText: focus(step: -1)
        case .function(1): return .help
        case .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .wordLeft, .wordRight:
            if let field = focused, case .text(var editor) = field.value, editor.handle(key, width: width, pageHeight: pageHeight) {
                update(field.key) { $0.value = .text(editor) }
            }
        default: return .readOnly
        }
        return .none
    }

    /// Pasted text goes into the focused text field as text.
    mutating func paste(_ text: String) {
        guard !isReadOnly, let field = focused else { return }
        switch field.value {
        case .line(var input):
            input.insert(text)
            update(field.key) { $0.value = .line(input) }
        case .text(var editor):
            editor.insert(text)
            update(field.key) { $0.value = .text(editor) }
        case .choice, .areas:
            break
        }
    }

    /// Replaces the focused field's text (after editing it in $EDITOR).
    mutating func replaceFocusedText(_ text: String) {
        guard let field = focused else { return }
        switch field.value {
        case .line: update(field.key) { $0.value = .line(TextInput(text)) }
        case .text: update(field.key) { $0.value = .text(TextEditor(text)) }
        case .choice, .areas: break
        }
    }
}
