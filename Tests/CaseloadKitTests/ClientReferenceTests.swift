import Testing
@testable import CaseloadKit

@Suite struct ClientReferenceTests {
    @Test func startsAtOne() {
        #expect(ClientReference.next(existing: []) == "C-0001")
    }

    @Test func followsTheHighestAndNeverFillsGaps() {
        #expect(ClientReference.next(existing: ["C-0001", "C-0003"]) == "C-0004")
        #expect(ClientReference.next(existing: ["C-0042", "C-0007"]) == "C-0043")
    }

    @Test func growsPastFourDigits() {
        #expect(ClientReference.next(existing: ["C-9999"]) == "C-10000")
        #expect(ClientReference.next(existing: ["C-10000", "C-9999", "C-0002"]) == "C-10001")
    }

    @Test func ignoresMalformedReferences() {
        #expect(ClientReference.next(existing: ["X-0900", "C-", "C-12a", "", "C-0005"]) == "C-0006")
        #expect(ClientReference.next(existing: ["C-9999999999999999999999"]) == "C-0001")
    }

    @Test func padsToFourDigits() {
        #expect(ClientReference.make(7) == "C-0007")
        #expect(ClientReference.make(1234) == "C-1234")
        #expect(ClientReference.make(12345) == "C-12345")
    }

    @Test(arguments: [("C-0042", 42), ("c-42", 42), ("C42", 42), (" C-0042 ", 42), ("C-10000", 10000)])
    func readsTheNumber(text: String, number: Int) {
        #expect(ClientReference.number(in: text) == number)
    }

    @Test(arguments: ["42", "C-", "D-0042", "C-00x2", "C--42", "C-+42"])
    func refusesOtherText(text: String) {
        #expect(ClientReference.number(in: text) == nil)
    }
}
