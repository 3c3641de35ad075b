import Foundation
import Testing
@testable import CaseloadKit

@Suite struct ClientDraftTests {
    /// A draft that passes every rule; tests break one field at a time.
    static var valid: ClientDraft {
        var draft = ClientDraft(referralDate: Fixture.date("2026-02-10"), practice: "Hillview Surgery")
        draft.name = "  Zoë Whitfield "
        draft.consent = true
        return draft
    }

    @Test func labelsFieldsForTheForm() {
        #expect(DraftField.allCases.map(\.label) == [
            "Name", "Preferred name", "Date of birth", "NHS number", "Phone", "Email", "Address",
            "Preferred contact", "GP practice", "Referral date", "Referrer name", "Referrer role",
            "Reason for referral", "Needs", "Consent to contact", "Share with referrer",
            "Risk / safeguarding note", "Discuss in supervision",
        ])
        #expect(DraftField.allCases.filter(\.isRequired) == [.name, .practice, .referralDate, .consent])
    }

    @Test func blankFormAsksForTheRequiredFields() {
        #expect(ClientDraft().validate(today: Fixture.today) == [
            .name: "Enter the person's name",
            .practice: "Enter the GP practice",
            .referralDate: "Enter the referral date",
            .consent: "Say whether the person agreed to be contacted",
        ])
    }

    @Test func validDraftHasNoMessages() {
        #expect(Self.valid.validate(today: Fixture.today) == [:])
    }

    @Test func whitespaceOnlyCountsAsEmpty() {
        var draft = Self.valid
        draft.name = " \n "
        draft.practice = "\t"
        #expect(Set(draft.validate(today: Fixture.today).keys) == [.name, .practice])
    }

    @Test(arguments: [
        ("23-Mar-1958", nil),
        ("2026-03-01", nil),
        ("02-Mar-2026", "Date of birth cannot be in the future"),
        ("31-Dec-1899", "Date of birth cannot be before 1900"),
        ("30/02/1960", "Enter the date of birth as a date, for example 23-Mar-1958"),
        ("last spring", "Enter the date of birth as a date, for example 23-Mar-1958"),
    ] as [(String, String?)])
    func checksDateOfBirth(text: String, message: String?) {
        var draft = Self.valid
        draft.dateOfBirth = text
        draft.referralDate = "2026-03-01"
        #expect(draft.validate(today: Fixture.today)[.dateOfBirth] == message)
    }

    @Test(arguments: [
        ("943 476 5919", nil),
        ("9434765919", nil),
        ("943 476 5918", "NHS number check digit does not match"),
        ("943 476 591", "NHS number must have 10 digits (found 9)"),
        ("943 476 591X", "NHS number must contain only digits and spaces"),
        ("1234567890", "NHS number is not valid (its first nine digits cannot have a check digit)"),
    ] as [(String, String?)])
    func checksNHSNumber(text: String, message: String?) {
        var draft = Self.valid
        draft.nhsNumber = text
        #expect(draft.validate(today: Fixture.today)[.nhsNumber] == message)
    }

    @Test(arguments: [
        ("07700 900123", nil),
        ("+44 (0)7700 900123", nil),
        ("07700-900-123", nil),
        ("07700 900123 ext 4", "Phone can contain only digits, spaces and + ( ) -"),
        ("07700.900123", "Phone can contain only digits, spaces and + ( ) -"),
        ("+()", "Enter a phone number with digits"),
    ] as [(String, String?)])
    func checksPhone(text: String, message: String?) {
        var draft = Self.valid
        draft.phone = text
        #expect(draft.validate(today: Fixture.today)[.phone] == message)
    }

    @Test(arguments: [
        ("zoe@example.org", true), ("zoe.whitfield+gp@mail.example.org", true), (" zoe@example.org ", true),
        ("zoe", false), ("zoe@", false), ("@example.org", false), ("zoe@example", false),
        ("zoe@@example.org", false), ("zoe w@example.org", false), ("zoe@example..org", false),
    ])
    func checksEmail(text: String, valid: Bool) {
        var draft = Self.valid
        draft.email = text
        #expect(draft.validate(today: Fixture.today)[.email] == (valid ? nil : "Enter an email address like name@example.org"))
    }

    @Test func checksReferralDate() {
        var draft = Self.valid
        draft.referralDate = "02-Mar-2026"
        #expect(draft.validate(today: Fixture.today)[.referralDate] == "Referral date cannot be in the future")
        draft.referralDate = "someday"
        #expect(draft.validate(today: Fixture.today)[.referralDate]
            == "Enter the referral date as a date, for example 01-Mar-2026")
        draft.referralDate = "01-Mar-2026"
        #expect(draft.validate(today: Fixture.today)[.referralDate] == nil)
        draft.dateOfBirth = "2026-02-01"
        draft.referralDate = "2026-01-31"
        #expect(draft.validate(today: Fixture.today)[.referralDate] == "Referral date is before the date of birth")
    }

    @Test func referralDateCannotMoveAfterRecordedActivity() {
        let client = Fixture.client("C-0001", name: "Zoë Whitfield", status: .active, referred: "2026-01-10",
                                    firstContact: "2026-01-20")
        var draft = ClientDraft(client: client)
        draft.referralDate = "2026-01-21"
        #expect(draft.validate(today: Fixture.today, editing: client)[.referralDate]
            == "Referral date cannot be after 20-Jan-2026, the first activity on this record")
        draft.referralDate = "2026-01-20"
        #expect(draft.validate(today: Fixture.today, editing: client) == [:])
    }

    @Test func buildsANewWaitingClientFromTrimmedText() throws {
        var draft = Self.valid
        draft.preferredName = "   "
        draft.dateOfBirth = " 9/9/1960 "
        draft.nhsNumber = "943 476 5919"
        draft.phone = " 07700 900123 "
        draft.reason = "  Lonely since moving.\n"
        draft.needs = [.transport, .loneliness]
        draft.consent = false
        let id = UUID()
        let client = try draft.newClient(id: id, reference: "C-0042", today: Fixture.today, now: Fixture.now)
        #expect(client.id == id)
        #expect(client.reference == "C-0042")
        #expect(client.name == "Zoë Whitfield")
        #expect(client.preferredName == nil)
        #expect(client.email == nil)
        #expect(client.dateOfBirth == Fixture.date("1960-09-09"))
        #expect(client.nhsNumber?.digits == "9434765919")
        #expect(client.phone == "07700 900123")
        #expect(client.practice == "Hillview Surgery")
        #expect(client.referral.date == Fixture.date("2026-02-10"))
        #expect(client.referral.reason == "Lonely since moving.")
        #expect(client.referral.needs == [.loneliness, .transport])
        #expect(client.referral.consentToContact == false)
        #expect(client.referral.consentToShare == nil, "never assumed")
        #expect(client.status == .waiting)
        #expect(client.statusHistory.isEmpty)
        #expect(client.createdAt == Fixture.now && client.updatedAt == Fixture.now)
    }

    @Test func refusesToBuildAnInvalidClient() {
        var draft = Self.valid
        draft.email = "nope"
        #expect(throws: ClientDraft.Problems(messages: [.email: "Enter an email address like name@example.org"])) {
            try draft.newClient(reference: "C-0001", today: Fixture.today, now: Fixture.now)
        }
    }

    @Test func editingKeepsIdentityStatusAndHistory() throws {
        let original = try Fixture.client("C-0009", name: "Zoe Whitfield", status: .active, firstContact: "2026-01-15")
            .discharged(Discharge(reason: .goalsMet, date: Fixture.date("2026-02-01")), today: Fixture.today, at: Fixture.now)
        var draft = ClientDraft(client: original)
        draft.name = "Zoë Whitfield"
        draft.riskNote = "Dog at property"
        let later = Fixture.now.addingTimeInterval(600)
        let edited = try draft.applied(to: original, today: Fixture.today, now: later)
        #expect(edited.name == "Zoë Whitfield")
        #expect(edited.riskNote == "Dog at property")
        #expect(edited.id == original.id)
        #expect(edited.reference == original.reference)
        #expect(edited.status == .discharged)
        #expect(edited.discharge == original.discharge)
        #expect(edited.statusHistory == original.statusHistory)
        #expect(edited.firstContactDate == original.firstContactDate)
        #expect(edited.createdAt == original.createdAt)
        #expect(edited.updatedAt == later)
    }

    @Test func savingAnUntouchedFormChangesNothing() throws {
        for client in DemoCaseload.make(today: Fixture.today, now: Fixture.now) {
            let saved = try ClientDraft(client: client).applied(to: client, today: Fixture.today,
                                                                now: Fixture.now.addingTimeInterval(60))
            #expect(saved == client, "\(client.reference)")
        }
    }

    @Test func editingRecordsConsentToShareWithTheReferrer() throws {
        let client = Fixture.client("C-0001", name: "A")
        var draft = ClientDraft(client: client)
        #expect(draft.consentToShare == nil)
        draft.consentToShare = false
        let refused = try draft.applied(to: client, today: Fixture.today, now: Fixture.now)
        #expect(refused.referral.consentToShare == false)
        #expect(ClientDraft(client: refused).consentToShare == false)
        draft.consentToShare = true
        #expect(try draft.applied(to: refused, today: Fixture.today, now: Fixture.now).referral.consentToShare == true)
    }

    @Test func editingNeedsKeepsTheRecordedOrder() throws {
        var client = Fixture.client("C-0001", name: "A")
        client.referral.needs = [.money, .housing]
        client.referral.consentToContact = true
        var draft = ClientDraft(client: client)
        draft.needs.insert(.advice)
        let edited = try draft.applied(to: client, today: Fixture.today, now: Fixture.now)
        #expect(edited.referral.needs == [.money, .housing, .advice])
    }
}
