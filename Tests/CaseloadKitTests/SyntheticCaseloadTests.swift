import Foundation
import Testing
@testable import CaseloadKit

@Suite struct SyntheticCaseloadTests {
    static let assets = DemoDirectory.make(today: Fixture.today, now: Fixture.now)
    static let caseload = SyntheticCaseload(seed: 1, today: Fixture.today, now: Fixture.now, assets: assets)
    static let clients = Array(caseload.clients(count: 300))

    var clients: [Client] { Self.clients }
    var reached: [Client] { clients.filter { $0.firstContactDate != nil } }

    @Test func isTheSameForTheSameSeedAndNumber() {
        let again = SyntheticCaseload(seed: 1, today: Fixture.today, now: Fixture.now, assets: Self.assets)
        #expect(again.client(number: 42) == clients[41])
        #expect(again.client(number: 300) == clients[299])
        let otherSeed = SyntheticCaseload(seed: 2, today: Fixture.today, now: Fixture.now, assets: Self.assets)
        #expect(otherSeed.client(number: 42) != clients[41])
    }

    @Test func referencesRunFromC0001AndIdsAreUnique() {
        #expect(clients.map(\.reference) == (1...300).map(ClientReference.make))
        #expect(Set(clients.map(\.id)).count == clients.count)
        #expect(Self.caseload.client(number: 123_456).reference == "C-123456")
    }

    @Test func nhsNumbersAreValidUniqueTestNumbers() throws {
        let numbers = clients.compactMap(\.nhsNumber)
        #expect(numbers.count >= clients.count * 4 / 5, "about one in eleven has none")
        #expect(Set(numbers).count == numbers.count)
        for number in numbers {
            #expect(number.isTestNumber)
            #expect(try NHSNumber(number.digits) == number)
        }
    }

    @Test func nhsNumbersNeverRepeatAcrossAMillion() {
        var seen = [Bool](repeating: false, count: SyntheticCaseload.maximumCount)
        for number in 1...SyntheticCaseload.maximumCount { seen[Self.caseload.middleDigits(for: number)] = true }
        #expect(seen.allSatisfy { $0 }, "every client a different place in the shuffle")
        for number in 1...50 {
            guard let nhs = Self.caseload.nhsNumber(for: number) else { continue }
            #expect(Int(nhs.digits.dropFirst(3).prefix(6)) == Self.caseload.middleDigits(for: number))
        }
    }

    @Test func statusesAreARealisticMix() {
        let counts = Dictionary(grouping: clients, by: \.status).mapValues(\.count)
        #expect(Set(counts.keys) == Set(ClientStatus.allCases))
        #expect(counts[.active, default: 0] > counts[.waiting, default: 0])
        #expect(counts[.discharged, default: 0] > clients.count / 4)
        #expect(Set(clients.compactMap(\.discharge?.reason)).count >= 5)
        #expect(clients.filter(\.hasRisk).count >= 15)
        #expect(clients.filter(\.discussInSupervision).count >= 10)
    }

    @Test func reachedClientsHaveFullHistories() {
        #expect(reached.count > clients.count * 3 / 4)
        for client in reached {
            #expect(SyntheticCaseload.reachedContactCounts.contains(client.contacts.count), "\(client.reference)")
            #expect((1...4).contains(client.goals.count), "\(client.reference)")
            #expect(client.goals.allSatisfy { !$0.steps.isEmpty }, "\(client.reference)")
            #expect(client.contacts.contains { $0.whatMatters != nil }, "\(client.reference)")
        }
        let measured = reached.filter { client in client.contacts.contains { $0.ons4 != nil || $0.swemwbs != nil } }
        #expect(measured.count > reached.count * 3 / 4)
        #expect(reached.contains { client in client.contacts.filter { $0.ons4 != nil }.count >= 2 }, "measured again")
    }

    @Test func notYetReachedClientsHaveOnlyAttempts() {
        for client in clients where client.firstContactDate == nil {
            #expect(client.contacts.allSatisfy { $0.kind == .attempt }, "\(client.reference)")
            #expect(client.goals.isEmpty && client.connections.isEmpty, "\(client.reference)")
            #expect(client.status != .waiting || client.contacts.isEmpty, "\(client.reference)")
        }
    }

    @Test func everyNoteIsTwoHundredToTwoThousandCharacters() {
        let notes = clients.flatMap(\.contacts).map(\.notes)
        for note in notes {
            #expect(SyntheticCaseload.noteLengths.contains(note.count), "\(note.count): \(note)")
        }
        #expect(notes.contains { $0.count > 1_500 }, "some notes are long")
    }

    @Test func notesAreMostlyEnglishWithOtherScriptsAndEmoji() {
        let notes = clients.flatMap(\.contacts).map(\.notes)
        let scalars = notes.joined().unicodeScalars
        #expect(scalars.filter(\.isASCII).count > scalars.count * 9 / 10)
        #expect(scalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "Chinese")
        #expect(scalars.contains { (0x0600...0x06FF).contains($0.value) }, "Urdu or Arabic")
        #expect(scalars.contains { $0.properties.isEmojiPresentation }, "emoji")
        let text = notes.joined(separator: "\n")
        for word in ["Wrocław", "Gülşen", "Cymraeg", "Diolch"] {
            #expect(text.contains(word), "\(word)")
        }
    }

    @Test func connectionsPointAtOpenAssetsOfTheDirectory() {
        let byID = Dictionary(uniqueKeysWithValues: Self.assets.map { ($0.id, $0) })
        let connections = clients.flatMap(\.connections)
        #expect(connections.count > clients.count / 3)
        for connection in connections {
            let asset = byID[connection.assetID]
            #expect(asset?.name == connection.assetName)
            #expect(asset.map { !$0.isRetired && !$0.capacity.warnsBeforeConnecting } == true)
        }
        for client in clients where client.status == .discharged {
            #expect(client.connections.allSatisfy { [.attended, .didNotAttend, .declined, .stopped].contains($0.state) })
        }
    }

    @Test func historiesFollowTheRules() {
        for client in clients {
            var status = ClientStatus.waiting
            var date = client.referral.date
            for change in client.statusHistory {
                #expect(change.from == status && change.date >= date && change.date < Fixture.today, "\(client.reference)")
                status = change.to
                date = change.date
            }
            #expect(status == client.status, "\(client.reference)")
            #expect((client.status == .discharged) == (client.discharge != nil), "\(client.reference)")
            let firstReached = client.contacts.first { $0.kind.isSuccessful }.map { CalendarDate($0.at, in: Fixture.utc) }
            #expect(firstReached == client.firstContactDate, "\(client.reference)")
            #expect(client.contacts.map(\.at) == client.contacts.map(\.at).sorted())
            #expect(client.createdAt <= (client.contacts.first?.at ?? client.updatedAt))
            #expect(client.updatedAt <= Fixture.now && client.updatedAt >= (client.contacts.last?.at ?? client.createdAt))
            let scheduled = client.followUps.filter(\.isScheduled)
            #expect(scheduled.count == (client.status == .waiting || client.status == .discharged ? 0 : 1), "\(client.reference)")
            for followUp in client.followUps {
                guard case .completed(let contactID, let on) = followUp.state else { continue }
                let contact = client.contacts.first { $0.id == contactID }
                #expect(contact?.followUpID == followUp.id && contact.map { CalendarDate($0.at, in: Fixture.utc) } == on)
            }
        }
        let scheduled = clients.flatMap(\.followUps).filter(\.isScheduled)
        #expect(scheduled.contains { $0.isOverdue(today: Fixture.today) })
        #expect(scheduled.contains { $0.due > Fixture.today })
        #expect(clients.flatMap(\.followUps).contains { if case .cancelled = $0.state { true } else { false } })
    }

    /// What the forms would say if each part were typed in by hand: nothing.
    @Test func passesTheFormsValidation() {
        for client in clients {
            #expect(ClientDraft(client: client).validate(today: Fixture.today, editing: client).isEmpty, "\(client.reference)")
            for contact in client.contacts {
                let problems = ContactDraft(contact: contact, timeZone: Fixture.utc)
                    .validate(today: Fixture.today, now: Fixture.now, timeZone: Fixture.utc, client: client)
                #expect(problems.isEmpty, "\(client.reference): \(problems)")
            }
            for followUp in client.followUps {
                #expect(FollowUpDraft(followUp: followUp).validate(today: Fixture.today, client: client).isEmpty, "\(client.reference)")
            }
            for step in client.goals.flatMap(\.steps) { #expect(StepDraft(step: step).validate().isEmpty) }
            for event in client.connections.flatMap(\.history) {
                let draft = ConnectionDraft(state: event.state, date: event.date, note: event.note)
                #expect(draft.validate(today: Fixture.today, client: client, connectionID: nil).isEmpty, "\(client.reference)")
            }
        }
    }
}
