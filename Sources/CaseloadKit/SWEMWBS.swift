import Foundation

/// The Short Warwick-Edinburgh Mental Wellbeing Scale: seven statements about the last two weeks,
/// each answered 1-5. Free to use once registered; `copyright` must appear wherever it is shown.
public struct SWEMWBS: Hashable, Sendable, Codable {
    public static let copyright =
        "SWEMWBS © NHS Health Scotland, University of Warwick and University of Edinburgh, 2008, all rights reserved."

    public static let instruction =
        "Below are some statements about feelings and thoughts. Please choose the answer that best describes "
        + "your experience of each over the last 2 weeks."

    /// The statements in their published order and wording.
    public static let items = [
        "I've been feeling optimistic about the future",
        "I've been feeling useful",
        "I've been feeling relaxed",
        "I've been dealing with problems well",
        "I've been thinking clearly",
        "I've been feeling close to other people",
        "I've been able to make up my own mind about things",
    ]

    /// The label of answer `n` is `answerLabels[n - 1]`.
    public static let answerLabels = ["None of the time", "Rarely", "Some of the time", "Often", "All of the time"]

    public static let scale = 1...5

    /// Raw totals 7...35 to metric scores, from the published conversion table (index = raw - 7).
    static let metricTable: [Double] = [
        7.00, 9.51, 11.25, 12.40, 13.33, 14.08, 14.75, 15.32, 15.84, 16.36, 16.88, 17.43, 17.98, 18.59, 19.25,
        19.98, 20.73, 21.54, 22.35, 23.21, 24.11, 25.03, 26.02, 27.03, 28.13, 29.31, 30.70, 32.55, 35.00,
    ]

    /// One answer per statement, in order.
    public var answers: [Int]

    /// Nil unless there are seven answers, each within 1-5.
    public init?(answers: [Int]) {
        guard answers.count == SWEMWBS.items.count, answers.allSatisfy(SWEMWBS.scale.contains) else { return nil }
        self.answers = answers
    }

    /// 7-35.
    public var rawScore: Int { answers.reduce(0, +) }

    /// 7.00-35.00; the figure to compare and report.
    public var metricScore: Double { Self.metricScore(raw: rawScore) }

    /// The converted score for a raw total, clamped to 7...35.
    public static func metricScore(raw: Int) -> Double {
        metricTable[min(max(raw, 7), 35) - 7]
    }

    private enum CodingKeys: String, CodingKey {
        case answers
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let answers = try container.decode([Int].self, forKey: .answers)
        guard let valid = SWEMWBS(answers: answers) else {
            throw DecodingError.dataCorruptedError(forKey: .answers, in: container,
                                                   debugDescription: "expected seven answers from 1 to 5, found \(answers)")
        }
        self = valid
    }
}
