import Foundation
import Testing
@testable import CaseloadKit

@Suite struct FollowUpDraftTests {
    static let client = Fixture.client("C-0001", name: "Ama Owusu", status: .active, referred: "2026-01-10",
                                       firstContact: "2026-01-12")

    @Test func startsAWeekAheadAndNeedsAPurpose() {
        var draft = FollowUpDraft(today: Fixture.today)
        #expect(draft.due == "08-Mar-2026")
        #expect(draft.time == "")
        #expect(draft.mode == .phone)
        #expect(draft.validate(today: Fixture.today, client: Self.client) == [.purpose: "Say what the follow-up is for"])
        draft.purpose = "Review the plan"
        #expect(draft.validate(today: Fixture.today, client: Self.client) == [:])
    }

    @Test func checksTheDueDateAndTime() {
        var draft = FollowUpDraft(today: Fixture.today)
        draft.purpose = "Check in"
        func problems() -> [FollowUpField: String] { draft.validate(today: Fixture.today, client: Self.client) }
        draft.due = ""
        #expect(problems() == [.due: "Enter the day it is due"])
        draft.due = "next week"
        #expect(problems() == [.due: "Enter the due date as a date, for example 08-Mar-2026"])
        draft.due = "28-Feb-2026"
        #expect(problems() == [.due: "That day has passed: choose today or later"])
        draft.due = "01-Mar-2026"
        draft.time = "9.30"
        #expect(problems() == [.time: "Enter the time as 24-hour HH:MM, for example 10:00, or leave it blank"])
        draft.time = "9:30"
        #expect(problems() == [:])
    }

    @Test func anOverdueFollowUpMayKeepItsDayWhenEdited() throws {
        let overdue = FollowUp(due: Fixture.date("2026-02-20"), time: "10:00", purpose: "Check in", mode: .video)
        var draft = FollowUpDraft(followUp: overdue)
        #expect(draft.due == "20-Feb-2026" && draft.time == "10:00" && draft.purpose == "Check in" && draft.mode == .video)
        #expect(draft.validate(today: Fixture.today, client: Self.client) == [:])
        draft.due = "21-Feb-2026"
        #expect(draft.validate(today: Fixture.today, client: Self.client) == [.due: "That day has passed: choose today or later"])
        draft.due = "2026-01-09"
        #expect(draft.validate(today: Fixture.today, client: Self.client)
            == [.due: "A follow-up cannot be due before the referral on 10-Jan-2026"])
    }

    @Test func buildsAScheduledFollowUpWithANormalTime() throws {
        var draft = FollowUpDraft(today: Fixture.today)
        draft.due = "2026-03-04"
        draft.time = " 9:05 "
        draft.purpose = "  Go together to the lunch club "
        draft.mode = .communityVenue
        let id = UUID()
        #expect(try draft.build(id: id) == FollowUp(id: id, due: Fixture.date("2026-03-04"), time: "09:05",
                                                    purpose: "Go together to the lunch club", mode: .communityVenue))
        draft.time = ""
        #expect(try draft.build(id: id).time == nil)
        draft.purpose = ""
        #expect(throws: FollowUpDraft.Problems(messages: [.purpose: "Say what the follow-up is for"])) { try draft.build(id: id) }
        let data = try JSONEncoder().encode(draft)
        #expect(try JSONDecoder().decode(FollowUpDraft.self, from: data) == draft)
    }
}

@Suite struct StepDraftTests {
    @Test func needsWhatAndWhoForSomeoneElse() {
        var draft = StepDraft()
        #expect(draft.validate() == [.what: "Say what the step is"])
        draft.what = "Ring the lunch club"
        #expect(draft.validate() == [:])
        draft.owner = .someoneElse
        #expect(draft.validate() == [.ownerName: "Say who will do it"])
        draft.ownerName = "Daughter (Sam)"
        draft.due = "soon"
        #expect(draft.validate() == [.due: "Enter the due date as a date, for example 05-Dec-2026, or leave it blank"])
        draft.due = "05-Mar-2026"
        #expect(draft.validate() == [:])
    }

    @Test func buildsAStepAndEditsItAgain() throws {
        var draft = StepDraft()
        draft.what = " Go to the walking group "
        draft.owner = .person
        draft.ownerName = "left over from someone else"
        draft.due = "2026-02-01"
        draft.status = .doing
        draft.note = " Saturdays, 10:00 "
        let id = UUID()
        let step = try draft.build(id: id)
        #expect(step == PlanStep(id: id, what: "Go to the walking group", owner: .person, ownerName: "",
                                 due: Fixture.date("2026-02-01"), status: .doing, note: "Saturdays, 10:00"))
        #expect(try StepDraft(step: step).build(id: id) == step)
        #expect(StepDraft(step: step).due == "01-Feb-2026")
        draft.what = ""
        #expect(throws: StepDraft.Problems.self) { try draft.build(id: id) }
    }
}

@Suite struct TimeOfDayTests {
    @Test(arguments: [("14:30", "14:30"), ("9:05", "09:05"), (" 00:00 ", "00:00"), ("23:59", "23:59")])
    func readsTwentyFourHourTimes(text: String, shown: String) throws {
        let time = try #require(DateStyle.parseTime(text))
        #expect(DateStyle.time(hour: time.hour, minute: time.minute) == shown)
    }

    @Test(arguments: ["24:00", "12:60", "9:5", "930", "9.30", "", "+9:30", "１２:３０", "12:30pm"])
    func refusesAnythingElse(text: String) {
        #expect(DateStyle.parseTime(text) == nil)
    }

    @Test func showsTheTimeInAZone() {
        #expect(DateStyle.time(Fixture.at("2026-07-01", "08:30"), in: TimeZone(identifier: "Europe/London")!) == "09:30")
    }
}
