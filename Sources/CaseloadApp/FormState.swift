import Foundation
import CaseloadKit
import TerminalUI

/// The add/edit client form: a draft being typed, which field has focus, and what is wrong.
public struct FormState: Sendable {
    public enum Kind: Sendable { case text, choice, toggle, multiChoice }

    public var clientID: UUID
    public var isNew: Bool
    /// For a new client, the reference it will get; for an edit, the client's own.
    public var reference: String
    public var draft: ClientDraft
    public var original: ClientDraft
    public var focus: DraftField = .name
    /// The focused text field's contents and cursor; written back to the draft on every key.
    public var input: TextInput
    /// Fields the person has left at least once: their problems show inline from then on.
    public var visited: Set<DraftField> = []
    public var attemptedSave = false
    public var scroll = 0

    init(clientID: UUID, isNew: Bool, reference: String, draft: ClientDraft) {
        self.clientID = clientID
        self.isNew = isNew
        self.reference = reference
        self.draft = draft
        self.original = draft
        self.input = TextInput(draft.name)
    }

    public var hasChanges: Bool { draft != original }

    /// How confirmations name what is being edited.
    public var subject: String {
        let name = draft.name.trimmingCharacters(in: .whitespaces)
        if isNew { return name.isEmpty ? "the new client" : "the new client \(name)" }
        return "\(original.name) (\(reference))"
    }

    static func kind(of field: DraftField) -> Kind {
        switch field {
        case .preferredContact, .referrerRole: .choice
        case .consent, .discussInSupervision: .toggle
        case .needs: .multiChoice
        default: .text
        }
    }

    /// The text a text field holds in the draft.
    func text(of field: DraftField) -> String {
        switch field {
        case .name: draft.name
        case .preferredName: draft.preferredName
        case .dateOfBirth: draft.dateOfBirth
        case .nhsNumber: draft.nhsNumber
        case .phone: draft.phone
        case .email: draft.email
        case .address: draft.address
        case .practice: draft.practice
        case .referralDate: draft.referralDate
        case .referrerName: draft.referrerName
        case .reason: draft.reason
        case .riskNote: draft.riskNote
        case .preferredContact, .referrerRole, .needs, .consent, .discussInSupervision: ""
        }
    }

    mutating func setText(_ text: String, of field: DraftField) {
        switch field {
        case .name: draft.name = text
        case .preferredName: draft.preferredName = text
        case .dateOfBirth: draft.dateOfBirth = text
        case .nhsNumber: draft.nhsNumber = text
        case .phone: draft.phone = text
        case .email: draft.email = text
        case .address: draft.address = text
        case .practice: draft.practice = text
        case .referralDate: draft.referralDate = text
        case .referrerName: draft.referrerName = text
        case .reason: draft.reason = text
        case .riskNote: draft.riskNote = text
        case .preferredContact, .referrerRole, .needs, .consent, .discussInSupervision: break
        }
    }

    /// What a choice, toggle or multi-choice field shows.
    func display(of field: DraftField) -> String {
        switch field {
        case .preferredContact: draft.preferredContact?.label ?? "No preference"
        case .referrerRole: draft.referrerRole.label
        case .consent: draft.consent.map { $0 ? "Yes" : "No" } ?? "Not asked yet"
        case .discussInSupervision: draft.discussInSupervision ? "Yes" : "No"
        case .needs: draft.needs.isEmpty ? "None chosen" : NeedCategory.allCases.filter(draft.needs.contains).map(\.label).joined(separator: "; ")
        default: text(of: field)
        }
    }

    /// Moves a choice or toggle one step forward or back.
    mutating func cycle(_ field: DraftField, forward: Bool) {
        func step<T: Equatable>(_ options: [T], _ current: T) -> T {
            let index = options.firstIndex(of: current) ?? 0
            return options[(index + (forward ? 1 : -1) + options.count) % options.count]
        }
        switch field {
        case .preferredContact:
            draft.preferredContact = step([nil] + ContactMethod.allCases.map(Optional.some), draft.preferredContact)
        case .referrerRole: draft.referrerRole = step(ReferrerRole.allCases, draft.referrerRole)
        case .consent: draft.consent = step([nil, true, false], draft.consent)
        case .discussInSupervision: draft.discussInSupervision.toggle()
        default: break
        }
    }

    mutating func focus(on field: DraftField) {
        visited.insert(focus)
        focus = field
        input = TextInput(text(of: field))
    }

    mutating func paste(_ text: String) {
        guard FormState.kind(of: focus) == .text else { return }
        input.insert(text)
        setText(input.text, of: focus)
    }
}
