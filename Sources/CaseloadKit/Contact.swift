import Foundation

/// What a contact was. Everything but `.attempt` means the person was reached.
public enum ContactKind: String, Codable, Labelled {
    /// An unsuccessful attempt: no answer, a voicemail, a text or letter with no reply yet.
    case attempt = "attempt"
    case firstConversation = "first-conversation"
    case whatMatters = "what-matters"
    case review = "review"
    case checkIn = "check-in"
    case accompaniedVisit = "accompanied-visit"
    case other = "other"

    public var label: String {
        switch self {
        case .attempt: "Unsuccessful attempt"
        case .firstConversation: "First conversation"
        case .whatMatters: "What-matters conversation"
        case .review: "Review"
        case .checkIn: "Check-in"
        case .accompaniedVisit: "Accompanied visit"
        case .other: "Other contact"
        }
    }

    /// Whether the person was reached.
    public var isSuccessful: Bool { self != .attempt }
}

public enum ContactMode: String, Codable, Labelled {
    case faceToFace = "face-to-face"
    case phone = "phone"
    case video = "video"
    case homeVisit = "home-visit"
    case communityVenue = "community-venue"
    case letterOrText = "letter-text"

    public var label: String {
        switch self {
        case .faceToFace: "Face to face"
        case .phone: "Phone"
        case .video: "Video"
        case .homeVisit: "Home visit"
        case .communityVenue: "Community venue"
        case .letterOrText: "Letter or text"
        }
    }
}

/// How an unsuccessful attempt was made.
public enum AttemptMethod: String, Codable, Labelled {
    case phone = "phone"
    case text = "text"
    case letter = "letter"

    public var label: String {
        switch self {
        case .phone: "Phone"
        case .text: "Text"
        case .letter: "Letter"
        }
    }
}

/// A concern in one area of life, in a few words.
public struct Concern: Hashable, Sendable, Codable {
    public var need: NeedCategory
    public var note: String

    public init(need: NeedCategory, note: String = "") {
        self.need = need
        self.note = note
    }
}

/// What was heard in a what-matters conversation. Free text throughout: the person's words matter
/// more than categories.
public struct WhatMatters: Hashable, Sendable, Codable {
    /// In the person's own words.
    public var whatMatters: String
    /// Strengths and assets they already have: people, skills, places.
    public var strengths: String
    public var concerns: [Concern]
    public var risks: String
    public var nextSteps: String

    public init(whatMatters: String, strengths: String = "", concerns: [Concern] = [], risks: String = "",
                nextSteps: String = "") {
        self.whatMatters = whatMatters
        self.strengths = strengths
        self.concerns = concerns
        self.risks = risks
        self.nextSteps = nextSteps
    }
}

/// One contact with the person, or one try at reaching them.
public struct Contact: Identifiable, Hashable, Sendable, Codable {
    public let id: UUID
    /// When it happened (to the minute when typed in a form).
    public var at: Date
    public var kind: ContactKind
    public var mode: ContactMode
    public var durationMinutes: Int?
    public var notes: String
    /// How an unsuccessful attempt was made; nil for other kinds.
    public var attemptMethod: AttemptMethod?
    /// Set for what-matters conversations.
    public var whatMatters: WhatMatters?
    public var ons4: ONS4?
    public var swemwbs: SWEMWBS?
    /// The follow-up this contact completed, if any.
    public var followUpID: UUID?

    public init(id: UUID = UUID(), at: Date, kind: ContactKind, mode: ContactMode, durationMinutes: Int? = nil,
                notes: String = "", attemptMethod: AttemptMethod? = nil, whatMatters: WhatMatters? = nil,
                ons4: ONS4? = nil, swemwbs: SWEMWBS? = nil, followUpID: UUID? = nil) {
        self.id = id
        self.at = at
        self.kind = kind
        self.mode = mode
        self.durationMinutes = durationMinutes
        self.notes = notes
        self.attemptMethod = attemptMethod
        self.whatMatters = whatMatters
        self.ons4 = ons4
        self.swemwbs = swemwbs
        self.followUpID = followUpID
    }
}
