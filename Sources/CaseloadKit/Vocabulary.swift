/// The fixed lists a client record draws from. Raw values are what the JSON files hold; labels are
/// what people read. New cases may be added; raw values must never change once written.
public protocol Labelled: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {
    var label: String { get }
}

/// Areas of life a referral (and later, an asset) is about.
public enum NeedCategory: String, Codable, Labelled {
    case loneliness = "loneliness"
    case mentalWellbeing = "mental-wellbeing"
    case physicalActivity = "physical-activity"
    case money = "money"
    case housing = "housing"
    case work = "work"
    case caring = "caring"
    case bereavement = "bereavement"
    case longTermCondition = "long-term-condition"
    case healthyLiving = "healthy-living"
    case advice = "advice"
    case digital = "digital"
    case transport = "transport"
    case relationships = "relationships"
    case other = "other"

    public var label: String {
        switch self {
        case .loneliness: "Loneliness and isolation"
        case .mentalWellbeing: "Low mood and mental wellbeing"
        case .physicalActivity: "Physical activity"
        case .money: "Money, debt and benefits"
        case .housing: "Housing"
        case .work: "Work, learning and volunteering"
        case .caring: "Caring responsibilities"
        case .bereavement: "Bereavement"
        case .longTermCondition: "Living with a long-term condition"
        case .healthyLiving: "Healthy living (food, smoking, alcohol)"
        case .advice: "Legal and welfare advice"
        case .digital: "Digital skills and access"
        case .transport: "Transport and getting about"
        case .relationships: "Family and relationships"
        case .other: "Other"
        }
    }
}

public enum ReferrerRole: String, Codable, Labelled {
    case gp = "gp"
    case practiceNurse = "practice-nurse"
    case pharmacist = "pharmacist"
    case careCoordinator = "care-coordinator"
    case healthCoach = "health-coach"
    case physiotherapist = "physiotherapist"
    case mentalHealthPractitioner = "mental-health-practitioner"
    case receptionist = "receptionist"
    case socialWorker = "social-worker"
    case hospital = "hospital"
    case vcse = "vcse"
    case selfReferral = "self"
    case other = "other"

    public var label: String {
        switch self {
        case .gp: "GP"
        case .practiceNurse: "Practice nurse"
        case .pharmacist: "Pharmacist"
        case .careCoordinator: "Care coordinator"
        case .healthCoach: "Health and wellbeing coach"
        case .physiotherapist: "Physiotherapist"
        case .mentalHealthPractitioner: "Mental health practitioner"
        case .receptionist: "Receptionist / care navigator"
        case .socialWorker: "Social worker"
        case .hospital: "Hospital team"
        case .vcse: "Voluntary sector organisation"
        case .selfReferral: "Self-referral"
        case .other: "Other"
        }
    }
}

public enum ContactMethod: String, Codable, Labelled {
    case phone = "phone"
    case text = "text"
    case email = "email"
    case letter = "letter"
    case inPerson = "in-person"

    public var label: String {
        switch self {
        case .phone: "Phone call"
        case .text: "Text message"
        case .email: "Email"
        case .letter: "Letter"
        case .inPerson: "In person"
        }
    }
}

public enum ClientStatus: String, Codable, Labelled {
    case waiting = "waiting"
    case contacting = "contacting"
    case active = "active"
    case onHold = "on-hold"
    case discharged = "discharged"

    public var label: String {
        switch self {
        case .waiting: "Waiting"
        case .contacting: "Contacting"
        case .active: "Active"
        case .onHold: "On hold"
        case .discharged: "Discharged"
        }
    }

    /// Referred but not yet reached: the days-waiting clock is running.
    public var isAwaitingFirstContact: Bool { self == .waiting || self == .contacting }
}

public enum DischargeReason: String, Codable, Labelled {
    case goalsMet = "goals-met"
    case declined = "declined"
    case movedAway = "moved-away"
    case referredOn = "referred-on"
    case unableToContact = "unable-to-contact"
    case died = "died"
    case other = "other"

    public var label: String {
        switch self {
        case .goalsMet: "Goals met"
        case .declined: "Declined support"
        case .movedAway: "Moved away"
        case .referredOn: "Referred on to another service"
        case .unableToContact: "Unable to contact"
        case .died: "Died"
        case .other: "Other"
        }
    }
}
