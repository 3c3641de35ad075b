import Foundation
import Testing
@testable import CaseloadKit

@Suite struct NoteSearchTests {
    private func client(_ reference: String, notes: [String]) -> Client {
        var client = Fixture.client(reference, name: "Someone \(reference)")
        client.contacts = notes.enumerated().map { offset, text in
            Contact(at: Date(timeIntervalSince1970: Double(offset) * 86_400), kind: .checkIn, mode: .phone, notes: text)
        }
        return client
    }

    private var clients: [Client] {
        [
            client("C-0001", notes: ["Talked about the ALLOTMENT; keen to start.", "Walking group on Tuesdays."]),
            client("C-0002", notes: ["Met Zoë at the café. Mrs O'Brien's daughter came too."]),
            client("C-0003", notes: ["陈先生 came with his son; 想去社区中心."]),
            client("C-0004", notes: ["Nothing to note."]),
        ]
    }

    private func references(_ query: String) -> [String] {
        let all = clients
        let ids = Set(NoteSearch.matching(query, in: all))
        return all.filter { ids.contains($0.id) }.map(\.reference)
    }

    @Test func findsWordsIgnoringCaseAcrossAClientsNotes() {
        #expect(references("allotment") == ["C-0001"])
        #expect(references("allotment walking") == ["C-0001"], "the words may be in different notes")
        #expect(references("allotment cafe").isEmpty, "every word must be in the same client's notes")
    }

    @Test func ignoresAccentsAndApostrophesAsTheListSearchDoes() {
        #expect(references("zoe") == ["C-0002"])
        #expect(references("cafe") == ["C-0002"])
        #expect(references("obriens") == ["C-0002"])
        #expect(references("o'brien") == ["C-0002"])
    }

    @Test func findsScriptsWithoutCase() {
        #expect(references("陈") == ["C-0003"])
        #expect(references("社区") == ["C-0003"])
    }

    @Test func findsNothingForNothing() {
        #expect(references("").isEmpty)
        #expect(references("  ").isEmpty)
        #expect(references("gardening").isEmpty)
    }

    @Test func foldingPlainWordsQuicklyGivesWhatTheUnicodeRouteGives() {
        let pieces = ["a", "Z", "9", " ", "  ", "\t", "\n", "'", "’", "-", ".", "é", "e\u{301}", "\u{301}", "İ", "ß",
                      "Ł", "ø", "陈", "😀", "👩‍👧", "Σ", "—", "。", "ﬁ", "Ⅻ", "O'Brien", "ZOË", "١٢"]
        var random = SplitMix64(seed: 8)
        for _ in 0..<2_000 {
            let count = Int(random.next() % 12)
            let text = (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            #expect(SearchFolding.fold(text) == SearchFolding.foldUnicode(text), "\(text.debugDescription)")
        }
    }
}
