import Foundation
import Testing
@testable import CaseloadKit

/// The work in the demo caseload must be what the rules would have produced.
@Suite struct DemoWorkTests {
    static let seeds: [UInt64] = [1, 42, 2026, UInt64.max]

    static func demo(_ seed: UInt64 = 42) -> [Client] {
        DemoCaseload.make(today: Fixture.today, now: Fixture.now, seed: seed)
    }

    func day(_ instant: Date) -> CalendarDate { CalendarDate(instant, in: Fixture.utc) }

    @Test(arguments: seeds)
    func contactsFitEachTimeline(seed: UInt64) {
        for client in Self.demo(seed) {
            let ref = client.reference
            let contacts = client.contacts
            #expect(contacts.map(\.at) == contacts.map(\.at).sorted(), "\(ref)")
            #expect(Set(contacts.map(\.id)).count == contacts.count, "\(ref)")
            for contact in contacts {
                #expect(day(contact.at) >= client.referral.date && contact.at <= Fixture.now, "\(ref)")
                if let discharged = client.discharge?.date { #expect(day(contact.at) <= discharged, "\(ref)") }
                #expect((contact.attemptMethod != nil) == (contact.kind == .attempt), "\(ref)")
                #expect((contact.whatMatters != nil) == (contact.kind == .whatMatters), "\(ref)")
            }
            #expect(client.firstContactDate == contacts.first(where: \.kind.isSuccessful).map { day($0.at) }, "\(ref)")
            switch client.status {
            case .waiting:
                #expect(contacts.isEmpty, "\(ref)")
            case .contacting:
                #expect(!contacts.isEmpty && contacts.allSatisfy { $0.kind == .attempt }, "\(ref)")
                #expect(client.statusHistory.first?.date == contacts.first.map { day($0.at) }, "\(ref)")
            case .active, .onHold, .discharged:
                if client.firstContactDate != nil { #expect((2...8).contains(contacts.count), "\(ref)") }
            }
            if let hold = client.statusHistory.first(where: { $0.to == .onHold })?.date {
                #expect(contacts.allSatisfy { day($0.at) <= hold }, "\(ref)")
            }
            #expect(client.updatedAt >= (contacts.last?.at ?? client.createdAt) && client.updatedAt <= Fixture.now, "\(ref)")
        }
    }

    /// Early in the morning, contacts planned for today must still fall before now and on today.
    @Test(arguments: [("Europe/London", 0.5), ("Asia/Tokyo", 8.0), ("America/New_York", 23.9)])
    func keepsToTheDayInOtherZonesAndAtOddHours(zone: String, hours: Double) {
        let timeZone = TimeZone(identifier: zone)!
        let today = Fixture.date("2026-07-15")
        let now = DateStyle.instant(today, hour: 0, minute: 0, in: timeZone).addingTimeInterval(hours * 3600)
        for client in DemoCaseload.make(today: today, now: now, seed: 7, timeZone: timeZone) {
            let days = client.contacts.map { CalendarDate($0.at, in: timeZone) }
            #expect(client.contacts.allSatisfy { $0.at <= now }, "\(client.reference)")
            #expect(days.allSatisfy { $0 >= client.referral.date && $0 <= today }, "\(client.reference)")
            #expect(client.firstContactDate
                == zip(client.contacts, days).first(where: { $0.0.kind.isSuccessful })?.1, "\(client.reference)")
        }
    }

    @Test(arguments: seeds)
    func followUpsAreLinkedBothWays(seed: UInt64) {
        for client in Self.demo(seed) {
            let ref = client.reference
            let contacts = Dictionary(uniqueKeysWithValues: client.contacts.map { ($0.id, $0) })
            for followUp in client.followUps {
                #expect(followUp.due >= client.referral.date, "\(ref)")
                #expect(followUp.previousDueDates.allSatisfy { $0 < followUp.due }, "\(ref)")
                switch followUp.state {
                case .scheduled:
                    #expect(client.status != .discharged, "\(ref)")
                    #expect(client.contacts.allSatisfy { day($0.at) <= followUp.due }, "\(ref)")
                case .completed(let contactID, let on):
                    #expect(contacts[contactID]?.followUpID == followUp.id, "\(ref)")
                    #expect(contacts[contactID].map { day($0.at) } == on, "\(ref)")
                case .cancelled(let reason, let on):
                    #expect(!reason.isEmpty && on <= followUp.due && on <= Fixture.today, "\(ref)")
                }
            }
            for contact in client.contacts {
                guard let id = contact.followUpID else { continue }
                #expect(client.followUps.first { $0.id == id }?.state == .completed(contactID: contact.id, on: day(contact.at)), "\(ref)")
            }
            #expect(client.followUps.filter(\.isScheduled).count <= 1, "\(ref)")
        }
    }

    @Test(arguments: seeds)
    func showsEverySituationWhateverTheSeed(seed: UInt64) {
        let clients = Self.demo(seed)
        let agenda = Agenda.make(clients: clients, today: Fixture.today)
        #expect(agenda.overdue.count >= 3)
        #expect(agenda.today.count >= 2)
        #expect(agenda.nextSevenDays.count >= 3)
        #expect(agenda.waiting.count == 15)
        let followUps = clients.flatMap(\.followUps)
        #expect(followUps.contains { if case .completed = $0.state { true } else { false } })
        #expect(followUps.contains { if case .cancelled = $0.state { true } else { false } })
        #expect(followUps.contains { !$0.previousDueDates.isEmpty })
        #expect(clients.filter(\.suggestsUnableToContact).count >= 3)
        #expect(clients.filter { $0.status == .active }.allSatisfy { $0.nextFollowUp != nil })

        let kinds = Set(clients.flatMap(\.contacts).map(\.kind))
        #expect(kinds.isSuperset(of: [.attempt, .firstConversation, .whatMatters, .checkIn, .review, .accompaniedVisit]))
        let reachedFirstTry = clients.filter { $0.firstContactDate != nil && $0.contacts.first?.kind == .attempt }
        #expect(!reachedFirstTry.isEmpty)
    }

    @Test(arguments: seeds)
    func measuresAboutHalfOfThoseHeardAndShowsChange(seed: UInt64) {
        let clients = Self.demo(seed)
        let heard = clients.filter { $0.contacts.contains { $0.kind == .whatMatters } }
        let measured = heard.filter { !$0.ons4Summary().isEmpty }
        #expect(measured.count * 4 >= heard.count && measured.count * 4 <= heard.count * 3)
        #expect(measured.contains { ($0.swemwbsSummary()?.count ?? 0) >= 2 && $0.swemwbsSummary()?.change != 0 })
        #expect(measured.contains { ($0.ons4Summary()[.anxious]?.count ?? 0) >= 2 })
    }

    @Test(arguments: seeds)
    func activePeopleHavePlansWithMixedProgress(seed: UInt64) {
        let clients = Self.demo(seed)
        let planned = clients.filter { $0.status == .active && !$0.goals.isEmpty }
        #expect(planned.count >= clients.filter { $0.status == .active }.count / 2)
        for client in clients {
            #expect(client.goals.count <= 3, "\(client.reference)")
            for goal in client.goals {
                #expect((1...4).contains(goal.steps.count) && !goal.text.isEmpty, "\(client.reference)")
                #expect(goal.steps.allSatisfy { $0.owner != .someoneElse || !$0.ownerName.isEmpty }, "\(client.reference)")
            }
        }
        let statuses = Set(planned.flatMap(\.goals).flatMap(\.steps).map(\.status))
        #expect(statuses == Set(StepStatus.allCases))
    }

    @Test func whatMattersIsInThePersonsOwnWords() throws {
        let conversations = Self.demo().flatMap(\.contacts).compactMap(\.whatMatters)
        #expect(!conversations.isEmpty)
        for conversation in conversations {
            #expect(conversation.whatMatters.hasPrefix("I") || conversation.whatMatters.hasPrefix("Since")
                    || conversation.whatMatters.hasPrefix("If") || conversation.whatMatters.hasPrefix("Honestly"))
            #expect(!conversation.strengths.isEmpty && !conversation.concerns.isEmpty && !conversation.nextSteps.isEmpty)
        }
    }

    @Test(arguments: seeds)
    func replaysThroughTheRules(seed: UInt64) throws {
        // Recording each contact on the client as referred, with its follow-ups booked, gives the
        // same statuses, history, first-contact day and follow-ups.
        for client in Self.demo(seed) where client.status == .contacting || client.status == .active {
            var replayed = client
            replayed.contacts = []
            replayed.statusHistory = []
            replayed.status = .waiting
            replayed.firstContactDate = nil
            replayed.followUps = client.followUps.map { followUp in
                guard case .completed = followUp.state else { return followUp }
                var booked = followUp
                booked.state = .scheduled
                return booked
            }
            for contact in client.contacts {
                replayed = try replayed.recording(contact, today: Fixture.today, timeZone: Fixture.utc, at: Fixture.now)
            }
            #expect(replayed.status == client.status, "\(client.reference)")
            #expect(replayed.firstContactDate == client.firstContactDate, "\(client.reference)")
            #expect(replayed.statusHistory == client.statusHistory, "\(client.reference)")
            #expect(replayed.followUps == client.followUps, "\(client.reference)")
        }
    }
}
