import CaseloadKit
import Foundation
import TerminalUI

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

    init(_ client: Client, today: CalendarDate) {
        reference = client.reference
        name = client.name
        nhsNumber = client.nhsNumber?.formatted
        practice = client.practice
        status = client.status.rawValue
        referralDate = client.referral.date.iso
        daysWaiting = client.currentWait(today: today)
        risk = client.hasRisk
        discussInSupervision = client.discussInSupervision
    }

    static let headers = ["Ref", "Name", "NHS number", "Practice", "Status", "Referred", "Wait", "Flags"]

    var cells: [String] {
        [reference, name, nhsNumber ?? "", practice, status, referralDate, daysWaiting.map { "\($0)d" } ?? "",
         (risk ? "risk " : "") + (discussInSupervision ? "supervision" : "")]
    }

    /// Columns padded by display width, so names in any script line up.
    static func table(_ rows: [ListRow]) -> String {
        let all = [headers] + rows.map(\.cells)
        let widths = headers.indices.map { column in all.map { TextWidth.of($0[column]) }.max() ?? 0 }
        var output = ""
        for line in all {
            let padded = zip(line, widths).map { TextWidth.fit($0, to: $1) }.joined(separator: "  ")
            output += padded.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }
        return output + "\(rows.count) client\(rows.count == 1 ? "" : "s")\n"
    }

    /// RFC 4180: fields with commas, quotes or line breaks are quoted, quotes doubled.
    static func csv(_ rows: [ListRow]) -> String {
        func field(_ text: String) -> String {
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        let header = "reference,name,nhs_number,practice,status,referral_date,days_waiting,risk,discuss_in_supervision"
        let lines = rows.map { row in
            [row.reference, row.name, row.nhsNumber ?? "", row.practice, row.status, row.referralDate,
             row.daysWaiting.map(String.init) ?? "", String(row.risk), String(row.discussInSupervision)].map(field).joined(separator: ",")
        }
        return ([header] + lines).joined(separator: "\r\n") + "\r\n"
    }

    static func json(_ rows: [ListRow]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(rows), as: UTF8.self)
    }
}
