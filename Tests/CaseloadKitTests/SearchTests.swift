import Testing
@testable import CaseloadKit

@Suite struct SearchFoldingTests {
    @Test func foldsCaseAndAccents() {
        #expect(SearchFolding.fold("Zoë") == "zoe")
        #expect(SearchFolding.fold("SIOBHÁN") == "siobhan")
        #expect(SearchFolding.fold("Nguyễn Thị Lan") == "nguyen thi lan")
        #expect(SearchFolding.fold("Ayşe Yılmaz") == "ayse yilmaz")
        #expect(SearchFolding.fold("İstanbul") == "istanbul")
    }

    @Test func foldsLettersThatDoNotDecompose() {
        #expect(SearchFolding.fold("ŁłØøÆæŒœßĐđþ") == "llooaeaeoeoessddth")
        #expect(SearchFolding.fold("Jürgen Weiß") == "jurgen weiss")
    }

    @Test func dropsApostrophesAndTidiesPunctuation() {
        #expect(SearchFolding.fold("Grace O’Connor") == "grace oconnor")
        #expect(SearchFolding.fold("  Emily-Rose   Carter, ") == "emily rose carter")
    }

    @Test func leavesUncasedScriptsAlone() {
        #expect(SearchFolding.fold("陈伟") == "陈伟")
        #expect(SearchFolding.fold("Мария") == "мария")
    }
}

@Suite struct ClientSearchTests {
    let zoe = Fixture.client("C-0042", name: "Zoë Whitfield", nhs: "943 476 5919")
    let lukasz = Fixture.client("C-0142", name: "Łukasz Nowak", nhs: "6716689966")
    let seun = Fixture.client("C-0007", name: "Oluwaseun Adeyemi", preferredName: "Seun")
    let grace = Fixture.client("C-0008", name: "Grace O'Connor")
    let chen = Fixture.client("C-0009", name: "陈伟", preferredName: "David")
    let maria = Fixture.client("C-0010", name: "Мария Иванова")
    let jurgen = Fixture.client("C-0011", name: "Jürgen Weiß")

    @Test(arguments: ["zoe", "ZOË", "Zoë", "whit", "zoe whit", "whitfield zoe", "  zoe  "])
    func findsByNameIgnoringCaseAndAccents(query: String) {
        #expect(CaseloadQuery.matches(zoe, query))
        #expect(!CaseloadQuery.matches(lukasz, query))
    }

    @Test func findsLettersThatDoNotDecompose() {
        #expect(CaseloadQuery.matches(lukasz, "lukasz"))
        #expect(CaseloadQuery.matches(lukasz, "ŁUKASZ"))
        #expect(CaseloadQuery.matches(jurgen, "weiss"))
        #expect(CaseloadQuery.matches(jurgen, "jurgen"))
    }

    @Test func findsByPreferredNameAndAcrossApostrophes() {
        #expect(CaseloadQuery.matches(seun, "seun"))
        #expect(CaseloadQuery.matches(chen, "david"))
        #expect(CaseloadQuery.matches(grace, "oconnor"))
        #expect(CaseloadQuery.matches(grace, "o'connor"))
    }

    @Test func findsOtherScripts() {
        #expect(CaseloadQuery.matches(chen, "陈"))
        #expect(CaseloadQuery.matches(maria, "мария"))
        #expect(CaseloadQuery.matches(maria, "МАРИЯ"))
        #expect(!CaseloadQuery.matches(maria, "maria"))
    }

    @Test func wordsMustAllMatch() {
        #expect(!CaseloadQuery.matches(zoe, "zoe nowak"))
        #expect(!CaseloadQuery.matches(zoe, "zoe 42"))
    }

    @Test(arguments: ["943 476 5919", "9434765919", "943-476-5919", "943476", "943 476", "943"])
    func findsByNHSNumberOrItsStart(query: String) {
        #expect(CaseloadQuery.matches(zoe, query))
        #expect(!CaseloadQuery.matches(lukasz, query))
    }

    @Test func nhsNumbersMatchOnlyFromTheStartAndFromThreeDigits() {
        #expect(!CaseloadQuery.matches(zoe, "476 5919"))
        #expect(!CaseloadQuery.matches(zoe, "94"))
        #expect(!CaseloadQuery.matches(seun, "943"))
    }

    @Test(arguments: ["C-0042", "c-0042", "C0042", "c42", "C 42", "0042", "42"])
    func findsByReference(query: String) {
        #expect(CaseloadQuery.matches(zoe, query))
        #expect(!CaseloadQuery.matches(lukasz, query))
    }

    @Test func referencesMatchTheWholeNumber() {
        #expect(!CaseloadQuery.matches(zoe, "4"))
        #expect(!CaseloadQuery.matches(zoe, "C-004"))
        #expect(CaseloadQuery.matches(lukasz, "142"))
    }

    @Test(arguments: ["", "   ", "-"])
    func emptyQueryMatchesEveryone(query: String) {
        #expect(SearchQuery(query).isEmpty)
        #expect(CaseloadQuery.matches(zoe, query))
        #expect(CaseloadQuery.matches(chen, query))
    }
}
