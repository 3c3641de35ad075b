import Foundation
import Testing
@testable import CaseloadKit

@Suite struct ONS4Tests {
    @Test func asksTheExactQuestions() {
        #expect(ONS4Item.allCases.map(\.question) == [
            "Overall, how satisfied are you with your life nowadays?",
            "Overall, to what extent do you feel that the things you do in your life are worthwhile?",
            "Overall, how happy did you feel yesterday?",
            "Overall, how anxious did you feel yesterday?",
        ])
        #expect(ONS4Item.allCases.map(\.shortLabel) == ["Life satisfaction", "Worthwhile", "Happiness", "Anxiety"])
        #expect(ONS4Item.happy.scaleHint == "0 not at all – 10 completely")
        #expect(ONS4Item.anxious.scaleHint == "0 not at all anxious – 10 completely anxious")
        #expect(ONS4Item.allCases.filter(\.higherIsBetter) == [.satisfaction, .worthwhile, .happy])
    }

    /// Every score, so that each boundary is checked from both sides.
    @Test(arguments: [ONS4Item.satisfaction, .worthwhile, .happy])
    func bandsThePositiveQuestions(item: ONS4Item) {
        let expected = ["Low", "Low", "Low", "Low", "Low", "Medium", "Medium", "High", "High", "Very high", "Very high"]
        #expect((0...10).map(item.band) == expected)
    }

    @Test func bandsAnxietyTheOtherWay() {
        let expected = ["Very low", "Very low", "Low", "Low", "Medium", "Medium", "High", "High", "High", "High", "High"]
        #expect((0...10).map(ONS4Item.anxious.band) == expected)
    }

    @Test func acceptsOnlyAnswersFromZeroToTen() throws {
        let answers = try #require(ONS4(satisfaction: 0, worthwhile: 10, happy: 5, anxious: 7))
        #expect(ONS4Item.allCases.map { answers[$0] } == [0, 10, 5, 7])
        #expect(ONS4(satisfaction: -1, worthwhile: 5, happy: 5, anxious: 5) == nil)
        #expect(ONS4(satisfaction: 5, worthwhile: 5, happy: 5, anxious: 11) == nil)
    }

    @Test func refusesAFileWithAnAnswerOffTheScale() throws {
        let good = #"{"satisfaction":3,"worthwhile":4,"happy":5,"anxious":6}"#
        #expect(try JSONDecoder().decode(ONS4.self, from: Data(good.utf8)) == ONS4(satisfaction: 3, worthwhile: 4, happy: 5, anxious: 6))
        let bad = #"{"satisfaction":3,"worthwhile":4,"happy":12,"anxious":6}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ONS4.self, from: Data(bad.utf8)) }
    }
}

@Suite struct SWEMWBSTests {
    /// The conversion table from domain.md, raw 7 to 35.
    static let table: [Double] = [
        7.00, 9.51, 11.25, 12.40, 13.33, 14.08, 14.75, 15.32, 15.84, 16.36, 16.88, 17.43, 17.98, 18.59, 19.25,
        19.98, 20.73, 21.54, 22.35, 23.21, 24.11, 25.03, 26.02, 27.03, 28.13, 29.31, 30.70, 32.55, 35.00,
    ]

    @Test func convertsEveryRawScore() throws {
        #expect(Self.table.count == 29)
        for raw in 7...35 {
            // Seven answers adding up to `raw`: as many 5s as fit, then the rest.
            var answers = Array(repeating: 1, count: 7)
            var left = raw - 7
            for index in answers.indices where left > 0 {
                let step = min(4, left)
                answers[index] += step
                left -= step
            }
            let scale = try #require(SWEMWBS(answers: answers))
            #expect(scale.rawScore == raw)
            #expect(scale.metricScore == Self.table[raw - 7], "raw \(raw)")
        }
    }

    @Test func hasTheSevenStatementsAnswersAndCopyright() {
        #expect(SWEMWBS.items == [
            "I've been feeling optimistic about the future", "I've been feeling useful", "I've been feeling relaxed",
            "I've been dealing with problems well", "I've been thinking clearly", "I've been feeling close to other people",
            "I've been able to make up my own mind about things",
        ])
        #expect(SWEMWBS.answerLabels == ["None of the time", "Rarely", "Some of the time", "Often", "All of the time"])
        #expect(SWEMWBS.copyright
            == "SWEMWBS © NHS Health Scotland, University of Warwick and University of Edinburgh, 2008, all rights reserved.")
    }

    @Test(arguments: [[1, 2, 3, 4, 5, 1], [1, 2, 3, 4, 5, 1, 2, 3], [0, 2, 3, 4, 5, 1, 2], [1, 2, 3, 4, 6, 1, 2]])
    func refusesTheWrongNumberOfAnswersOrAnswersOffTheScale(answers: [Int]) {
        #expect(SWEMWBS(answers: answers) == nil)
    }

    @Test func refusesAFileWithAnswersOffTheScale() throws {
        let good = #"{"answers":[1,2,3,4,5,4,3]}"#
        #expect(try JSONDecoder().decode(SWEMWBS.self, from: Data(good.utf8)).rawScore == 22)
        let bad = #"{"answers":[1,2,3,4,5,4]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SWEMWBS.self, from: Data(bad.utf8)) }
    }
}

@Suite struct MeasureSummaryTests {
    static func client(_ contacts: [Contact]) -> Client {
        var client = Fixture.client("C-0001", name: "Ama Owusu", status: .active, firstContact: "2026-01-12")
        client.contacts = contacts
        return client
    }

    static func measured(_ iso: String, ons4: ONS4? = nil, swemwbs: [Int]? = nil) -> Contact {
        var contact = Fixture.contact(.checkIn, iso)
        contact.ons4 = ons4
        contact.swemwbs = swemwbs.flatMap(SWEMWBS.init(answers:))
        return contact
    }

    @Test func isEmptyWithoutRecords() {
        let client = Self.client([Fixture.contact(.firstConversation, "2026-01-12")])
        #expect(client.ons4Summary().isEmpty)
        #expect(client.swemwbsSummary() == nil)
    }

    @Test func comparesFirstAndLatestByContactTimeForEachQuestion() throws {
        let early = try #require(ONS4(satisfaction: 3, worthwhile: 4, happy: 2, anxious: 8))
        let middle = try #require(ONS4(satisfaction: 9, worthwhile: 9, happy: 9, anxious: 0))
        let late = try #require(ONS4(satisfaction: 6, worthwhile: 5, happy: 6, anxious: 4))
        // Out of order on purpose: the client keeps contacts sorted by time.
        let client = Client(reference: "C-0001", name: "Ama Owusu", practice: "Hillview Surgery",
                            referral: Referral(date: Fixture.date("2026-01-10")),
                            contacts: [Self.measured("2026-02-20", ons4: late), Self.measured("2026-01-15", ons4: early),
                                       Self.measured("2026-02-01", ons4: middle), Self.measured("2026-02-10")],
                            createdAt: Fixture.now)
        let summary = client.ons4Summary()
        #expect(summary.count == 4)
        #expect(summary[.satisfaction] == MeasureChange(first: 3, latest: 6, count: 3))
        #expect(summary[.worthwhile]?.change == 1)
        #expect(summary[.happy]?.change == 4)
        #expect(summary[.anxious] == MeasureChange(first: 8, latest: 4, count: 3))
        #expect(summary[.anxious]?.change == -4)
    }

    @Test func summarisesSWEMWBSMetricScores() {
        let client = Self.client([Self.measured("2026-01-15", swemwbs: [2, 2, 2, 2, 2, 2, 2]),
                                  Self.measured("2026-02-01"),
                                  Self.measured("2026-02-20", swemwbs: [3, 3, 3, 3, 3, 3, 3])])
        let summary = client.swemwbsSummary()
        #expect(summary?.first == 15.32)
        #expect(summary?.latest == 19.25)
        #expect(summary.map { abs($0.change - 3.93) < 0.0001 } == true)
        #expect(summary?.count == 2)
    }

    @Test func aSingleRecordShowsNoChange() {
        let client = Self.client([Self.measured("2026-01-15", swemwbs: [5, 5, 5, 5, 5, 5, 5])])
        #expect(client.swemwbsSummary() == MeasureChange(first: 35, latest: 35, count: 1))
        #expect(client.swemwbsSummary()?.change == 0)
    }
}
