import CaseloadKit
import CaseloadReports
import Foundation
import Testing

@Suite struct ReferrerFeedbackTests {
    typealias F = SessionFixture

    func letter(_ client: Client = F.zoe) -> String {
        ReferrerFeedback.letter(client: client, assets: F.assets, context: F.context)
    }

    func zoe(consent: Bool?) -> Client {
        var client = F.zoe
        client.referral.consentToShare = consent
        return client
    }

    /// Everything about Zoë that only her consent lets the referrer see.
    static let privateDetails = [
        "Lonely since her husband died", "Loneliness and isolation", "Bereavement", "Getting out of the house",
        "Łucja", "Sees nobody", "gas bill", "Tearful", "voicemail", "Shed", "Citizens Advice", "choir",
        "Sort out", "Lives alone", "no point", "07700", "zoe.w@example.org", "Elm Row", "Life satisfaction", "SWEMWBS",
        "20.73", "Zo)",
    ]

    @Test func goldenLetters() {
        let shared = letter()
        expectGolden(shared, named: "feedback.txt")
        expectFits(shared)
        let withheld = letter(zoe(consent: false))
        expectGolden(withheld, named: "feedback-no-consent.txt")
        expectFits(withheld)
    }

    @Test func withConsentTheLetterFollowsThePRSBMessageBack() {
        let text = letter()
        #expect(text.hasPrefix("21 November 2026\n\nDear Dr Amelia Hart,\n\nRe: Zoë Whitfield, born 3 March 1958, NHS number 999 000 0018\n"))
        for section in ["REASON FOR REFERRAL", "WHAT MATTERS TO THE PERSON", "SUPPORT OFFERED",
                        "ACTIVITIES AND SERVICES REFERRED TO", "CURRENT STATUS", "SNOMED CT"] {
            #expect(text.contains("\n\(section)\n"))
        }
        #expect(text.contains("3 contacts from 9 October 2026 to 21 November 2026: 1 first conversation, 1"))
        #expect(text.contains("- Northgate Community Shed: Attended, 30 October 2026"))
        #expect(text.contains("- Citizens Advice Northgate: Waiting, 21 November 2026"))
        #expect(text.contains("871731000000106 |Referral to social prescribing service (procedure)|\nDate: 9 October 2026"))
        #expect(text.contains("Sam Patel\nSocial prescribing link worker\nNorthgate PCN\nPhone: 01632 960123"))
        // Working notes and the risk note never go in the letter.
        for notes in ["Tearful", "voicemail", "Lives alone", "Enjoyed it"] { #expect(!text.contains(notes)) }
    }

    @Test(arguments: [false, nil] as [Bool?])
    func withoutConsentOnlyWhatTheReferralNeedsIsSent(consent: Bool?) {
        let text = letter(zoe(consent: consent))
        for detail in Self.privateDetails {
            #expect(!text.contains(detail), "\(detail) is sent without consent")
        }
        #expect(text.contains("Re: Zoë Whitfield, born 3 March 1958, NHS number 999 000 0018"))
        #expect(text.contains("Our reference: C-0042"))
        #expect(text.contains("on 2 October 2026"))
        #expect(text.contains("Receiving support since 9 October 2026. First contact on 9 October 2026, 7 days"))
        #expect(text.contains("871731000000106 |Referral to social prescribing service (procedure)|"))
        #expect(text.contains(consent == nil ? "has not yet been asked whether they agree to share" : "has not agreed to share"))
        for section in ["REASON FOR REFERRAL", "WHAT MATTERS", "SUPPORT OFFERED", "ACTIVITIES"] { #expect(!text.contains(section)) }
    }

    @Test(arguments: [false, nil] as [Bool?])
    func withoutConsentADischargeGivesItsReasonButNotItsNote(consent: Bool?) {
        var client = zoe(consent: consent)
        client.status = .discharged
        client.discharge = Discharge(reason: .declined, date: F.day("2026-11-25"), note: "Said the choir is enough for now")
        let text = letter(client)
        #expect(text.contains("Discharged on 25 November 2026. Reason: Declined support."))
        #expect(!text.contains("choir"))
        #expect(text.contains("871711000000103 |Social prescribing declined (situation)|\nDate: 25 November 2026"))
        #expect(!text.contains("871731000000106"))
    }

    @Test func aSelfReferralOrAnUnnamedReferrerIsAddressedToAColleague() {
        var client = F.zoe
        client.referral.referrerName = ""
        #expect(letter(client).contains("Dear colleague,"))
        client.referral.referrerName = "Zoë Whitfield"
        client.referral.referrerRole = .selfReferral
        let text = letter(client)
        #expect(text.contains("Dear colleague,"))
        #expect(text.contains("Zoë Whitfield referred themselves to social prescribing on 2 October 2026."))
    }

    @Test func aPersonNotYetReachedHasNoCodeAndNoSupportYet() {
        var client = F.lukasz
        client.referral.consentToShare = true
        let text = letter(client)
        #expect(text.contains("SUPPORT OFFERED\nNo contact has been made yet. There was also 1 unsuccessful attempt"))
        #expect(text.contains("No code applies yet: the person has not been reached."))
        #expect(text.contains("No what-matters conversation has been recorded yet."))
        #expect(text.contains("None yet."))
        #expect(text.contains("Dear Priya Shah,"))
        expectFits(text)
    }

    // MARK: Codes

    @Test func codesFollowTheReferralsOutcome() {
        var client = F.lukasz
        #expect(ReferrerFeedback.codes(for: client).isEmpty, "contacting")
        client.status = .waiting
        #expect(ReferrerFeedback.codes(for: client).isEmpty, "waiting")

        client.status = .discharged
        client.discharge = Discharge(reason: .unableToContact, date: F.day("2026-12-01"))
        #expect(ReferrerFeedback.codes(for: client).isEmpty, "unable to contact")

        client.discharge = Discharge(reason: .declined, date: F.day("2026-12-01"))
        #expect(ReferrerFeedback.codes(for: client) == [.socialPrescribingDeclined], "declined before being reached")
        #expect(ReferrerFeedback.codeDate(.socialPrescribingDeclined, for: client) == F.day("2026-12-01"))

        var reached = F.zoe
        #expect(ReferrerFeedback.codes(for: reached) == [.referralToSocialPrescribing], "reached")
        #expect(ReferrerFeedback.codeDate(.referralToSocialPrescribing, for: reached) == F.day("2026-10-09"))
        #expect(ReferrerFeedback.codeDate(.socialPrescribingDeclined, for: reached) == nil)

        reached.status = .discharged
        reached.discharge = Discharge(reason: .goalsMet, date: F.day("2026-12-20"))
        #expect(ReferrerFeedback.codes(for: reached) == [.referralToSocialPrescribing], "goals met")
        reached.discharge = Discharge(reason: .declined, date: F.day("2026-12-20"))
        #expect(ReferrerFeedback.codes(for: reached) == [.socialPrescribingDeclined], "declined after being reached")
    }

    @Test func conceptsAreTheNationalCodes() {
        #expect(SnomedConcept.referralToSocialPrescribing.id == "871731000000106")
        #expect(SnomedConcept.socialPrescribingDeclined.id == "871711000000103")
        #expect(SnomedConcept.socialPrescribingDeclined.expression == "871711000000103 |Social prescribing declined (situation)|")
    }

    @Test func fileNameCarriesTheReferenceAndDay() {
        #expect(ReferrerFeedback.fileName(client: F.zoe, on: F.sessionDay) == "feedback-C-0042-2026-11-21.txt")
        var client = F.zoe
        client.reference = "C/42 x"
        #expect(ReferrerFeedback.fileName(client: client, on: F.sessionDay) == "feedback-C-42-x-2026-11-21.txt")
    }
}
