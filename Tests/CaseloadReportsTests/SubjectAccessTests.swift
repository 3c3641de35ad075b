import CaseloadKit
import CaseloadReports
import Foundation
import Testing

@Suite struct SubjectAccessTests {
    typealias F = SessionFixture

    func json(_ audit: [RecordedChange] = F.audit, assets: [UUID: Asset] = F.assets) throws -> [String: Any] {
        let text = try SubjectAccessExport.json(client: F.zoe, audit: audit, assets: assets, context: F.context)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func markdown(_ client: Client = F.zoe, audit: [RecordedChange] = F.audit) -> String {
        SubjectAccessExport.markdown(client: client, audit: audit, assets: F.assets, context: F.context)
    }

    @Test func goldenFiles() throws {
        expectGolden(try SubjectAccessExport.json(client: F.zoe, audit: F.audit, assets: F.assets, context: F.context),
                     named: "client.json")
        expectGolden(markdown(), named: "client.md")
    }

    @Test func jsonHoldsTheRecordExactlyAsStored() throws {
        let document = try json()
        #expect(document["application"] as? String == "caseload")
        #expect(document["kind"] as? String == "subject-access")
        #expect(document["schemaVersion"] as? Int == 1)
        let client = try #require(document["client"])
        let exported = try JSONSerialization.data(withJSONObject: client)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(Client.self, from: exported) == F.zoe)
        // The same JSON the store writes for the client, key for key.
        let stored = try JSONSerialization.jsonObject(with: Data(try DocumentText.json(F.zoe).utf8))
        func canonical(_ object: Any) throws -> Data { try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) }
        #expect(try canonical(client) == canonical(stored))
    }

    @Test func auditEntriesComeOldestFirst() throws {
        let entries = try #require(try json(F.audit.reversed())["audit"] as? [[String: Any]])
        #expect(entries.map { $0["action"] as? String } == ["created", "updated"])
        let changes = try #require(entries[1]["changes"] as? [[String: Any]])
        #expect(changes[1]["before"] as? String == "\"Lives alone.\"")
        #expect(changes[2]["after"] == nil)
    }

    @Test func linkedAssetsAreNamedFromTheDirectoryOrTheConnection() throws {
        let linked = try #require(try json()["linkedAssets"] as? [[String: Any]])
        #expect(linked.map { $0["name"] as? String } == ["Northgate Community Shed", "Citizens Advice Northgate",
                                                        "Sing for Joy choir, St Mary's hall"])
        #expect(linked.map { $0["inDirectory"] as? Bool } == [true, false, true])
    }

    @Test func markdownHasEverySectionAndTheChanges() {
        let text = markdown()
        for heading in ["Personal details", "Referral", "Status", "Discharge", "Risk and safeguarding", "Contacts (4)",
                        "Action plan", "Follow-ups", "Connections to community assets", "The record",
                        "Changes on record (2)", "About this copy"] {
            #expect(text.contains("\n## \(heading)\n"), "missing \(heading)")
        }
        #expect(text.contains("- `riskNote`: `\"Lives alone.\"` → `\"Lives alone. A dog at home.\"`"))
        #expect(text.contains("- `phone`: removed (was `\"07700 900999\"`)"))
        #expect(text.contains("added ``{\"kind\":\"review\",\"notes\":\"Uses `back ticks`\"}``"))
        #expect(text.contains("### 21 November 2026, 09:50: updated"))
        #expect(text.contains("- Step: Walking football (the person, dropped). Not for her"))
        #expect(text.contains("Name when connected:** Northgate Men's Shed"))
        #expect(text.contains("Check in after the Shed (Phone), cancelled on 6 November 2026: Zoë unwell"))
        #expect(text.contains(SWEMWBS.copyright))
    }

    @Test func emptySectionsSaySoRatherThanDisappear() {
        let client = F.lukasz
        let text = SubjectAccessExport.markdown(client: client, audit: [], assets: [:], context: F.context)
        #expect(text.contains("## Action plan\n\nNone recorded."))
        #expect(text.contains("## Changes on record (0)\n\nNone recorded."))
        #expect(text.contains("## Discharge\n\nNot discharged."))
        #expect(text.contains("- **Agreed to share with the referrer:** Not asked"))
    }

    @Test func fileNameCarriesTheReferenceAndDay() {
        #expect(SubjectAccessExport.fileName(client: F.zoe, format: .json, on: F.sessionDay) == "client-C-0042-2026-11-21.json")
        #expect(SubjectAccessExport.fileName(client: F.zoe, format: .markdown, on: F.sessionDay) == "client-C-0042-2026-11-21.md")
    }
}
