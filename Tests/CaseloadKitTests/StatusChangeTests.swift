import Foundation
import Testing
@testable import CaseloadKit

@Suite struct StatusChangeTests {
    let later = Fixture.now.addingTimeInterval(3600)

    @Test func dischargeRecordsReasonDateAndHistory() throws {
        let client = Fixture.client("C-0001", name: "Ama Owusu", status: .active, firstContact: "2026-01-15")
        let discharge = Discharge(reason: .goalsMet, date: Fixture.date("2026-02-20"), note: "Walking group weekly")
        let changed = try client.discharged(discharge, today: Fixture.today, at: later)
        #expect(changed.status == .discharged)
        #expect(changed.discharge == discharge)
        #expect(changed.statusHistory == [StatusChange(date: Fixture.date("2026-02-20"), from: .active,
                                                       to: .discharged, note: "Goals met")])
        #expect(changed.updatedAt == later)
        #expect(changed.id == client.id)
    }

    @Test func cannotDischargeTwice() throws {
        let client = Fixture.client("C-0001", name: "Ama Owusu", status: .active)
        let once = try client.discharged(Discharge(reason: .declined, date: Fixture.date("2026-02-01")), today: Fixture.today, at: later)
        #expect(throws: StatusChangeError.alreadyDischarged) {
            try once.discharged(Discharge(reason: .declined, date: Fixture.date("2026-02-02")), today: Fixture.today, at: later)
        }
    }

    @Test func cannotDischargeBeforeReferral() {
        let client = Fixture.client("C-0001", name: "Ama Owusu", referred: "2026-01-10")
        #expect(throws: StatusChangeError.dischargeBeforeReferral) {
            try client.discharged(Discharge(reason: .other, date: Fixture.date("2026-01-09")), today: Fixture.today, at: later)
        }
    }

    @Test func reopensToActiveWhenThePersonWasReached() throws {
        let client = try Fixture.client("C-0001", name: "Ama Owusu", status: .active, firstContact: "2026-01-15")
            .discharged(Discharge(reason: .goalsMet, date: Fixture.date("2026-02-01")), today: Fixture.today, at: Fixture.now)
        let reopened = try client.reopened(on: Fixture.date("2026-02-20"), at: later)
        #expect(reopened.status == .active)
        #expect(reopened.discharge == nil)
        #expect(reopened.statusHistory.last == StatusChange(date: Fixture.date("2026-02-20"), from: .discharged,
                                                            to: .active, note: "Reopened"))
        #expect(reopened.statusHistory.count == 2)
        #expect(reopened.updatedAt == later)
    }

    @Test func reopensToWaitingWhenThePersonWasNeverReached() throws {
        let client = try Fixture.client("C-0001", name: "Ama Owusu", status: .contacting)
            .discharged(Discharge(reason: .unableToContact, date: Fixture.date("2026-02-01")), today: Fixture.today, at: Fixture.now)
        #expect(client.daysWaiting(today: Fixture.today) == nil)
        let reopened = try client.reopened(on: Fixture.date("2026-02-20"), at: later)
        #expect(reopened.status == .waiting)
        #expect(reopened.statusHistory.last?.to == .waiting)
        // The waiting clock runs again from the referral.
        #expect(reopened.daysWaiting(today: Fixture.today) == 50)
    }

    @Test func onlyDischargedClientsReopen() {
        let client = Fixture.client("C-0001", name: "Ama Owusu", status: .active)
        #expect(throws: StatusChangeError.notDischarged) { try client.reopened(on: Fixture.today, at: later) }
    }

    @Test func cannotReopenBeforeTheDischarge() throws {
        let client = try Fixture.client("C-0001", name: "Ama Owusu", status: .active, firstContact: "2026-01-12")
            .discharged(Discharge(reason: .movedAway, date: Fixture.date("2026-02-01")), today: Fixture.today, at: Fixture.now)
        #expect(throws: StatusChangeError.reopenBeforeDischarge) {
            try client.reopened(on: Fixture.date("2026-01-31"), at: later)
        }
        #expect(try client.reopened(on: Fixture.date("2026-02-01"), at: later).status == .active)
    }

    @Test func daysWaitingStopsAtFirstContact() {
        let waiting = Fixture.client("C-0001", name: "A", referred: "2026-02-01")
        #expect(waiting.daysWaiting(today: Fixture.today) == 28)
        let reached = Fixture.client("C-0002", name: "B", status: .active, referred: "2026-02-01", firstContact: "2026-02-11")
        #expect(reached.daysWaiting(today: Fixture.today) == 10)
    }
}

@Suite struct OpenStatusChangeTests {
    private let now = Date(timeIntervalSince1970: 1_790_000_000)
    private let referred = CalendarDate(year: 2026, month: 10, day: 1)!
    private let today = CalendarDate(year: 2026, month: 11, day: 21)!

    private func waitingClient() -> Client {
        Client(reference: "C-0001", name: "Zoë Ærø", practice: "Hillview Surgery",
               referral: Referral(date: referred), createdAt: now)
    }

    @Test func becomingActiveFixesTheFirstContactAndTheDaysWaited() throws {
        let active = try waitingClient().changingStatus(to: .active, on: today, at: now)
        #expect(active.status == .active)
        #expect(active.firstContactDate == today)
        #expect(active.daysWaiting(today: today.adding(days: 30)) == 51)
        #expect(active.statusHistory == [StatusChange(date: today, from: .waiting, to: .active)])
    }

    @Test func contactingKeepsTheClockRunning() throws {
        let contacting = try waitingClient().changingStatus(to: .contacting, on: today, at: now)
        #expect(contacting.firstContactDate == nil)
        #expect(contacting.daysWaiting(today: today) == 51)
    }

    @Test func anExistingFirstContactIsKept() throws {
        let active = try waitingClient().changingStatus(to: .active, on: today, at: now)
        let held = try active.changingStatus(to: .onHold, on: today.adding(days: 5), at: now)
        #expect(held.firstContactDate == today)
    }

    @Test func aReachedClientCannotGoBackToWaiting() throws {
        let active = try waitingClient().changingStatus(to: .active, on: today, at: now)
        #expect(active.reachableOpenStatuses == [.active, .onHold])
        #expect(waitingClient().reachableOpenStatuses == [.waiting, .contacting, .active, .onHold])
        #expect(throws: StatusChangeError.alreadyReached) {
            try active.changingStatus(to: .waiting, on: today, at: now)
        }
    }

    @Test func dischargeCannotBeDatedInTheFutureOrBeforeTheLastEvent() throws {
        let active = try waitingClient().changingStatus(to: .active, on: today.adding(days: -10), at: now)
        #expect(throws: StatusChangeError.dischargeInFuture) {
            try active.discharged(Discharge(reason: .goalsMet, date: today.adding(days: 1)), today: today, at: now)
        }
        #expect(throws: StatusChangeError.dischargeBeforeLastChange(today.adding(days: -10))) {
            try active.discharged(Discharge(reason: .goalsMet, date: today.adding(days: -11)), today: today, at: now)
        }
        let discharged = try active.discharged(Discharge(reason: .goalsMet, date: today.adding(days: -10)), today: today, at: now)
        #expect(discharged.status == .discharged)
        #expect(discharged.reopenStatus == .active)
    }

    @Test func sameStatusChangesNothing() throws {
        let client = waitingClient()
        #expect(try client.changingStatus(to: .waiting, on: today, at: now) == client)
    }

    @Test func dischargedIsReachedOnlyThroughDischargeAndReopen() throws {
        #expect(throws: StatusChangeError.needsDischargeOrReopen) {
            try waitingClient().changingStatus(to: .discharged, on: today, at: now)
        }
        let discharged = try waitingClient().discharged(Discharge(reason: .declined, date: today), today: today, at: now)
        #expect(throws: StatusChangeError.needsDischargeOrReopen) {
            try discharged.changingStatus(to: .active, on: today, at: now)
        }
    }
}
