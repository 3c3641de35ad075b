/// The fields of the contact form, in form order. Raw values name the fields in the screens.
public enum ContactField: String, CaseIterable, Hashable, Sendable {
    case date
    case time
    case kind
    case mode
    case duration
    case attemptMethod
    case notes
    case whatMatters
    case strengths
    case concerns
    case risks
    case nextSteps
    case ons4
    case swemwbs

    public var label: String {
        switch self {
        case .date: "Date"
        case .time: "Time"
        case .kind: "Kind"
        case .mode: "Mode"
        case .duration: "Duration (minutes)"
        case .attemptMethod: "Tried by"
        case .notes: "Notes"
        case .whatMatters: "What matters to them"
        case .strengths: "Strengths and assets"
        case .concerns: "Concerns by area of life"
        case .risks: "Risks noticed"
        case .nextSteps: "Agreed next steps"
        case .ons4: "ONS4 wellbeing"
        case .swemwbs: "SWEMWBS"
        }
    }
}
