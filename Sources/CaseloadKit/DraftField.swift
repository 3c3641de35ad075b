/// The fields of the add/edit client form, in form order.
public enum DraftField: String, CaseIterable, Hashable, Sendable {
    case name
    case preferredName
    case dateOfBirth
    case nhsNumber
    case phone
    case email
    case address
    case preferredContact
    case practice
    case referralDate
    case referrerName
    case referrerRole
    case reason
    case needs
    case consent
    case consentToShare
    case riskNote
    case discussInSupervision

    public var label: String {
        switch self {
        case .name: "Name"
        case .preferredName: "Preferred name"
        case .dateOfBirth: "Date of birth"
        case .nhsNumber: "NHS number"
        case .phone: "Phone"
        case .email: "Email"
        case .address: "Address"
        case .preferredContact: "Preferred contact"
        case .practice: "GP practice"
        case .referralDate: "Referral date"
        case .referrerName: "Referrer name"
        case .referrerRole: "Referrer role"
        case .reason: "Reason for referral"
        case .needs: "Needs"
        case .consent: "Consent to contact"
        case .consentToShare: "Share with referrer"
        case .riskNote: "Risk / safeguarding note"
        case .discussInSupervision: "Discuss in supervision"
        }
    }

    /// Fields the form cannot be saved without. Everything else may be filled in later, as the
    /// link worker gets to know the person.
    public var isRequired: Bool {
        switch self {
        case .name, .practice, .referralDate, .consent: true
        default: false
        }
    }
}
