import Foundation

/// The four ONS personal wellbeing questions. Free to use, citing the Office for National Statistics.
/// Each is reported on its own: the four are never combined into one score.
public enum ONS4Item: String, CaseIterable, Codable, Hashable, Sendable {
    case satisfaction = "satisfaction"
    case worthwhile = "worthwhile"
    case happy = "happy"
    case anxious = "anxious"

    /// The exact wording, which must not be changed.
    public var question: String {
        switch self {
        case .satisfaction: "Overall, how satisfied are you with your life nowadays?"
        case .worthwhile: "Overall, to what extent do you feel that the things you do in your life are worthwhile?"
        case .happy: "Overall, how happy did you feel yesterday?"
        case .anxious: "Overall, how anxious did you feel yesterday?"
        }
    }

    public var shortLabel: String {
        switch self {
        case .satisfaction: "Life satisfaction"
        case .worthwhile: "Worthwhile"
        case .happy: "Happiness"
        case .anxious: "Anxiety"
        }
    }

    public var scaleHint: String {
        self == .anxious ? "0 not at all anxious – 10 completely anxious" : "0 not at all – 10 completely"
    }

    /// False for anxiety, where a fall is the improvement.
    public var higherIsBetter: Bool { self != .anxious }

    /// The ONS threshold band for a 0-10 answer.
    public func band(_ score: Int) -> String {
        if self == .anxious {
            switch score {
            case ...1: return "Very low"
            case 2...3: return "Low"
            case 4...5: return "Medium"
            default: return "High"
            }
        }
        switch score {
        case ...4: return "Low"
        case 5...6: return "Medium"
        case 7...8: return "High"
        default: return "Very high"
        }
    }
}

/// One set of answers to the four questions, each 0-10.
public struct ONS4: Hashable, Sendable, Codable {
    public static let scale = 0...10
    public static let citation = "ONS4 personal wellbeing questions: Office for National Statistics."

    public var satisfaction: Int
    public var worthwhile: Int
    public var happy: Int
    public var anxious: Int

    /// Nil unless every answer is within 0-10.
    public init?(satisfaction: Int, worthwhile: Int, happy: Int, anxious: Int) {
        guard [satisfaction, worthwhile, happy, anxious].allSatisfy(ONS4.scale.contains) else { return nil }
        self.satisfaction = satisfaction
        self.worthwhile = worthwhile
        self.happy = happy
        self.anxious = anxious
    }

    public subscript(item: ONS4Item) -> Int {
        switch item {
        case .satisfaction: satisfaction
        case .worthwhile: worthwhile
        case .happy: happy
        case .anxious: anxious
        }
    }

    /// A hand-edited file cannot smuggle in an answer outside the scale.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func answer(_ key: CodingKeys) throws -> Int {
            let value = try container.decode(Int.self, forKey: key)
            guard ONS4.scale.contains(value) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container,
                                                       debugDescription: "expected an answer from 0 to 10, found \(value)")
            }
            return value
        }
        satisfaction = try answer(.satisfaction)
        worthwhile = try answer(.worthwhile)
        happy = try answer(.happy)
        anxious = try answer(.anxious)
    }
}
