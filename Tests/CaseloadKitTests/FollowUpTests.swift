import Foundation
import Testing
@testable import CaseloadKit

@Suite struct FollowUpTests {
    let later = Fixture.now.addingTimeInterval(60)
    var client: Client { Fixture.client("C-0001", name: "Ama Owusu", status: .active, referred: "2026-01-10", firstContact: "2026-01-12") }

    func followUp(_ iso: String, _ time: String? = nil, _ purpose: String = "Check in") -> FollowUp {
        FollowUp(due: Fixture.date(iso), time: time, purpose: purpose)
    }

    @Test func schedulesFromTheReferralOnAndNotForDischargedClients() throws {
        let scheduled = try client.scheduling(followUp("2026-03-05"), at: later)
        #expect(scheduled.followUps.count == 1)
        #expect(scheduled.updatedAt == later)
        #expect(throws: WorkError.followUpBeforeReferral(Fixture.date("2026-01-10"))) {
            try client.scheduling(followUp("2026-01-09"), at: later)
        }
        #expect(throws: WorkError.invalidTime("9:00")) { try client.scheduling(followUp("2026-03-05", "9:00"), at: later) }
        let closed = try client.discharged(Discharge(reason: .goalsMet, date: Fixture.date("2026-02-01")), today: Fixture.today, at: later)
        #expect(throws: WorkError.clientDischarged) { try closed.scheduling(followUp("2026-03-05"), at: later) }
    }

    @Test func isOverdueOnlyWhileScheduledAndPastItsDay() {
        var item = followUp("2026-02-28")
        #expect(item.isOverdue(today: Fixture.today))
        #expect(!item.isOverdue(today: Fixture.date("2026-02-28")))
        item.state = .cancelled(reason: "Unwell", on: Fixture.date("2026-02-27"))
        #expect(!item.isOverdue(today: Fixture.today))
        item.state = .completed(contactID: UUID(), on: Fixture.date("2026-02-28"))
        #expect(!item.isOverdue(today: Fixture.today))
    }

    @Test func reschedulingKeepsTheOldDay() throws {
        let item = followUp("2026-02-20", "10:00")
        var moved = try client.scheduling(item, at: Fixture.now)
            .reschedulingFollowUp(id: item.id, to: Fixture.date("2026-03-04"), time: "14:30", at: later)
        #expect(moved.followUps.first?.due == Fixture.date("2026-03-04"))
        #expect(moved.followUps.first?.time == "14:30")
        #expect(moved.followUps.first?.previousDueDates == [Fixture.date("2026-02-20")])
        #expect(moved.updatedAt == later)
        // A new time on the same day is not a new date.
        moved = try moved.reschedulingFollowUp(id: item.id, to: Fixture.date("2026-03-04"), time: nil, at: later)
        #expect(moved.followUps.first?.previousDueDates == [Fixture.date("2026-02-20")])
        #expect(moved.followUps.first?.time == nil)
        moved = try moved.reschedulingFollowUp(id: item.id, to: Fixture.date("2026-03-06"), time: nil, at: later)
        #expect(moved.followUps.first?.previousDueDates == [Fixture.date("2026-02-20"), Fixture.date("2026-03-04")])
        #expect(throws: WorkError.followUpBeforeReferral(Fixture.date("2026-01-10"))) {
            try moved.reschedulingFollowUp(id: item.id, to: Fixture.date("2026-01-01"), time: nil, at: later)
        }
        #expect(throws: WorkError.followUpNotFound) {
            try moved.reschedulingFollowUp(id: UUID(), to: Fixture.date("2026-03-06"), time: nil, at: later)
        }
    }

    @Test func cancellingNeedsAReasonAndOnlyScheduledOnesChange() throws {
        let item = followUp("2026-02-20")
        let scheduled = try client.scheduling(item, at: Fixture.now)
        #expect(throws: WorkError.cancelNeedsReason) {
            try scheduled.cancellingFollowUp(id: item.id, reason: "  \n", on: Fixture.today, at: later)
        }
        let cancelled = try scheduled.cancellingFollowUp(id: item.id, reason: " In hospital ", on: Fixture.today, at: later)
        #expect(cancelled.followUps.first?.state == .cancelled(reason: "In hospital", on: Fixture.today))
        #expect(cancelled.nextFollowUp == nil)
        #expect(throws: WorkError.followUpAlreadyCancelled(on: Fixture.today)) {
            try cancelled.reschedulingFollowUp(id: item.id, to: Fixture.date("2026-03-04"), time: nil, at: later)
        }
        #expect(throws: WorkError.followUpAlreadyCancelled(on: Fixture.today)) {
            try cancelled.cancellingFollowUp(id: item.id, reason: "Again", on: Fixture.today, at: later)
        }
    }

    @Test func theNextFollowUpIsTheEarliestScheduledByDayThenTime() throws {
        let untimed = followUp("2026-03-02", nil, "untimed")
        let afternoon = followUp("2026-03-02", "14:00", "afternoon")
        let morning = followUp("2026-03-02", "09:30", "morning")
        var done = followUp("2026-02-20", nil, "done")
        done.state = .completed(contactID: UUID(), on: Fixture.date("2026-02-20"))
        let later = followUp("2026-03-09", "08:00", "later")
        var client = self.client
        client.followUps = [later, untimed, done, afternoon, morning]
        #expect(client.nextFollowUp?.purpose == "morning")
        #expect(client.scheduledFollowUps.map(\.purpose) == ["morning", "afternoon", "untimed", "later"])
    }

    @Test func dischargeCancelsWhatIsStillScheduled() throws {
        var done = followUp("2026-02-01")
        done.state = .completed(contactID: UUID(), on: Fixture.date("2026-02-01"))
        var client = self.client
        client.followUps = [done, followUp("2026-03-10")]
        let closed = try client.discharged(Discharge(reason: .movedAway, date: Fixture.date("2026-02-25")), today: Fixture.today, at: later)
        #expect(closed.followUps[0] == done)
        #expect(closed.followUps[1].state == .cancelled(reason: "Discharged: moved away", on: Fixture.date("2026-02-25")))
    }

    @Test func writesItsStateAsAFlatObject() throws {
        let contactID = UUID(uuidString: "6F1B2A4C-1D2E-4F3A-8B9C-0D1E2F3A4B5C")!
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let states: [(FollowUpState, String)] = [
            (.scheduled, #"{"status":"scheduled"}"#),
            (.completed(contactID: contactID, on: Fixture.date("2026-02-03")),
             #"{"contactID":"6F1B2A4C-1D2E-4F3A-8B9C-0D1E2F3A4B5C","on":"2026-02-03","status":"completed"}"#),
            (.cancelled(reason: "Unwell", on: Fixture.date("2026-02-04")), #"{"on":"2026-02-04","reason":"Unwell","status":"cancelled"}"#),
        ]
        for (state, json) in states {
            #expect(String(decoding: try encoder.encode(state), as: UTF8.self) == json)
            #expect(try JSONDecoder().decode(FollowUpState.self, from: Data(json.utf8)) == state)
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(FollowUpState.self, from: Data(#"{"status":"completed","on":"2026-02-03"}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(FollowUpState.self, from: Data(#"{"status":"postponed"}"#.utf8))
        }
    }
}

@Suite struct AgendaTests {
    static func client(_ reference: String, status: ClientStatus = .active, referred: String = "2026-01-10",
                       _ followUps: [FollowUp] = []) -> Client {
        var client = Fixture.client(reference, name: reference, status: status, referred: referred,
                                    firstContact: status.isAwaitingFirstContact ? nil : referred)
        client.followUps = followUps
        return client
    }

    static func due(_ iso: String, _ time: String? = nil, _ purpose: String) -> FollowUp {
        FollowUp(due: Fixture.date(iso), time: time, purpose: purpose)
    }

    @Test func sortsFollowUpsIntoOverdueTodayAndTheNextSevenDays() {
        var done = Self.due("2026-02-27", nil, "completed")
        done.state = .completed(contactID: UUID(), on: Fixture.date("2026-02-27"))
        let a = Self.client("C-0001", [Self.due("2026-02-27", nil, "overdue newer"), Self.due("2026-03-01", nil, "today untimed"),
                                       Self.due("2026-03-08", "09:00", "in seven days"), done])
        let b = Self.client("C-0002", [Self.due("2026-02-20", "16:00", "overdue older"), Self.due("2026-03-01", "14:00", "today 14:00"),
                                       Self.due("2026-03-02", "11:00", "tomorrow 11:00"), Self.due("2026-03-09", nil, "too far")])
        let c = Self.client("C-0003", [Self.due("2026-03-01", "09:15", "today 09:15"), Self.due("2026-03-02", "10:00", "tomorrow 10:00")])
        let closed = Self.client("C-0004", status: .discharged, [Self.due("2026-02-25", nil, "discharged")])
        let agenda = Agenda.make(clients: [a, b, c, closed], today: Fixture.today)
        #expect(agenda.overdue.map(\.followUp.purpose) == ["overdue older", "overdue newer"])
        #expect(agenda.overdue.map(\.clientID) == [b.id, a.id])
        #expect(agenda.today.map(\.followUp.purpose) == ["today 09:15", "today 14:00", "today untimed"])
        #expect(agenda.nextSevenDays.map(\.followUp.purpose) == ["tomorrow 10:00", "tomorrow 11:00", "in seven days"])
        #expect(agenda.nextSevenDays.map(\.clientID) == [c.id, b.id, a.id])
    }

    @Test func listsThePeopleWaitingLongestFirst() {
        let clients = [
            Self.client("C-0010", status: .waiting, referred: "2026-02-01"),
            Self.client("C-0002", status: .contacting, referred: "2026-01-05"),
            Self.client("C-0009", status: .waiting, referred: "2026-01-05"),
            Self.client("C-0001", status: .active, referred: "2025-12-01"),
            Self.client("C-0003", status: .discharged, referred: "2025-11-01"),
        ]
        let agenda = Agenda.make(clients: clients, today: Fixture.today)
        #expect(agenda.waiting.map(\.reference) == ["C-0002", "C-0009", "C-0010"])
        #expect(agenda.overdue.isEmpty && agenda.today.isEmpty && agenda.nextSevenDays.isEmpty)
        #expect(!agenda.isEmpty)
        #expect(Agenda.make(clients: [], today: Fixture.today).isEmpty)
    }

    @Test func referencesCompareAsNumbers() {
        let clients = [Self.client("C-10000", status: .waiting), Self.client("C-9999", status: .waiting)]
        #expect(Agenda.make(clients: clients, today: Fixture.today).waiting.map(\.reference) == ["C-9999", "C-10000"])
    }
}
