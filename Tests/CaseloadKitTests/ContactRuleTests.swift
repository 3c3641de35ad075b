import Foundation
import Testing
@testable import CaseloadKit

@Suite struct ContactRuleTests {
    let later = Fixture.now.addingTimeInterval(60)

    func record(_ contact: Contact, on client: Client) throws -> Client {
        try client.recording(contact, today: Fixture.today, timeZone: Fixture.utc, at: later)
    }

    func record(_ contacts: [Contact], on client: Client) throws -> Client {
        try contacts.reduce(client) { try record($1, on: $0) }
    }

    var waiting: Client { Fixture.client("C-0001", name: "Ama Owusu", referred: "2026-01-10") }

    @Test func anAttemptMovesAWaitingClientToContacting() throws {
        let client = try record(Fixture.contact(.attempt, "2026-01-12", by: .phone), on: waiting)
        #expect(client.status == .contacting)
        #expect(client.statusHistory == [StatusChange(date: Fixture.date("2026-01-12"), from: .waiting, to: .contacting,
                                                      note: "Contact attempt (phone)")])
        #expect(client.firstContactDate == nil)
        #expect(client.contacts.count == 1)
        #expect(client.updatedAt == later)
        // The clock keeps running: days waiting count to today.
        #expect(client.daysWaiting(today: Fixture.today) == 50)
        // A second attempt changes no status.
        let again = try record(Fixture.contact(.attempt, "2026-01-14", by: .letter), on: client)
        #expect(again.statusHistory.count == 1)
        #expect(again.status == .contacting)
    }

    @Test func countsAttemptsInARowAndSuggestsUnableToContactAtThree() throws {
        var client = waiting
        for (day, count) in [("2026-01-12", 1), ("2026-01-15", 2)] {
            client = try record(Fixture.contact(.attempt, day, by: .phone), on: client)
            #expect(client.consecutiveFailedAttempts == count)
            #expect(!client.suggestsUnableToContact)
        }
        client = try record(Fixture.contact(.attempt, "2026-01-20", by: .text), on: client)
        #expect(client.consecutiveFailedAttempts == 3)
        #expect(client.suggestsUnableToContact)
        let closed = try client.discharged(Discharge(reason: .unableToContact, date: Fixture.date("2026-01-25")),
                                           today: Fixture.today, at: later)
        #expect(closed.consecutiveFailedAttempts == 3)
        #expect(!closed.suggestsUnableToContact)
    }

    @Test func aSuccessfulContactResetsTheCount() throws {
        let client = try record([Fixture.contact(.attempt, "2026-01-12", by: .phone),
                                 Fixture.contact(.attempt, "2026-01-13", by: .phone),
                                 Fixture.contact(.firstConversation, "2026-01-14"),
                                 Fixture.contact(.attempt, "2026-01-20", by: .phone)], on: waiting)
        #expect(client.consecutiveFailedAttempts == 1)
        let reached = try record(Fixture.contact(.checkIn, "2026-01-21"), on: client)
        #expect(reached.consecutiveFailedAttempts == 0)
    }

    @Test func theFirstSuccessfulContactMakesTheClientActiveAndFixesDaysWaited() throws {
        let tried = try record(Fixture.contact(.attempt, "2026-01-12", by: .phone), on: waiting)
        let reached = try record(Fixture.contact(.firstConversation, "2026-01-17", "16:45"), on: tried)
        #expect(reached.status == .active)
        #expect(reached.firstContactDate == Fixture.date("2026-01-17"))
        #expect(reached.statusHistory.last == StatusChange(date: Fixture.date("2026-01-17"), from: .contacting,
                                                           to: .active, note: "First contact"))
        #expect(reached.daysWaiting(today: Fixture.today) == 7)
        #expect(reached.daysWaiting(today: Fixture.today.adding(days: 30)) == 7)
        #expect(reached.currentWait(today: Fixture.today) == nil)
    }

    @Test func aWaitingClientReachedAtOnceGoesStraightToActive() throws {
        let reached = try record(Fixture.contact(.whatMatters, "2026-01-10"), on: waiting)
        #expect(reached.status == .active)
        #expect(reached.statusHistory.map(\.to) == [.active])
        #expect(reached.daysWaiting(today: Fixture.today) == 0)
    }

    @Test func laterContactsMoveNothing() throws {
        let reached = try record(Fixture.contact(.firstConversation, "2026-01-17"), on: waiting)
        let paused = try reached.changingStatus(to: .onHold, on: Fixture.date("2026-01-20"), at: later)
        let after = try record([Fixture.contact(.checkIn, "2026-01-25"), Fixture.contact(.attempt, "2026-01-26", by: .phone)],
                               on: paused)
        #expect(after.status == .onHold)
        #expect(after.statusHistory == paused.statusHistory)
        #expect(after.firstContactDate == Fixture.date("2026-01-17"))
    }

    @Test func aContactEnteredLateCanMoveTheFirstContactEarlier() throws {
        let reached = try record(Fixture.contact(.firstConversation, "2026-01-17"), on: waiting)
        let corrected = try record(Fixture.contact(.checkIn, "2026-01-15"), on: reached)
        #expect(corrected.firstContactDate == Fixture.date("2026-01-15"))
        #expect(corrected.contacts.map(\.at) == [Fixture.at("2026-01-15"), Fixture.at("2026-01-17")])
        #expect(corrected.statusHistory.count == 1)
    }

    @Test func keepsContactsInTimeOrder() throws {
        let client = try record([Fixture.contact(.checkIn, "2026-01-20", "09:00"),
                                 Fixture.contact(.checkIn, "2026-01-12", "14:00"),
                                 Fixture.contact(.checkIn, "2026-01-20", "08:00")], on: waiting)
        #expect(client.contacts.map(\.at) == [Fixture.at("2026-01-12", "14:00"), Fixture.at("2026-01-20", "08:00"),
                                              Fixture.at("2026-01-20", "09:00")])
    }

    @Test func usesTheDayInTheGivenTimeZone() throws {
        // 23:30 UTC on 16 January is already 17 January in Tokyo.
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!
        let client = try waiting.recording(Fixture.contact(.firstConversation, "2026-01-16", "23:30"),
                                           today: Fixture.today, timeZone: tokyo, at: later)
        #expect(client.firstContactDate == Fixture.date("2026-01-17"))
    }

    @Test func refusesFutureContactsEarlyContactsAndDischargedClients() throws {
        #expect(throws: WorkError.contactInFuture) {
            try record(Contact(at: later.addingTimeInterval(60), kind: .checkIn, mode: .phone), on: waiting)
        }
        #expect(throws: WorkError.contactInFuture) {
            try waiting.recording(Fixture.contact(.checkIn, "2026-02-28"), today: Fixture.date("2026-02-27"),
                                  timeZone: Fixture.utc, at: later)
        }
        #expect(throws: WorkError.contactBeforeReferral(Fixture.date("2026-01-10"))) {
            try record(Fixture.contact(.checkIn, "2026-01-09", "23:59"), on: waiting)
        }
        let closed = try waiting.discharged(Discharge(reason: .declined, date: Fixture.date("2026-02-01")),
                                            today: Fixture.today, at: later)
        #expect(throws: WorkError.clientDischarged) { try record(Fixture.contact(.checkIn, "2026-02-02"), on: closed) }
        // A contact right now is fine.
        #expect(try record(Contact(at: later, kind: .checkIn, mode: .phone), on: waiting).contacts.count == 1)
    }

    @Test func describesEachRefusal() {
        #expect(WorkError.clientDischarged.description == "This client is discharged: reopen the case first (r).")
        #expect(WorkError.contactBeforeReferral(Fixture.date("2026-01-10")).description
            == "The contact is dated before the referral on 10-Jan-2026.")
        #expect(WorkError.followUpAlreadyCompleted(on: Fixture.date("2026-02-03")).description
            == "That follow-up was already completed on 03-Feb-2026.")
    }

    // MARK: Follow-ups completed by a contact

    func withFollowUp(_ client: Client) throws -> (Client, FollowUp) {
        let followUp = FollowUp(due: Fixture.date("2026-02-10"), purpose: "Review the plan")
        return (try client.scheduling(followUp, at: later), followUp)
    }

    @Test func aContactNamingAScheduledFollowUpCompletesIt() throws {
        let (client, followUp) = try withFollowUp(try record(Fixture.contact(.firstConversation, "2026-01-15"), on: waiting))
        let contact = Fixture.contact(.review, "2026-02-11", followUp: followUp.id)
        let done = try record(contact, on: client)
        #expect(done.followUps.first?.state == .completed(contactID: contact.id, on: Fixture.date("2026-02-11")))
        #expect(done.nextFollowUp == nil)
        // The same follow-up cannot be completed twice.
        #expect(throws: WorkError.followUpAlreadyCompleted(on: Fixture.date("2026-02-11"))) {
            try record(Fixture.contact(.checkIn, "2026-02-12", followUp: followUp.id), on: done)
        }
        #expect(throws: WorkError.followUpNotFound) {
            try record(Fixture.contact(.checkIn, "2026-02-12", followUp: UUID()), on: done)
        }
    }

    @Test func aCancelledFollowUpCannotBeCompleted() throws {
        let (client, followUp) = try withFollowUp(waiting)
        let cancelled = try client.cancellingFollowUp(id: followUp.id, reason: "Moved away", on: Fixture.date("2026-02-01"), at: later)
        #expect(throws: WorkError.followUpAlreadyCancelled(on: Fixture.date("2026-02-01"))) {
            try record(Fixture.contact(.checkIn, "2026-02-12", followUp: followUp.id), on: cancelled)
        }
    }

    // MARK: Corrections

    @Test func correctingAContactKeepsStatusesButMovesTheFirstContactDay() throws {
        let attempt = Fixture.contact(.attempt, "2026-01-12", by: .phone)
        var first = Fixture.contact(.firstConversation, "2026-01-17")
        let client = try record([attempt, first], on: waiting)
        first.at = Fixture.at("2026-01-14")
        first.notes = "Typed the wrong day"
        let corrected = try client.replacingContact(first, timeZone: Fixture.utc, at: later)
        #expect(corrected.firstContactDate == Fixture.date("2026-01-14"))
        #expect(corrected.daysWaiting(today: Fixture.today) == 4)
        #expect(corrected.statusHistory == client.statusHistory)
        #expect(corrected.contacts.map(\.notes) == ["", "Typed the wrong day"])
        // Turning the attempt into a conversation moves no status either.
        var reached = attempt
        reached.kind = .checkIn
        let again = try corrected.replacingContact(reached, timeZone: Fixture.utc, at: later)
        #expect(again.status == .active)
        #expect(again.statusHistory == client.statusHistory)
        #expect(again.firstContactDate == Fixture.date("2026-01-12"))
    }

    @Test func correctingAContactChecksItLikeANewOne() throws {
        var contact = Fixture.contact(.checkIn, "2026-01-17")
        let client = try record(contact, on: waiting)
        contact.at = Fixture.at("2026-01-01")
        #expect(throws: WorkError.contactBeforeReferral(Fixture.date("2026-01-10"))) {
            try client.replacingContact(contact, timeZone: Fixture.utc, at: later)
        }
        contact.at = later.addingTimeInterval(3600)
        #expect(throws: WorkError.contactInFuture) { try client.replacingContact(contact, timeZone: Fixture.utc, at: later) }
        #expect(throws: WorkError.contactNotFound) {
            try client.replacingContact(Fixture.contact(.checkIn, "2026-01-18"), timeZone: Fixture.utc, at: later)
        }
    }

    @Test func theCompletedFollowUpFollowsTheContactsLink() throws {
        let (client, followUp) = try withFollowUp(try record(Fixture.contact(.firstConversation, "2026-01-15"), on: waiting))
        var contact = Fixture.contact(.review, "2026-02-11", followUp: followUp.id)
        let done = try record(contact, on: client)
        // Redated: completed on the new day.
        contact.at = Fixture.at("2026-02-12")
        let redated = try done.replacingContact(contact, timeZone: Fixture.utc, at: later)
        #expect(redated.followUps.first?.state == .completed(contactID: contact.id, on: Fixture.date("2026-02-12")))
        // Unlinked: scheduled again.
        contact.followUpID = nil
        let unlinked = try redated.replacingContact(contact, timeZone: Fixture.utc, at: later)
        #expect(unlinked.followUps.first?.state == .scheduled)
    }
}

@Suite struct ContactCorrectionTests {
    @Test func anAttemptCorrectedToAConversationMakesTheClientActive() throws {
        let now = Fixture.now
        let client = Fixture.client("C-0001", name: "Chloe Bennett", status: .waiting)
        let attempt = Contact(at: now.addingTimeInterval(-3600), kind: .attempt, mode: .phone, durationMinutes: nil,
                              notes: "", attemptMethod: .phone, whatMatters: nil, ons4: nil, swemwbs: nil, followUpID: nil)
        let contacting = try client.recording(attempt, today: Fixture.today, timeZone: Fixture.utc, at: now)
        #expect(contacting.status == .contacting)
        var corrected = attempt
        corrected.kind = .firstConversation
        corrected.attemptMethod = nil
        let reached = try contacting.replacingContact(corrected, timeZone: Fixture.utc, at: now)
        #expect(reached.status == .active)
        #expect(reached.firstContactDate == CalendarDate(attempt.at, in: Fixture.utc))
        #expect(reached.statusHistory.last?.note == "First contact")
    }
}
