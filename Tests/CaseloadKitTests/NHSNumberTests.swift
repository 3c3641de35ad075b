import Foundation
import Testing
@testable import CaseloadKit

@Suite struct NHSNumberTests {
    @Test(arguments: ["9434765919", "6716689966", "943 476 5919", "943-476-5919", " 671 668 9966 "])
    func acceptsValidNumbers(text: String) throws {
        let number = try NHSNumber(text)
        #expect(number.digits.count == 10)
        #expect(number.digits.allSatisfy { $0.isWholeNumber })
    }

    @Test func keepsBareDigitsAndFormatsThreeThreeFour() throws {
        let number = try NHSNumber("943 476 5919")
        #expect(number.digits == "9434765919")
        #expect(number.formatted == "943 476 5919")
        #expect(number.description == "943 476 5919")
    }

    @Test func rejectsWrongCheckDigit() {
        #expect(throws: NHSNumber.Problem.checkDigitMismatch) { try NHSNumber("9434765918") }
        #expect(NHSNumber.Problem.checkDigitMismatch.description == "NHS number check digit does not match")
    }

    @Test func rejectsNumbersWhoseCheckWouldBeTen() {
        // 1×10 + 2×9 + … + 9×2 = 210; 210 mod 11 = 1; 11 − 1 = 10: no valid check digit exists.
        #expect(NHSNumber.checkDigit(forFirstNine: [1, 2, 3, 4, 5, 6, 7, 8, 9]) == nil)
        #expect(throws: NHSNumber.Problem.noValidCheckDigit) { try NHSNumber("1234567890") }
    }

    @Test func checkDigitElevenBecomesZero() throws {
        // 9×(10+9+8) + 5×2 = 253 = 11×23, so 11 − 0 = 11, which becomes 0.
        #expect(NHSNumber.checkDigit(forFirstNine: [9, 9, 9, 0, 0, 0, 0, 0, 5]) == 0)
        #expect(try NHSNumber("9990000050").digits == "9990000050")
    }

    @Test(arguments: [("943476591", 9), ("94347659190", 11), ("", 0)])
    func rejectsWrongLength(text: String, count: Int) {
        #expect(throws: NHSNumber.Problem.wrongLength(count)) { try NHSNumber(text) }
    }

    @Test(arguments: ["943476591A", "943.476.5919", "９４３４７６５９１９"])
    func rejectsNonDigits(text: String) {
        #expect(throws: NHSNumber.Problem.notDigits) { try NHSNumber(text) }
    }

    @Test func knowsTestNumbers() throws {
        #expect(try NHSNumber("9434765919").isTestNumber == false)
        let nine = [9, 9, 9, 0, 0, 0, 0, 0, 1]
        let check = try #require(NHSNumber.checkDigit(forFirstNine: nine))
        #expect(try NHSNumber((nine + [check]).map(String.init).joined()).isTestNumber)
    }

    @Test func codesAsBareDigitsAndRefusesBadOnes() throws {
        let data = try JSONEncoder().encode([try NHSNumber("943 476 5919")])
        #expect(String(decoding: data, as: UTF8.self) == #"["9434765919"]"#)
        #expect(try JSONDecoder().decode([NHSNumber].self, from: data) == [try NHSNumber("9434765919")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([NHSNumber].self, from: Data(#"["9434765918"]"#.utf8))
        }
    }
}
