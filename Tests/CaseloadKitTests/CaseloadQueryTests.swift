import Testing
@testable import CaseloadKit

@Suite struct CaseloadQueryTests {
    let clients: [ClientSummary] = [Client]([
        Fixture.client("C-0001", name: "Zoë Whitfield", status: .active, referred: "2025-12-01",
                       firstContact: "2025-12-03", updatedHoursAgo: 30),
        Fixture.client("C-0002", name: "adam Price", status: .waiting, referred: "2026-02-20",
                       practice: "Riverside Medical Centre", updatedHoursAgo: 5),
        Fixture.client("C-0003", name: "Émile Dubois", status: .discharged, referred: "2025-11-15", updatedHoursAgo: 100),
        Fixture.client("C-0004", name: "Eamon Kelly", status: .waiting, referred: "2026-01-05",
                       practice: "Riverside Medical Centre", updatedHoursAgo: 1),
        Fixture.client("C-0005", name: "zoe whitfield", status: .contacting, referred: "2026-02-01", updatedHoursAgo: 2),
        Fixture.client("C-0006", name: "Fred Lamb", status: .onHold, referred: "2026-01-05",
                       firstContact: "2026-01-20", updatedHoursAgo: 50),
        Fixture.client("C-0007", name: "Bea Ncube", status: .active, referred: "2026-01-05",
                       firstContact: "2026-01-07", updatedHoursAgo: 3),
        Fixture.client("C-0008", name: "Ciaran Moss", status: .contacting, referred: "2026-01-20", updatedHoursAgo: 4),
    ]).map(\.summary)

    func references(_ query: CaseloadQuery) -> [String] {
        query.apply(to: clients, today: Fixture.today).map(\.reference)
    }

    @Test func showsEveryoneByDefault() {
        #expect(Set(references(CaseloadQuery())) == Set(clients.map(\.reference)))
    }

    @Test func filtersBySingleStatusOrSet() {
        #expect(Set(references(CaseloadQuery(status: .waiting))) == ["C-0002", "C-0004"])
        #expect(Set(references(CaseloadQuery(statuses: [.waiting, .contacting]))) == ["C-0002", "C-0004", "C-0005", "C-0008"])
        #expect(references(CaseloadQuery(statuses: [])) == [])
    }

    @Test func filtersByPracticeIgnoringCase() {
        #expect(Set(references(CaseloadQuery(practice: "riverside medical  centre"))) == ["C-0002", "C-0004"])
        #expect(references(CaseloadQuery(status: .active, practice: "Riverside Medical Centre")) == [])
    }

    @Test func combinesFiltersWithSearch() {
        #expect(references(CaseloadQuery(statuses: [.active, .contacting], search: "zoe", sort: .name)) == ["C-0001", "C-0005"])
        #expect(references(CaseloadQuery(status: .active, search: "zoe")) == ["C-0001"])
    }

    @Test func sortsByNameIgnoringCaseAndAccentsThenReference() {
        #expect(references(CaseloadQuery(sort: .name))
            == ["C-0002", "C-0007", "C-0008", "C-0004", "C-0003", "C-0006", "C-0001", "C-0005"])
    }

    @Test func sortsByReferralDateOldestFirst() {
        // Three referrals on 2026-01-05 keep reference order.
        #expect(references(CaseloadQuery(sort: .referralDate))
            == ["C-0003", "C-0001", "C-0004", "C-0006", "C-0007", "C-0008", "C-0005", "C-0002"])
    }

    @Test func sortsByStatusWithTheLongestWaitFirst() {
        #expect(references(CaseloadQuery(sort: .status))
            == ["C-0004", "C-0002", "C-0008", "C-0005", "C-0007", "C-0001", "C-0006", "C-0003"])
    }

    @Test func sortsByLastUpdatedNewestFirst() {
        #expect(references(CaseloadQuery(sort: .lastUpdated))
            == ["C-0004", "C-0005", "C-0007", "C-0008", "C-0002", "C-0001", "C-0006", "C-0003"])
    }

    @Test func breaksTiesByReferenceNumberNotText() {
        let tied = [Fixture.client("C-10000", name: "Sam Lee"), Fixture.client("C-9999", name: "Sam Lee"),
                    Fixture.client("C-0002", name: "sam lee")].map(\.summary)
        let order = CaseloadQuery(sort: .name).apply(to: tied, today: Fixture.today).map(\.reference)
        #expect(order == ["C-0002", "C-9999", "C-10000"])
    }

    @Test func returnsIndicesIntoTheGivenArray() {
        let indices = CaseloadQuery(status: .waiting, sort: .referralDate).indices(in: clients, today: Fixture.today)
        #expect(indices == [3, 1])
    }

    @Test func countsEachStatusIgnoringOnlyTheStatusFilter() {
        let counts = CaseloadQuery(status: .active, practice: "Hillview Surgery").statusCounts(in: clients)
        #expect(counts == [.waiting: 0, .contacting: 2, .active: 2, .onHold: 1, .discharged: 1])
        let searched = CaseloadQuery(search: "zoe").statusCounts(in: clients)
        #expect(searched == [.waiting: 0, .contacting: 1, .active: 1, .onHold: 0, .discharged: 0])
    }

    @Test func listsPracticesOnce() {
        #expect(CaseloadQuery.practices(in: clients) == ["Hillview Surgery", "Riverside Medical Centre"])
    }
}
