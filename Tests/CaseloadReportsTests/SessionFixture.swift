import CaseloadKit
import CaseloadReports
import Foundation

/// A small synthetic caseload with fixed ids and times, so that exports are the same on every run.
/// Names are invented; NHS numbers are from the 999 test range.
enum SessionFixture {
    static let london = TimeZone(identifier: "Europe/London")!

    static let context = ExportContext(
        worker: WorkerSettings(name: "Sam Patel", role: "Social prescribing link worker", organisation: "Northgate PCN",
                               phone: "01632 960123", email: "sam.patel@example.org"),
        generatedAt: ISO8601DateFormatter().date(from: "2026-11-21T10:00:00Z")!,
        timeZone: london)

    /// The day of the latest session.
    static let sessionDay = day("2026-11-21")

    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    /// `time` (`HH:MM`) on `date` in London.
    static func at(_ date: String, _ time: String) -> Date {
        let (hour, minute) = DateStyle.parseTime(time)!
        return DateStyle.instant(day(date), hour: hour, minute: minute, in: london)
    }

    static func id(_ number: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", number))!
    }

    // MARK: Directory

    static let shed = Asset(id: id(901), name: "Northgate Community Shed", organisation: "Northgate Sheds",
                            createdAt: at("2026-01-05", "09:00"))
    static let choir = Asset(id: id(902), name: "Sing for Joy choir, St Mary's hall", createdAt: at("2026-01-05", "09:00"))
    static let walking = Asset(id: id(903), name: "Walking for Health Northgate", createdAt: at("2026-01-05", "09:00"))
    /// Citizens Advice (id 904) is left out on purpose: its connection keeps the name it was made with.
    static let assets: [UUID: Asset] = [shed.id: shed, choir.id: choir, walking.id: walking]

    // MARK: Zoë

    static let attemptID = id(11)
    static let firstConversationID = id(12)
    static let whatMattersID = id(13)
    static let reviewID = id(14)

    static let riskNote = "Lives alone. Passive thoughts of death after her bereavement in October, no plan or intent; GP aware. A dog at home: ask for it to be shut away on home visits."

    static var zoe: Client {
        let reviewFollowUp = FollowUp(id: id(31), due: sessionDay, time: "09:00", purpose: "Review how the first weeks went",
                                      mode: .faceToFace, state: .completed(contactID: reviewID, on: sessionDay))
        return Client(
            id: id(1), reference: "C-0042", name: "Zoë Whitfield", preferredName: "Zo", dateOfBirth: day("1958-03-03"),
            nhsNumber: try! NHSNumber("999 000 0018"), phone: "07700 900123", email: "zoe.w@example.org",
            address: "14 Elm Row\nNorthgate NG1 2AB", preferredContact: .phone, practice: "Northgate Surgery",
            referral: Referral(date: day("2026-10-02"), referrerName: "Dr Amelia Hart", referrerRole: .gp,
                               reason: "Lonely since her husband died in the spring; low mood; worried about money.",
                               needs: [.loneliness, .bereavement, .money], consentToShare: true),
            status: .active, firstContactDate: day("2026-10-09"),
            statusHistory: [
                StatusChange(date: day("2026-10-06"), from: .waiting, to: .contacting, note: "First call made"),
                StatusChange(date: day("2026-10-09"), from: .contacting, to: .active),
            ],
            riskNote: riskNote,
            contacts: [
                Contact(id: attemptID, at: at("2026-10-06", "09:15"), kind: .attempt, mode: .phone,
                        notes: "No answer; left a voicemail asking her to ring back.", attemptMethod: .phone),
                Contact(id: firstConversationID, at: at("2026-10-09", "14:00"), kind: .firstConversation, mode: .phone,
                        durationMinutes: 20, notes: "Rang back. Agreed to meet at the surgery next week."),
                Contact(id: whatMattersID, at: at("2026-10-15", "10:00"), kind: .whatMatters, mode: .faceToFace,
                        durationMinutes: 60,
                        notes: "Tearful when talking about Peter, brighter when talking about singing.",
                        whatMatters: WhatMatters(
                            whatMatters: "Getting out of the house and seeing people again. \"I used to sing in a choir and I miss it.\"",
                            strengths: "Close to her daughter Łucja; good with her hands; walks the dog every day.",
                            concerns: [Concern(need: .loneliness, note: "Sees nobody most days"),
                                       Concern(need: .money, note: "Behind on the gas bill since Peter died"),
                                       Concern(need: .bereavement)],
                            risks: "Said she sometimes feels there is no point; no plan or intent. GP aware.",
                            nextSteps: "Zoë will go to the Shed open morning. Sam will refer her to Citizens Advice about the gas bill."),
                        ons4: ONS4(satisfaction: 3, worthwhile: 4, happy: 3, anxious: 7),
                        swemwbs: SWEMWBS(answers: [2, 2, 2, 3, 3, 2, 3])),
                Contact(id: reviewID, at: at("2026-11-21", "09:00"), kind: .review, mode: .faceToFace, durationMinutes: 45,
                        notes: "Has been to the Shed three times and enjoys it. Citizens Advice appointment booked. Keen to try the choir.",
                        ons4: ONS4(satisfaction: 6, worthwhile: 6, happy: 5, anxious: 4),
                        swemwbs: SWEMWBS(answers: [3, 3, 3, 3, 4, 3, 4]), followUpID: reviewFollowUp.id),
            ],
            goals: [
                Goal(id: id(21), text: "Get out of the house and meet people twice a week", createdOn: day("2026-10-15"), steps: [
                    PlanStep(id: id(22), what: "Go to the Shed open morning", owner: .person, due: day("2026-10-30"), status: .done),
                    PlanStep(id: id(23), what: "Try the Thursday choir", owner: .person, due: day("2026-11-27")),
                    PlanStep(id: id(24), what: "Come along to the first choir session", owner: .someoneElse,
                             ownerName: "Łucja", status: .doing),
                    PlanStep(id: id(25), what: "Walking football", status: .dropped, note: "Not for her"),
                ]),
                Goal(id: id(26), text: "Sort out the gas bill", createdOn: day("2026-10-15"), steps: [
                    PlanStep(id: id(27), what: "Refer to Citizens Advice", owner: .linkWorker, due: day("2026-10-22"), status: .done),
                    PlanStep(id: id(28), what: "Take the bills to the Citizens Advice appointment", due: day("2026-12-03")),
                ]),
                Goal(id: id(29), text: "Start singing again", createdOn: sessionDay),
            ],
            followUps: [
                FollowUp(id: id(32), due: day("2026-11-07"), purpose: "Check in after the Shed",
                         state: .cancelled(reason: "Zoë unwell", on: day("2026-11-06"))),
                reviewFollowUp,
                FollowUp(id: id(33), due: day("2026-12-19"), purpose: "Review the plan", mode: .faceToFace),
                FollowUp(id: id(34), due: day("2026-12-05"), time: "14:00", purpose: "Check how the choir went",
                         mode: .phone, previousDueDates: [day("2026-12-01")]),
            ],
            connections: [
                Connection(id: id(41), assetID: shed.id, assetName: "Northgate Men's Shed", stepID: id(22), history: [
                    ConnectionEvent(state: .suggested, date: day("2026-10-15")),
                    ConnectionEvent(state: .attended, date: day("2026-10-30"), note: "Enjoyed it; going again"),
                ]),
                Connection(id: id(42), assetID: id(904), assetName: "Citizens Advice Northgate", stepID: id(27), history: [
                    ConnectionEvent(state: .referred, date: day("2026-10-16"), note: "Referral sent by email"),
                    ConnectionEvent(state: .waiting, date: sessionDay, note: "Appointment on 3 December"),
                ]),
                Connection(id: id(43), assetID: choir.id, assetName: choir.name, stepID: id(23), history: [
                    ConnectionEvent(state: .suggested, date: sessionDay, note: "Thursdays 19:00, first session free"),
                ]),
            ],
            createdAt: at("2026-10-02", "11:00"), updatedAt: at("2026-11-21", "09:50"))
    }

    // MARK: Others on the session day

    static var lukasz: Client {
        Client(id: id(2), reference: "C-0043", name: "Łukasz Nowak", dateOfBirth: day("1990-07-14"),
               nhsNumber: try! NHSNumber("9990000026"), practice: "Northgate Surgery",
               referral: Referral(date: day("2026-11-10"), referrerName: "Priya Shah", referrerRole: .practiceNurse,
                                  reason: "Isolated since losing his job"),
               status: .contacting,
               contacts: [Contact(id: id(51), at: at("2026-11-21", "08:40"), kind: .attempt, mode: .letterOrText,
                                  notes: "Sent a text asking him to ring back.", attemptMethod: .text)],
               createdAt: at("2026-11-10", "12:00"))
    }

    static var chen: Client {
        Client(id: id(3), reference: "C-0044", name: "陈伟", preferredName: "Wei", dateOfBirth: day("1949-12-01"),
               nhsNumber: try! NHSNumber("9990000034"), practice: "Riverside Medical Centre",
               referral: Referral(date: day("2026-09-20"), referrerName: "Dr Tom Reid", reason: "Inactive after a fall"),
               status: .active, firstContactDate: day("2026-09-25"),
               contacts: [
                   Contact(id: id(61), at: at("2026-11-20", "15:00"), kind: .checkIn, mode: .phone, durationMinutes: 10),
                   Contact(id: id(62), at: at("2026-11-21", "09:50"), kind: .checkIn, mode: .phone, durationMinutes: 15,
                           notes: "Went to the walking group twice; knee sore after the second walk. Will ask the GP about it."),
               ],
               connections: [Connection(id: id(71), assetID: walking.id, assetName: walking.name, history: [
                   ConnectionEvent(state: .referred, date: day("2026-11-02")),
                   ConnectionEvent(state: .attended, date: sessionDay, note: "Second walk"),
               ])],
               createdAt: at("2026-09-20", "10:00"))
    }

    static var caseload: [Client] { [zoe, lukasz, chen] }

    // MARK: Audit

    static var audit: [RecordedChange] {
        [
            RecordedChange(at: at("2026-10-02", "11:00"), action: "created", changes: [
                .init(path: "name", before: nil, after: "\"Zoë Whitfield\""),
                .init(path: "reference", before: nil, after: "\"C-0042\""),
                .init(path: "status", before: nil, after: "\"waiting\""),
            ]),
            RecordedChange(at: at("2026-11-21", "09:50"), action: "updated", changes: [
                .init(path: "contacts[00000000-0000-0000-0000-000000000014]", before: nil,
                      after: "{\"kind\":\"review\",\"notes\":\"Uses `back ticks`\"}"),
                .init(path: "riskNote", before: "\"Lives alone.\"", after: "\"Lives alone. A dog at home.\""),
                .init(path: "phone", before: "\"07700 900999\"", after: nil),
            ]),
        ]
    }
}
