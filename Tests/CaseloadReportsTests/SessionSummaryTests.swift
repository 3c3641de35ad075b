import CaseloadKit
import CaseloadReports
import Foundation
import Testing

@Suite struct SessionSummaryTests {
    typealias F = SessionFixture

    func render(_ client: Client = F.zoe, contactID: UUID = F.reviewID, format: DocumentFormat = .text) -> String {
        SessionSummary.render(client: client, contactID: contactID, assets: F.assets, format: format, context: F.context)!
    }

    func jsonObject(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    // MARK: Golden files

    @Test func markdownMatchesGolden() {
        expectGolden(render(format: .markdown), named: "session.md")
    }

    @Test func plainTextMatchesGoldenAndFits() {
        let text = render(format: .text)
        expectGolden(text, named: "session.txt")
        expectFits(text)
    }

    @Test func jsonMatchesGolden() {
        expectGolden(render(format: .json), named: "session.json")
    }

    @Test func whatMattersConversationMatchesGolden() {
        let text = render(contactID: F.whatMattersID)
        expectGolden(text, named: "session-what-matters.txt")
        expectFits(text)
    }

    @Test func attemptMatchesGolden() {
        let text = render(contactID: F.attemptID)
        expectGolden(text, named: "session-attempt.txt")
        expectFits(text)
    }

    @Test func theFixtureUsesValidNHSTestNumbers() throws {
        for client in F.caseload {
            let number = try #require(client.nhsNumber)
            #expect(number.isTestNumber)
            // The modulus 11 check digit, worked out afresh from the first nine digits.
            let digits = number.digits.map { Int(String($0))! }
            #expect(NHSNumber.checkDigit(forFirstNine: Array(digits.prefix(9))) == digits[9])
        }
        #expect(render().contains("NHS number:     999 000 0018"))
    }

    // MARK: Which contact

    @Test func theDefaultContactIsTheLatest() throws {
        let latest = try #require(SessionSummary.defaultContact(of: F.zoe))
        #expect(latest.id == F.reviewID)
        #expect(render(contactID: latest.id) == render())
        #expect(SessionSummary.defaultContact(of: F.lukasz)?.kind == .attempt)
    }

    @Test func anUnknownContactGivesNil() {
        #expect(SessionSummary.render(client: F.zoe, contactID: F.id(999), assets: F.assets, format: .text,
                                      context: F.context) == nil)
    }

    @Test func aChosenContactIsSummarisedWithItsOwnWhatMattersAndNextSteps() {
        let text = render(contactID: F.whatMattersID)
        #expect(text.contains("15 October 2026, 10:00"))
        #expect(text.contains("Next steps: Zoë will go to the Shed open morning."))
        #expect(!text.contains("From the what-matters conversation"))
        #expect(text.contains("Risks raised in this conversation: Said she sometimes feels there is no"))
        // The goal agreed later is not part of this session; progress is dated because it is later.
        #expect(!text.contains("Start singing again"))
        #expect(text.contains("Progress as recorded on 21 November 2026."))
        // Measures recorded for the first time have no change to report.
        #expect(text.contains("- Life satisfaction: 3 out of 10 (Low)\n"))
        #expect(!text.contains("Changes are from"))
    }

    @Test func aLaterContactDrawsOnTheLatestWhatMattersConversationNamedByItsDay() {
        let text = render()
        #expect(text.contains("From the what-matters conversation on 15 October 2026."))
        #expect(text.contains("Getting out of the house and seeing people again."))
        #expect(text.contains("- Money, debt and benefits: Behind on the gas bill since Peter died"))
        // Next steps belong to the conversation that agreed them.
        #expect(!text.contains("Next steps:"))
    }

    @Test func aClientWithNoWhatMattersConversationYetHasNoSuchSection() throws {
        var client = F.zoe
        client.contacts = client.contacts.filter { $0.whatMatters == nil }
        let text = render(client, contactID: F.firstConversationID)
        #expect(!text.contains("WHAT MATTERS"))
        #expect(!text.contains("CONCERNS"))
        #expect(!render(client, contactID: F.firstConversationID, format: .markdown).contains("What matters"))
        #expect(try jsonObject(render(client, contactID: F.firstConversationID, format: .json))["whatMatters"] == nil)
    }

    // MARK: Sections

    @Test func measuresShowTheChangeSinceTheFirstReading() {
        let text = render()
        #expect(text.contains("- Life satisfaction: 6 out of 10 (Medium), up from 3 on 15 October 2026\n"))
        #expect(text.contains("- Anxiety: 4 out of 10 (Medium), down from 7 on 15 October 2026\n"))
        #expect(text.contains("- SWEMWBS metric score: 20.73 (raw score 23 of 35), up from 16.88 on 15 October"))
        #expect(text.contains("Changes are from the first time each measure was recorded."))
        #expect(text.contains(SWEMWBS.copyright.prefix(40)))
        #expect(text.contains(ONS4.citation))
    }

    @Test func connectionsAreThoseChangedOnTheContactDay() {
        let text = render()
        #expect(text.contains("- Citizens Advice Northgate: Waiting. Appointment on 3 December"))
        #expect(text.contains("- Sing for Joy choir, St Mary's hall: Suggested. Thursdays 19:00, first session"))
        #expect(!text.contains("Community Shed"))
    }

    @Test func planShowsProgressAndOpenStepsOnly() {
        let text = render()
        #expect(text.contains("- Get out of the house and meet people twice a week (1/3 steps done)"))
        #expect(text.contains("  - Try the Thursday choir (the person, by 27 November 2026)"))
        #expect(text.contains("  - Come along to the first choir session (Łucja, in progress)"))
        #expect(!text.contains("Walking football"))
        #expect(!text.contains("Go to the Shed open morning"))
        #expect(text.contains("- Start singing again (no steps yet)"))
        #expect(!text.contains("Progress as recorded"))
    }

    @Test func nextFollowUpIsTheEarliestStillScheduled() {
        #expect(render().contains("NEXT FOLLOW-UP\n5 December 2026, 14:00: Check how the choir went (Phone)"))
        var client = F.zoe
        client.followUps = []
        #expect(render(client).contains("NEXT FOLLOW-UP\nNone scheduled."))
    }

    @Test func riskIsShownOnlyWhenThereIsSomethingToSay() throws {
        #expect(render().contains("RISK OR SAFEGUARDING\nLives alone."))
        var client = F.zoe
        client.riskNote = "  "
        client.contacts = client.contacts.map {
            var contact = $0
            contact.whatMatters?.risks = ""
            return contact
        }
        #expect(!render(client).contains("RISK"))
        #expect(!render(client, format: .markdown).contains("Risk"))
        #expect(try jsonObject(render(client, format: .json))["riskNote"] == nil)
    }

    @Test func anAttemptIsShort() {
        let text = render(contactID: F.attemptID)
        #expect(text.contains("\nMethod:        Phone\n"))
        #expect(text.contains("No answer; left a voicemail"))
        for section in ["WHAT MATTERS", "AGREED ACTIONS", "MEASURES", "CONNECTIONS"] { #expect(!text.contains(section)) }
        #expect(text.contains("NEXT FOLLOW-UP\n5 December 2026, 14:00"))
    }

    // MARK: Formats

    @Test func plainTextHasNoMarkdownAndFitsEvenWithLongUnbrokenWords() {
        var client = F.zoe
        let long = String(repeating: "Llanfairpwllgwyngyll", count: 8)
        client.reference = "C-" + String(repeating: "9", count: 90)
        client.contacts[3].notes = "See \(long) and https://example.org/\(long)"
        client.connections[2].history[0].note = long
        client.goals[0].steps[1].what = long
        let text = render(client)
        expectFits(text)
        #expect(text.contains("Llanfairpwllgwyngyll"))
        for syntax in ["**", "## ", "\\", "`"] { #expect(!text.contains(syntax)) }
        #expect(!text.split(separator: "\n").contains { $0.hasSuffix(" ") })
    }

    @Test func markdownEscapesRecordText() {
        var client = F.zoe
        client.contacts[3].notes = "Said *everything* is fine # really"
        #expect(render(client, format: .markdown).contains("Said \\*everything\\* is fine \\# really"))
    }

    @Test func jsonParsesAndHoldsTheExpectedKeys() throws {
        let json = try jsonObject(render(format: .json))
        #expect(json["application"] as? String == "caseload")
        #expect(json["kind"] as? String == "session-summary")
        #expect(json["schemaVersion"] as? Int == 1)
        #expect(json["generatedAt"] as? String == "2026-11-21T10:00:00Z")
        #expect((json["generatedBy"] as? [String: Any])?["name"] as? String == "Sam Patel")
        let client = try #require(json["client"] as? [String: Any])
        #expect(client["nhsNumber"] as? String == "9990000018")
        #expect(client["dateOfBirth"] as? String == "1958-03-03")
        let contact = try #require(json["contact"] as? [String: Any])
        #expect(contact["kind"] as? String == "review")
        #expect(contact["kindLabel"] as? String == "Review")
        #expect(contact["date"] as? String == "2026-11-21")
        #expect(contact["time"] as? String == "09:00")
        let whatMatters = try #require(json["whatMatters"] as? [String: Any])
        #expect(whatMatters["fromThisContact"] as? Bool == false)
        #expect(whatMatters["date"] as? String == "2026-10-15")
        let measures = try #require(json["measures"] as? [String: Any])
        #expect(((measures["ons4"] as? [String: Any])?["answers"] as? [Any])?.count == 4)
        let swemwbs = try #require(measures["swemwbs"] as? [String: Any])
        #expect(swemwbs["metricScore"] as? Double == 20.73)
        #expect(swemwbs["changeSinceFirst"] as? Double == 3.85)
        #expect((swemwbs["firstRecorded"] as? [String: Any])?["date"] as? String == "2026-10-15")
        #expect((json["plan"] as? [Any])?.count == 3)
        #expect((json["connectionChanges"] as? [Any])?.count == 2)
        #expect((json["nextFollowUp"] as? [String: Any])?["due"] as? String == "2026-12-05")
        #expect((json["completedFollowUp"] as? [String: Any])?["purpose"] as? String == "Review how the first weeks went")
    }

    @Test func anAttemptInJSONHasOnlyWhatAnAttemptHas() throws {
        let json = try jsonObject(render(contactID: F.attemptID, format: .json))
        #expect((json["contact"] as? [String: Any])?["attemptMethod"] as? String == "phone")
        for key in ["whatMatters", "plan", "measures", "connectionChanges"] { #expect(json[key] == nil) }
    }

    @Test func fileNamesCarryTheReferenceAndTheContactDayAndTime() throws {
        let contact = try #require(F.zoe.contacts.last)
        #expect(SessionSummary.fileName(client: F.zoe, contact: contact, format: .markdown, timeZone: F.london)
                == "session-C-0042-2026-11-21-0900.md")
        #expect(SessionSummary.fileName(client: F.zoe, contact: contact, format: .csv, timeZone: F.london)
                == "session-C-0042-2026-11-21-0900.txt")
        var late = contact
        late.at = ISO8601DateFormatter().date(from: "2026-10-21T23:30:00Z")!
        #expect(SessionSummary.fileName(client: F.zoe, contact: late, format: .json, timeZone: F.london)
                == "session-C-0042-2026-10-22-0030.json")
    }
}
