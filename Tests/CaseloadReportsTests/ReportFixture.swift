import CaseloadKit
import CaseloadReports
import Foundation

/// A hand-checked caseload around October 2026: twelve people at two practices. The figures each
/// test expects are worked out by hand in `CaseloadReportTests`; change a client here and they change.
enum ReportFixture {
    static let london = TimeZone(identifier: "Europe/London")!
    static let october = ReportPeriod(from: date("2026-10-01"), to: date("2026-10-31"))
    static let hillview = "Hillview Surgery"
    static let riverside = "Riverside Medical Centre"

    static let context = ExportContext(
        worker: WorkerSettings(name: "Sam Patel", role: "Social prescribing link worker", organisation: "Northgate PCN",
                               phone: "01632 960123", email: "sam.patel@example.org"),
        generatedAt: Date(timeIntervalSince1970: 1_795_255_200), // 2026-11-21T10:00:00Z
        timeZone: london)

    static func report(practice: String? = nil, period: ReportPeriod = october) -> CaseloadReport {
        CaseloadReport(clients: clients, assets: assets, period: period, practice: practice, timeZone: london)
    }

    // MARK: The directory

    static let walkingGroup = asset("0A", "Parkside walking group", [.physicalActivity, .loneliness])
    static let citizensAdvice = asset("0B", "Citizens Advice drop-in", [.money, .advice])
    static let bereavementCafe = asset("0C", "Bereavement café", [.bereavement])
    static let mensShed = asset("0D", "Men's shed", [])
    /// Connected to, then deleted from the directory.
    static let deletedAssetID = uuid("0E")

    static let assets = Dictionary(uniqueKeysWithValues: [walkingGroup, citizensAdvice, bereavementCafe, mensShed].map { ($0.id, $0) })

    // MARK: The caseload

    static let clients: [Client] = [
        // Reached after 4 days; two ONS4 and two SWEMWBS records; connected to a walking group.
        client("C-01", "Zoë Adeyemi", hillview, referred: "2026-10-02", by: .gp, needs: [.loneliness, .mentalWellbeing],
               firstContact: "2026-10-06", status: .active,
               history: [change("2026-10-06", .waiting, .active)],
               contacts: [
                   contact("2026-10-06", .firstConversation, .phone, minutes: 30),
                   contact("2026-10-13", .whatMatters, .faceToFace, minutes: 60,
                           ons4: (4, 5, 3, 7), swemwbs: [3, 3, 2, 3, 3, 2, 2]),
                   contact("2026-10-27", .review, .faceToFace, minutes: 45,
                           ons4: (6, 6, 5, 4), swemwbs: [3, 3, 3, 3, 4, 3, 3]),
               ],
               connections: [connection(walkingGroup.id, [("2026-10-13", .suggested), ("2026-10-20", .attended)])]),
        // Reached after 5 days, after one attempt; one connection to an asset since deleted.
        client("C-02", "Łukasz Nowak", hillview, referred: "2026-10-05", by: .practiceNurse, needs: [.money],
               firstContact: "2026-10-10", status: .active,
               history: [change("2026-10-07", .waiting, .contacting), change("2026-10-10", .contacting, .active)],
               contacts: [
                   contact("2026-10-07", .attempt, .phone),
                   contact("2026-10-10", .firstConversation, .phone, minutes: 20),
               ],
               connections: [
                   connection(citizensAdvice.id, [("2026-10-10", .referred)]),
                   connection(deletedAssetID, [("2026-09-20", .suggested), ("2026-10-02", .declined)]),
               ]),
        // Referred in September, reached on 1 October just after midnight (still 30 September in UTC).
        client("C-03", "陈伟", riverside, referred: "2026-09-20", by: .gp, needs: [.housing],
               firstContact: "2026-10-01", status: .active,
               history: [change("2026-09-25", .waiting, .contacting), change("2026-10-01", .contacting, .active)],
               contacts: [
                   contact("2026-09-25", .attempt, .letterOrText),
                   Contact(at: Date(timeIntervalSince1970: 1_790_811_000), // 2026-09-30T23:30:00Z
                           kind: .firstConversation, mode: .homeVisit, durationMinutes: 90, ons4: ons4(5, 6, 5, 8)),
                   contact("2026-10-22", .checkIn, .phone, minutes: 15, ons4: (5, 7, 6, 6)),
               ],
               connections: [connection(citizensAdvice.id, [("2026-10-22", .referred), ("2026-11-05", .attended)])]),
        // Discharged with goals met in the period; the history's note is blank, the discharge has the reason.
        client("C-04", "Margaret O'Brien", riverside, referred: "2026-08-10", by: .selfReferral, needs: [.bereavement],
               firstContact: "2026-08-12", status: .discharged,
               discharge: Discharge(reason: .goalsMet, date: date("2026-10-20")),
               history: [change("2026-08-12", .waiting, .active), change("2026-10-20", .active, .discharged)],
               contacts: [
                   contact("2026-08-12", .firstConversation, .faceToFace, ons4: (3, 4, 2, 8), swemwbs: [2, 2, 2, 2, 3, 2, 2]),
                   contact("2026-09-15", .review, .faceToFace, ons4: (5, 5, 5, 6)),
                   contact("2026-10-20", .review, .faceToFace, minutes: 30,
                           ons4: (7, 7, 7, 3), swemwbs: [3, 3, 3, 3, 3, 3, 3]),
               ],
               connections: [connection(bereavementCafe.id,
                                        [("2026-08-20", .suggested), ("2026-09-01", .attended), ("2026-10-18", .stopped)])]),
        // Still waiting at the end of October, after two attempts; no needs recorded.
        client("C-05", "Dev Patel", hillview, referred: "2026-10-20", by: .careCoordinator, needs: [],
               status: .waiting,
               contacts: [
                   contact("2026-10-22", .attempt, .phone),
                   contact("2026-10-29", .attempt, .letterOrText),
               ]),
        // Discharged (moved away) and reopened within October: active at the end.
        client("C-06", "Aisha Rahman", hillview, referred: "2026-09-01", by: .gp, needs: [.caring, .loneliness],
               firstContact: "2026-09-03", status: .active,
               history: [
                   change("2026-09-03", .waiting, .active),
                   change("2026-10-10", .active, .discharged, note: "Moved away"),
                   change("2026-10-25", .discharged, .active, note: "Reopened"),
               ],
               contacts: [contact("2026-10-25", .checkIn, .phone, ons4: (5, 5, 5, 5))]),
        // Not reached until November: still waiting (contacting) at the end of October.
        client("C-07", "Tomás García", riverside, referred: "2026-10-08", by: .pharmacist,
               needs: [.physicalActivity, .healthyLiving, .loneliness],
               firstContact: "2026-11-03", status: .active,
               history: [change("2026-10-12", .waiting, .contacting), change("2026-11-03", .contacting, .active)],
               contacts: [
                   contact("2026-10-12", .attempt, .phone),
                   contact("2026-11-03", .firstConversation, .phone, minutes: 50),
               ]),
        // Reached the day of referral; discharged in November, so active at the end of October.
        client("C-08", "Grace Okafor", hillview, referred: "2026-10-01", by: .gp, needs: [.mentalWellbeing],
               firstContact: "2026-10-01", status: .discharged,
               discharge: Discharge(reason: .referredOn, date: date("2026-11-10")),
               history: [change("2026-10-01", .waiting, .active),
                         change("2026-11-10", .active, .discharged, note: "Referred on to another service")],
               contacts: [
                   contact("2026-10-01", .firstConversation, .video, minutes: 40, ons4: (6, 6, 6, 4)),
                   contact("2026-10-14", .accompaniedVisit, .communityVenue, minutes: 120),
                   contact("2026-11-10", .review, .phone, minutes: 20, ons4: (8, 8, 8, 2)),
               ],
               connections: [
                   connection(mensShed.id, [("2026-10-14", .suggested), ("2026-10-28", .didNotAttend)]),
                   connection(walkingGroup.id, [("2026-11-02", .suggested)]),
               ]),
        // Never reached: discharged as unable to contact in October.
        client("C-09", "Brian Smith", riverside, referred: "2026-10-12", by: .socialWorker, needs: [.money, .housing],
               status: .discharged, discharge: Discharge(reason: .unableToContact, date: date("2026-10-30")),
               history: [change("2026-10-14", .waiting, .contacting),
                         change("2026-10-30", .contacting, .discharged, note: "Unable to contact")],
               contacts: [
                   contact("2026-10-14", .attempt, .phone),
                   contact("2026-10-21", .attempt, .letterOrText),
               ]),
        // Referred after the period: in no October figure.
        client("C-10", "Priya Shah", hillview, referred: "2026-11-05", by: .gp, needs: [.work], status: .waiting),
        // Discharged (declined) before the period; wellbeing records from the summer still count.
        client("C-11", "Olu Bello", riverside, referred: "2026-07-01", by: .gp, needs: [.work],
               firstContact: "2026-07-03", status: .discharged,
               discharge: Discharge(reason: .declined, date: date("2026-09-15")),
               history: [change("2026-07-03", .waiting, .active),
                         change("2026-09-15", .active, .discharged, note: "Declined support")],
               contacts: [
                   contact("2026-07-03", .firstConversation, .faceToFace, ons4: (2, 3, 3, 9), swemwbs: [2, 2, 2, 2, 2, 2, 2]),
                   contact("2026-08-01", .review, .phone, ons4: (4, 4, 4, 7), swemwbs: [3, 3, 3, 3, 3, 3, 2]),
               ]),
        // Discharged in October by an older version that wrote no reason, then reopened.
        client("C-12", "Ffion Jones", riverside, referred: "2026-06-01", by: .vcse, needs: [.relationships],
               firstContact: "2026-06-05", status: .active,
               history: [
                   change("2026-06-05", .waiting, .active),
                   change("2026-10-05", .active, .discharged),
                   change("2026-10-09", .discharged, .active, note: "Reopened"),
               ],
               contacts: [contact("2026-10-09", .checkIn, .faceToFace, minutes: 25)]),
    ]

    // MARK: Building blocks

    static func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    static func uuid(_ suffix: String) -> UUID {
        UUID(uuidString: "00000000-0000-0000-0000-0000000000\(suffix)")!
    }

    /// 10:00 London time on `iso`.
    static func at(_ iso: String) -> Date {
        DateStyle.instant(date(iso), hour: 10, minute: 0, in: london)
    }

    static func asset(_ id: String, _ name: String, _ categories: [NeedCategory]) -> Asset {
        Asset(id: uuid(id), name: name, categories: categories, createdAt: at("2026-01-01"))
    }

    static func ons4(_ satisfaction: Int, _ worthwhile: Int, _ happy: Int, _ anxious: Int) -> ONS4 {
        ONS4(satisfaction: satisfaction, worthwhile: worthwhile, happy: happy, anxious: anxious)!
    }

    static func contact(_ iso: String, _ kind: ContactKind, _ mode: ContactMode, minutes: Int? = nil,
                        ons4 scores: (Int, Int, Int, Int)? = nil, swemwbs: [Int]? = nil) -> Contact {
        Contact(at: at(iso), kind: kind, mode: mode, durationMinutes: minutes,
                attemptMethod: kind == .attempt ? (mode == .phone ? .phone : .letter) : nil,
                ons4: scores.map { ons4($0.0, $0.1, $0.2, $0.3) }, swemwbs: swemwbs.map { SWEMWBS(answers: $0)! })
    }

    static func change(_ iso: String, _ from: ClientStatus, _ to: ClientStatus, note: String = "") -> StatusChange {
        StatusChange(date: date(iso), from: from, to: to, note: note)
    }

    static func connection(_ assetID: UUID, _ events: [(String, ConnectionState)]) -> Connection {
        Connection(assetID: assetID, assetName: assets[assetID]?.name ?? "Lunch club (closed)",
                   history: events.map { ConnectionEvent(state: $0.1, date: date($0.0)) })
    }

    static func client(
        _ reference: String, _ name: String, _ practice: String, referred: String, by role: ReferrerRole,
        needs: [NeedCategory], firstContact: String? = nil, status: ClientStatus, discharge: Discharge? = nil,
        history: [StatusChange] = [], contacts: [Contact] = [], connections: [Connection] = []
    ) -> Client {
        Client(reference: reference, name: name, practice: practice,
               referral: Referral(date: date(referred), referrerName: "Dr A. Referrer", referrerRole: role, needs: needs),
               status: status, discharge: discharge, firstContactDate: firstContact.map(date),
               statusHistory: history, contacts: contacts, connections: connections, createdAt: at(referred))
    }
}
