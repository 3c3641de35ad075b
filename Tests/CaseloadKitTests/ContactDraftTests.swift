import Foundation
import Testing
@testable import CaseloadKit

@Suite struct ContactDraftTests {
    static var client: Client {
        var client = Fixture.client("C-0001", name: "Ama Owusu", referred: "2026-01-10")
        client.referral.needs = [.loneliness, .money]
        client.preferredContact = .text
        return client
    }

    /// A check-in at 09:30 on 20 February that passes every rule.
    static var valid: ContactDraft {
        var draft = ContactDraft(now: Fixture.now, timeZone: Fixture.utc, client: client)
        draft.date = "20-Feb-2026"
        draft.time = "9:30"
        draft.kind = .checkIn
        return draft
    }

    func problems(_ draft: ContactDraft) -> [ContactField: String] {
        draft.validate(today: Fixture.today, now: Fixture.now, timeZone: Fixture.utc, client: Self.client)
    }

    @Test func startsNowWithTheReferralsNeedsAndTheLikelyKind() {
        let draft = ContactDraft(now: Fixture.now, timeZone: Fixture.utc, client: Self.client)
        #expect(draft.date == "01-Mar-2026")
        #expect(draft.time == "15:00")
        #expect(draft.kind == .firstConversation)
        #expect(draft.mode == .phone)
        #expect(draft.attemptMethod == .text)
        #expect(draft.concerns == [Concern(need: .loneliness), Concern(need: .money)])
        #expect(draft.ons4 == ["", "", "", ""])
        #expect(draft.swemwbs.count == 7 && draft.swemwbs.allSatisfy(\.isEmpty))
        #expect(draft.followUpID == nil)
        #expect(problems(draft) == [:])
        var reached = Self.client
        reached.firstContactDate = Fixture.date("2026-01-12")
        #expect(ContactDraft(now: Fixture.now, timeZone: Fixture.utc, client: reached).kind == .checkIn)
    }

    @Test func checksDateAndTime() {
        var draft = Self.valid
        draft.date = ""
        draft.time = " "
        #expect(problems(draft) == [.date: "Enter the date of the contact", .time: "Enter the time, for example 14:30"])
        draft.date = "someday"
        draft.time = "25:00"
        #expect(problems(draft) == [.date: "Enter the date as a date, for example 01-Mar-2026",
                                    .time: "Enter the time as 24-hour HH:MM, for example 14:30"])
        draft.date = "02-Mar-2026"
        draft.time = "09:00"
        #expect(problems(draft) == [.date: "The contact cannot be in the future"])
        draft.date = "01-Mar-2026"
        draft.time = "15:01"
        #expect(problems(draft) == [.time: "That time is still to come today"])
        draft.time = "15:00"
        #expect(problems(draft) == [:])
        draft.date = "09-Jan-2026"
        #expect(problems(draft) == [.date: "The contact cannot be before the referral on 10-Jan-2026"])
    }

    @Test(arguments: [("", nil), ("45", nil), (" 600 ", nil), ("0", "x"), ("601", "x"), ("1.5", "x"), ("+5", "x"), ("an hour", "x")]
          as [(String, String?)])
    func checksDuration(text: String, fault: String?) {
        var draft = Self.valid
        draft.duration = text
        #expect(problems(draft)[.duration] == fault.map { _ in "Enter the duration in whole minutes, from 1 to 600" })
    }

    @Test func asksForAllOrNoneOfONS4NamingTheQuestion() throws {
        var draft = Self.valid
        draft.ons4 = ["7", "", "5", "3"]
        #expect(problems(draft)[.ons4]
            == "Answer “Overall, to what extent do you feel that the things you do in your life are worthwhile?” too (0 to 10), or leave all four blank")
        draft.ons4 = ["7", "6", "11", "3"]
        #expect(problems(draft)[.ons4] == "Answer “Overall, how happy did you feel yesterday?” with a whole number from 0 to 10")
        draft.ons4 = ["7", "6", "5", "-1"]
        #expect(problems(draft)[.ons4] == "Answer “Overall, how anxious did you feel yesterday?” with a whole number from 0 to 10")
        draft.ons4 = ["0", " 10 ", "5", "3"]
        #expect(problems(draft)[.ons4] == nil)
        #expect(try draft.build(id: UUID(), timeZone: Fixture.utc).ons4 == ONS4(satisfaction: 0, worthwhile: 10, happy: 5, anxious: 3))
    }

    @Test func asksForAllOrNoneOfSWEMWBS() throws {
        var draft = Self.valid
        draft.swemwbs = ["3", "3", "", "3", "3", "3", "3"]
        #expect(problems(draft)[.swemwbs]
            == "Answer statement 3, “I've been feeling relaxed”, too (1 to 5), or leave all seven blank")
        draft.swemwbs = ["3", "3", "3", "3", "3", "0", "3"]
        #expect(problems(draft)[.swemwbs]
            == "Answer statement 6, “I've been feeling close to other people”, with a number from 1 to 5")
        draft.swemwbs = ["1", "2", "3", "4", "5", "4", "3"]
        #expect(problems(draft)[.swemwbs] == nil)
        #expect(try draft.build(id: UUID(), timeZone: Fixture.utc).swemwbs?.rawScore == 22)
    }

    @Test func aWhatMattersConversationNeedsThePersonsWords() {
        var draft = Self.valid
        draft.kind = .whatMatters
        #expect(problems(draft) == [.whatMatters: "Write what matters to the person, in their own words"])
        draft.whatMatters = "Getting back to the allotment"
        #expect(problems(draft) == [:])
    }

    @Test func buildsAWhatMattersConversation() throws {
        var draft = Self.valid
        draft.kind = .whatMatters
        draft.mode = .homeVisit
        draft.duration = "75"
        draft.notes = "  Tea in the garden.\nTalked about Ron.  \n"
        draft.whatMatters = " Seeing my grandchildren — 孫 — more 😊 "
        draft.strengths = "Knits; daughter nearby"
        draft.concerns = [Concern(need: .loneliness, note: " Alone most days "), Concern(need: .money),
                          Concern(need: .loneliness, note: "duplicate")]
        draft.risks = "None"
        draft.nextSteps = "Try the lunch club"
        let id = UUID()
        let contact = try draft.build(id: id, timeZone: Fixture.utc)
        #expect(contact.id == id)
        #expect(contact.at == Fixture.at("2026-02-20", "09:30"))
        #expect(contact.mode == .homeVisit)
        #expect(contact.durationMinutes == 75)
        #expect(contact.notes == "Tea in the garden.\nTalked about Ron.")
        #expect(contact.attemptMethod == nil)
        #expect(contact.ons4 == nil && contact.swemwbs == nil)
        #expect(contact.whatMatters == WhatMatters(
            whatMatters: "Seeing my grandchildren — 孫 — more 😊", strengths: "Knits; daughter nearby",
            concerns: [Concern(need: .loneliness, note: "Alone most days"), Concern(need: .money, note: "")],
            risks: "None", nextSteps: "Try the lunch club"))
        // Editing shows the same contact again.
        #expect(try ContactDraft(contact: contact, timeZone: Fixture.utc).build(id: id, timeZone: Fixture.utc) == contact)
    }

    @Test func keepsOnlyWhatBelongsToTheKind() throws {
        var draft = Self.valid
        draft.whatMatters = "Typed before changing the kind"
        draft.kind = .attempt
        draft.attemptMethod = .letter
        let attempt = try draft.build(id: UUID(), timeZone: Fixture.utc)
        #expect(attempt.attemptMethod == .letter)
        #expect(attempt.whatMatters == nil)
        draft.kind = .review
        #expect(try draft.build(id: UUID(), timeZone: Fixture.utc).attemptMethod == nil)
    }

    @Test func readsTimesInTheGivenZoneAndRoundTripsAContact() throws {
        var draft = Self.valid
        draft.followUpID = UUID()
        let london = TimeZone(identifier: "Europe/London")!
        draft.date = "2026-07-01"
        draft.time = "09:30"
        let summer = try draft.build(id: UUID(), timeZone: london)
        #expect(summer.at == Fixture.at("2026-07-01", "08:30"))
        #expect(summer.followUpID == draft.followUpID)
        let again = ContactDraft(contact: summer, timeZone: london)
        #expect(again.date == "01-Jul-2026" && again.time == "09:30")
    }

    @Test func refusesToBuildWhatDoesNotRead() {
        var draft = Self.valid
        draft.time = "half nine"
        #expect(throws: ContactDraft.Problems(messages: [.time: "Enter the time as 24-hour HH:MM, for example 14:30"])) {
            try draft.build(id: UUID(), timeZone: Fixture.utc)
        }
        #expect(ContactDraft.Problems(messages: [.time: "A", .date: "B"]).description == "B; A")
    }

    @Test func survivesARecoveryFile() throws {
        var draft = Self.valid
        draft.notes = "Half-typed note"
        draft.ons4 = ["7", "", "", ""]
        let data = try JSONEncoder().encode(draft)
        #expect(try JSONDecoder().decode(ContactDraft.self, from: data) == draft)
    }

    @Test func labelsEveryField() {
        #expect(ContactField.allCases.count == 14)
        #expect(Set(ContactField.allCases.map(\.label)).count == 14)
        #expect(ContactField.whatMatters.rawValue == "whatMatters")
    }
}
