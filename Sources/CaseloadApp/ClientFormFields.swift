import Foundation
import CaseloadKit
import TerminalUI

/// The add/edit client form on the shared form engine: long fields (address, reason, risk note)
/// get the multi-line editor; keys are `DraftField` raw values so validation lands on its field.
enum ClientFormFields {
    static let contactOptions = ["No preference"] + ContactMethod.allCases.map(\.label)
    static let consentOptions = ["Not asked yet", "Yes", "No"]
    static let yesNo = ["No", "Yes"]

    static func fields(_ draft: ClientDraft) -> [WorkField] {
        func line(_ field: DraftField, _ text: String, hint: String? = nil) -> WorkField {
            .line(field.rawValue, field.label, text, required: field.isRequired, hint: hint)
        }
        func text(_ field: DraftField, _ text: String, hint: String? = nil) -> WorkField {
            .text(field.rawValue, field.label, text, required: field.isRequired, hint: hint)
        }
        func choice(_ field: DraftField, _ index: Int, _ options: [String]) -> WorkField {
            WorkField(key: field.rawValue, label: field.label, value: .choice(index, options: options), required: field.isRequired)
        }
        let contactIndex = draft.preferredContact.flatMap { ContactMethod.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        let consentIndex = draft.consent.map { $0 ? 1 : 2 } ?? 0
        return [
            line(.name, draft.name),
            line(.preferredName, draft.preferredName),
            line(.dateOfBirth, draft.dateOfBirth, hint: "For example 23-Mar-1958"),
            line(.nhsNumber, draft.nhsNumber, hint: "10 digits, spaces allowed: 943 476 5919"),
            line(.phone, draft.phone),
            line(.email, draft.email),
            text(.address, draft.address),
            choice(.preferredContact, contactIndex, contactOptions),
            line(.practice, draft.practice),
            line(.referralDate, draft.referralDate, hint: "For example 09-Sep-2026"),
            line(.referrerName, draft.referrerName),
            .choice(DraftField.referrerRole.rawValue, DraftField.referrerRole.label, draft.referrerRole),
            text(.reason, draft.reason),
            WorkField(key: DraftField.needs.rawValue, label: DraftField.needs.label,
                      value: .areas(NeedCategory.allCases.filter(draft.needs.contains)), hint: "Enter to choose areas of life"),
            choice(.consent, consentIndex, consentOptions),
            WorkField(key: DraftField.consentToShare.rawValue, label: DraftField.consentToShare.label,
                      value: .choice(draft.consentToShare.map { $0 ? 1 : 2 } ?? 0, options: consentOptions),
                      hint: "What happens may be shared with the referrer in feedback"),
            text(.riskNote, draft.riskNote, hint: "Risk, safeguarding, lone-working notes: shown at the top of the client"),
            choice(.discussInSupervision, draft.discussInSupervision ? 1 : 0, yesNo),
        ]
    }

    static func draft(from fields: [WorkField], base: ClientDraft) -> ClientDraft {
        var draft = base
        func text(_ field: DraftField) -> String { fields.text(field.rawValue) }
        func index(_ field: DraftField) -> Int { fields[field.rawValue]?.choiceIndex ?? 0 }
        draft.name = text(.name)
        draft.preferredName = text(.preferredName)
        draft.dateOfBirth = text(.dateOfBirth)
        draft.nhsNumber = text(.nhsNumber)
        draft.phone = text(.phone)
        draft.email = text(.email)
        draft.address = text(.address)
        draft.preferredContact = index(.preferredContact) == 0 ? nil : ContactMethod.allCases[index(.preferredContact) - 1]
        draft.practice = text(.practice)
        draft.referralDate = text(.referralDate)
        draft.referrerName = text(.referrerName)
        draft.referrerRole = fields.choice(DraftField.referrerRole.rawValue)
        draft.reason = text(.reason)
        if case .areas(let needs) = fields[DraftField.needs.rawValue]?.value { draft.needs = Set(needs) }
        draft.consent = [nil, true, false][index(.consent)]
        draft.consentToShare = [nil, true, false][index(.consentToShare)]
        draft.riskNote = text(.riskNote)
        draft.discussInSupervision = index(.discussInSupervision) == 1
        return draft
    }
}
