import Foundation
import Testing
@testable import CaseloadKit

@Suite struct DemoCaseloadTests {
    let clients = DemoCaseload.make(today: Fixture.today, now: Fixture.now)

    @Test func isTheSameForTheSameSeed() {
        #expect(DemoCaseload.make(today: Fixture.today, now: Fixture.now, seed: 42) == clients)
        #expect(DemoCaseload.make(today: Fixture.today, now: Fixture.now, seed: 7)
            == DemoCaseload.make(today: Fixture.today, now: Fixture.now, seed: 7))
        #expect(DemoCaseload.make(today: Fixture.today, now: Fixture.now, seed: 7) != clients)
    }

    @Test func hasAboutSixtyUniqueClients() {
        #expect((55...65).contains(clients.count))
        #expect(Set(clients.map(\.id)).count == clients.count)
        #expect(Set(clients.map(\.name)).count == clients.count)
    }

    @Test(arguments: [1, 42, 2026, UInt64.max])
    func showsEveryStatusPracticeAndTraitWhateverTheSeed(seed: UInt64) {
        let clients = DemoCaseload.make(today: Fixture.today, now: Fixture.now, seed: seed)
        #expect(Set(clients.map(\.status)) == Set(ClientStatus.allCases))
        #expect(Set(clients.map(\.practice)) == Set(DemoCaseload.practices))
        #expect(DemoCaseload.practices.count == 3)
        #expect(Set(clients.compactMap(\.discharge?.reason)).count >= 5)
        #expect(clients.contains { $0.discharge?.reason == .unableToContact })
        #expect(clients.filter(\.hasRisk).count >= 5)
        #expect(clients.contains { $0.discussInSupervision })
        #expect(clients.contains { $0.nhsNumber == nil })
        #expect(clients.contains { $0.preferredName != nil })
    }

    @Test func includesNamesFromManyScriptsButNoRightToLeft() {
        let names = Set(clients.map(\.name))
        for expected in ["陈伟", "王芳", "Мария Иванова", "Łukasz Nowak", "Zoë Whitfield", "Siobhán Murphy", "Ayşe Yılmaz"] {
            #expect(names.contains(expected), "\(expected)")
        }
        let scalars = clients.flatMap { $0.name.unicodeScalars }
        #expect(scalars.contains { (0x4E00...0x9FFF).contains($0.value) })  // CJK
        #expect(scalars.contains { (0x0400...0x04FF).contains($0.value) })  // Cyrillic
        #expect(!scalars.contains { (0x0590...0x08FF).contains($0.value) })  // Hebrew, Arabic
        #expect(!scalars.contains { $0.properties.isEmojiPresentation })
    }

    @Test func usesOnlyValidTestNHSNumbers() throws {
        let numbers = clients.compactMap(\.nhsNumber)
        #expect(numbers.count >= clients.count * 3 / 4)
        #expect(Set(numbers).count == numbers.count)
        for number in numbers {
            #expect(number.isTestNumber)
            #expect(try NHSNumber(number.digits) == number)
        }
    }

    @Test func usesDramaPhoneNumbersAndExampleEmails() {
        let phones = clients.compactMap(\.phone)
        #expect(!phones.isEmpty && phones.count < clients.count)
        #expect(Set(phones).count == phones.count)
        for phone in phones {
            #expect(phone.hasPrefix("07700 900") && phone.count == 12 && phone.dropFirst(9).allSatisfy(\.isWholeNumber), "\(phone)")
        }
        let emails = clients.compactMap(\.email)
        #expect(!emails.isEmpty)
        #expect(emails.allSatisfy { $0.hasSuffix("@example.org") })
        #expect(clients.allSatisfy { $0.address?.isEmpty == false })
    }

    @Test func numbersReferencesInReferralOrder() {
        #expect(clients.map(\.reference) == (1...clients.count).map(ClientReference.make))
        #expect(clients.map(\.referral.date) == clients.map(\.referral.date).sorted())
    }

    @Test func datesFallWithinTheLastSixMonths() {
        let earliest = Fixture.today.adding(days: -DemoCaseload.referralWindowDays)
        for client in clients {
            #expect((earliest...Fixture.today).contains(client.referral.date), "\(client.reference)")
            if let birth = client.dateOfBirth {
                #expect((18...92).contains(birth.age(on: Fixture.today)), "\(client.reference)")
            }
            #expect(client.createdAt <= client.updatedAt && client.updatedAt <= Fixture.now, "\(client.reference)")
            #expect(CalendarDate(client.createdAt, in: TimeZone(identifier: "UTC")!) == client.referral.date)
        }
    }

    @Test func referralsHaveReasonsAndOneToThreeNeeds() {
        for client in clients {
            #expect(!client.referral.reason.isEmpty)
            #expect((1...3).contains(client.referral.needs.count), "\(client.reference)")
            #expect(!client.referral.referrerName.isEmpty)
        }
        #expect(Set(clients.map(\.referral.referrerRole)).count >= 5)
    }

    @Test func historiesTellAConsistentStory() {
        for client in clients {
            let history = client.statusHistory
            // A chain of changes from the waiting list to the current status.
            var status = ClientStatus.waiting
            var date = client.referral.date
            for change in history {
                #expect(change.from == status, "\(client.reference)")
                #expect(change.date >= date && change.date <= Fixture.today, "\(client.reference)")
                status = change.to
                date = change.date
            }
            #expect(status == client.status, "\(client.reference)")

            switch client.status {
            case .waiting, .contacting:
                #expect(client.firstContactDate == nil, "\(client.reference)")
                #expect(client.daysWaiting(today: Fixture.today) != nil)
            case .active, .onHold:
                let first = client.firstContactDate
                #expect(first.map { $0 >= client.referral.date && $0 <= Fixture.today } == true, "\(client.reference)")
            case .discharged:
                let discharge = client.discharge
                #expect(discharge?.date == history.last?.date, "\(client.reference)")
                #expect(history.last?.note == discharge?.reason.label)
                #expect((client.firstContactDate == nil) == (discharge?.reason == .unableToContact), "\(client.reference)")
            }
            if client.status != .discharged { #expect(client.discharge == nil) }
        }
    }

    @Test func followsTheGivenToday() {
        let otherToday = Fixture.date("2030-07-15")
        let later = DemoCaseload.make(today: otherToday, now: Date(timeIntervalSince1970: TimeInterval(otherToday.dayNumber * 86_400 + 43_200)))
        #expect(later.allSatisfy { $0.referral.date <= otherToday && $0.referral.date >= otherToday.adding(days: -182) })
    }
}
