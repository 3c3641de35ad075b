import CaseloadKit
import CaseloadReports
import Foundation

/// One client as `caseload list` prints it.
struct ListRow: Encodable {
    let reference: String
    let name: String
    let nhsNumber: String?
    let practice: String
    let status: String
    let referralDate: String
    let daysWaiting: Int?
    let risk: Bool
    let discussInSupervision: Bool

    init(_ client: ClientSummary, today: CalendarDate) {
        reference = client.reference
        name = client.name
        nhsNumber = client.nhsNumber?.formatted
        practice = client.practice
        status = client.status.rawValue
        referralDate = client.referralDate.iso
        daysWaiting = client.currentWait(today: today)
        risk = client.hasRisk
        discussInSupervision = client.discussInSupervision
    }

    static let headers = ["Ref", "Name", "NHS number", "Practice", "Status", "Referred", "Wait", "Flags"]

    var cells: [String] {
        [reference, name, nhsNumber ?? "", practice, status, referralDate, daysWaiting.map { "\($0)d" } ?? "",
         (risk ? "risk " : "") + (discussInSupervision ? "supervision" : "")]
    }

    static func table(_ rows: [ListRow]) -> String {
        TextTable.render(headers: headers, rows: rows.map(\.cells)) + "\(rows.count) client\(rows.count == 1 ? "" : "s")\n"
    }

    static func csv(_ rows: [ListRow]) -> String {
        let header = ["reference", "name", "nhs_number", "practice", "status", "referral_date", "days_waiting", "risk",
                      "discuss_in_supervision"]
        return CSVText.document(header: header, rows: rows.map { row in
            [row.reference, row.name, row.nhsNumber ?? "", row.practice, row.status, row.referralDate,
             row.daysWaiting.map(String.init) ?? "", String(row.risk), String(row.discussInSupervision)]
        })
    }

    static func json(_ rows: [ListRow]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(rows), as: UTF8.self)
    }
}
