import CaseloadKit
import CaseloadReports
import Foundation
import Testing

@Suite struct ReportDocumentTests {
    let report = ReportFixture.report()
    let context = ReportFixture.context

    private func render(_ report: CaseloadReport, _ format: DocumentFormat) -> String {
        ReportDocument.render(report, format: format, context: context)
    }

    private var empty: CaseloadReport {
        CaseloadReport(clients: [], assets: [:], period: ReportFixture.october, practice: nil, timeZone: ReportFixture.london)
    }

    // MARK: Golden files

    @Test func markdownMatchesTheGoldenFile() {
        expectGolden(render(report, .markdown), named: "report.md")
    }

    @Test func textMatchesTheGoldenFileAndFits() {
        let text = render(report, .text)
        expectGolden(text, named: "report.txt")
        expectFits(text)
    }

    @Test func csvMatchesTheGoldenFile() {
        expectGolden(render(report, .csv), named: "report.csv")
    }

    @Test func jsonMatchesTheGoldenFile() {
        expectGolden(render(report, .json), named: "report.json")
    }

    // MARK: Every format

    @Test(arguments: DocumentFormat.allCases)
    func theEmptyCaseloadSaysThereIsNothingForThePeriod(format: DocumentFormat) {
        let document = render(empty, format)
        if format == .json {
            #expect(document.contains(#""nothingRecorded" : true"#))
        } else {
            #expect(document.contains("Nothing was recorded for this period."))
        }
        #expect(!render(report, format).contains("Nothing was recorded"))
    }

    @Test(arguments: DocumentFormat.allCases)
    func everyFormatCarriesTheMeasuresAttribution(format: DocumentFormat) {
        let document = render(report, format).replacingOccurrences(of: "\n", with: " ")
        #expect(document.contains("SWEMWBS © NHS Health Scotland, University of Warwick and University of Edinburgh, 2008, all rights reserved."))
        #expect(document.contains("Office for National Statistics"))
    }

    @Test func emptyTextFits() {
        expectFits(render(empty, .text))
    }

    // MARK: Markdown

    @Test func markdownEscapesPracticeNames() {
        let clients = [client(practice: "St *Mary's* | Surgery")]
        let report = CaseloadReport(clients: clients, assets: [:], period: ReportFixture.october,
                                    practice: "St *Mary's* | Surgery", timeZone: ReportFixture.london)
        let document = render(report, .markdown)
        #expect(document.contains("- Practice: St \\*Mary's\\* \\| Surgery"))
        #expect(document.contains("| St \\*Mary's\\* \\| Surgery | 1 |"))
    }

    // MARK: Plain text

    @Test func textBarsAreScaledToTheLargestCount() {
        let lines = render(report, .text).split(separator: "\n").map(String.init)
        let active = lines.first { $0.hasPrefix("Active ") && $0.hasSuffix("#") }
        let waiting = lines.first { $0.hasPrefix("Waiting ") && $0.hasSuffix("#") }
        // Six active fill the 40 characters; one waiting gets a sixth of them, rounded.
        #expect(active?.hasSuffix(" " + String(repeating: "#", count: 40)) == true)
        #expect(waiting?.hasSuffix(" " + String(repeating: "#", count: 7)) == true)
    }

    @Test func textCutsALongPracticeNameToFit() {
        let longName = "The Very Long Named Medical Practice and Community Health Centre of Northgate"
        let report = CaseloadReport(clients: [client(practice: longName)], assets: [:], period: ReportFixture.october,
                                    practice: nil, timeZone: ReportFixture.london)
        let text = render(report, .text)
        expectFits(text)
        #expect(text.contains("The Very Long Named Medical Practice an… "))
    }

    @Test func textWrapsALongPracticeNameInTheHeading() {
        let longName = String(repeating: "Northgate ", count: 9) + "Surgery"
        let report = CaseloadReport(clients: [client(practice: longName)], assets: [:], period: ReportFixture.october,
                                    practice: longName, timeZone: ReportFixture.london)
        expectFits(render(report, .text))
    }

    // MARK: CSV

    @Test func csvStartsWithTheHeaderAndThePeriod() {
        let rows = render(report, .csv).components(separatedBy: "\r\n")
        #expect(Array(rows.prefix(4)) == [
            "section,label,value",
            "Report,Period,1 October 2026 to 31 October 2026",
            "Report,From,2026-10-01",
            "Report,To,2026-10-31",
        ])
        #expect(rows.contains("Referrals by need,\"Money, debt and benefits\",2"))
        #expect(rows.last == "")
    }

    @Test func csvQuotesFieldsWithQuotesAndCommas() {
        let practice = #"The "Old" Surgery, Northgate"#
        let report = CaseloadReport(clients: [client(practice: practice)], assets: [:], period: ReportFixture.october,
                                    practice: practice, timeZone: ReportFixture.london)
        let rows = render(report, .csv).components(separatedBy: "\r\n")
        #expect(rows.contains(#"Report,Practice,"The ""Old"" Surgery, Northgate""#))
        #expect(rows.contains(#"Referrals received,"The ""Old"" Surgery, Northgate",1"#))
    }

    // MARK: JSON

    @Test func jsonIsAnObjectWithTheAgreedKeys() throws {
        let data = Data(render(report, .json).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["application"] as? String == "caseload")
        #expect(object["kind"] as? String == "caseload-report")
        #expect(object["schemaVersion"] as? Int == 1)
        #expect(object["generatedAt"] as? String == "2026-11-21T10:00:00Z")
        #expect(object["period"] as? [String: String] == ["from": "2026-10-01", "to": "2026-10-31"])
        #expect(object["practice"] is NSNull)
        #expect((object["generatedBy"] as? [String: String])?["name"] == "Sam Patel")
        let sections = try #require(object["sections"] as? [[String: Any]])
        #expect(sections.count == report.sections.count)
    }

    @Test func jsonNamesTheChosenPractice() throws {
        let data = Data(render(ReportFixture.report(practice: ReportFixture.hillview), .json).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["practice"] as? String == "Hillview Surgery")
    }

    // MARK: File names

    @Test func fileNameGivesThePeriodAndFormat() {
        #expect(ReportDocument.fileName(for: report, format: .markdown) == "report-2026-10-01-to-2026-10-31.md")
        #expect(ReportDocument.fileName(for: report, format: .csv) == "report-2026-10-01-to-2026-10-31.csv")
    }

    @Test func fileNameAddsThePracticeAsASlug() {
        let hillview = ReportFixture.report(practice: ReportFixture.hillview)
        #expect(ReportDocument.fileName(for: hillview, format: .text) == "report-2026-10-01-to-2026-10-31-hillview-surgery.txt")
        let stMarys = ReportFixture.report(practice: "St Mary’s  Surgery (Zoë Lane)")
        #expect(ReportDocument.fileName(for: stMarys, format: .json)
            == "report-2026-10-01-to-2026-10-31-st-marys-surgery-zoe-lane.json")
        let symbols = ReportFixture.report(practice: "***")
        #expect(ReportDocument.fileName(for: symbols, format: .markdown) == "report-2026-10-01-to-2026-10-31-practice.md")
    }

    private func client(practice: String) -> Client {
        Client(reference: "C-01", name: "Zoë Adeyemi", practice: practice,
               referral: Referral(date: ReportFixture.date("2026-10-05")), createdAt: ReportFixture.at("2026-10-05"))
    }
}
