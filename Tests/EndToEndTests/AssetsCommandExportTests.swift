import Foundation
import Testing

/// `caseload assets export`, run as a script would: no terminal, no tmux.
@Suite(.timeLimit(.minutes(3)))
struct AssetsCommandExportTests {
    static let csvHeader = [
        "name", "organisation", "categories", "capacity", "description", "schedule", "address", "phone", "email",
        "website", "eligibility", "cost", "last_checked", "checked_by", "notes", "source_feed", "source_id",
        "retired_on", "id",
    ]

    /// A new caseload holding the one service of the HSDS example feed.
    private func importedCaseload(_ world: EndToEnd) throws -> URL {
        let data = world.root.appendingPathComponent("data")
        let result = try world.run(["assets", "import", "--data-dir", data.path, HSDSFixtures.path("service_full.json")])
        guard result.status == 0 else { throw HarnessError("import failed (exit \(result.status)): \(result.stderr)") }
        return data
    }

    @Test("export as JSON holds every asset exactly as stored, in an envelope that says what it is")
    func jsonRoundTrip() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = try importedCaseload(world)

        let result = try world.run(["assets", "export", "--data-dir", data.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let export = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(export["application"] as? String == "caseload")
        #expect(export["kind"] as? String == "assets")
        #expect(export["schemaVersion"] as? Int == 1)
        #expect(export["exportedAt"] as? String == EndToEnd.now)

        let assets = try #require(export["assets"] as? [[String: Any]])
        try #require(assets.count == 1)
        let asset = assets[0]
        #expect(asset["name"] as? String == "Community Counselling")
        #expect(asset["organisation"] as? String == "Example Organization Inc.")
        #expect(asset["capacity"] as? String == "accepting")
        #expect(asset["categories"] as? [String] == ["mental-wellbeing"])
        #expect(asset["email"] as? String == "email@example.com")
        let source = try #require(asset["source"] as? [String: Any])
        #expect(source["feed"] as? String == "service_full.json")
        #expect(source["serviceID"] as? String == "ac148810-d857-441c-9679-408f346de14b")
        let stored = try #require(try AssetFiles.all(in: data).first)
        #expect(NSDictionary(dictionary: asset).isEqual(to: stored), "the export holds the stored asset unchanged")
    }

    @Test("export as CSV has the header and one RFC 4180 row per asset, with labels people read")
    func csvRows() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = try importedCaseload(world)

        let result = try world.run(["assets", "export", "--data-dir", data.path, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix(Self.csvHeader.joined(separator: ",") + "\r\n"), "\(result.stdout)")
        let rows = try CommandLineTests.csv(result.stdout)
        try #require(rows.count == 2, "\(result.stdout)")
        #expect(rows[0] == Self.csvHeader)
        let row = Dictionary(uniqueKeysWithValues: zip(Self.csvHeader, rows[1]))
        let stored = try #require(try AssetFiles.all(in: data).first)
        #expect(row["name"] == "Community Counselling")
        #expect(row["categories"] == "Low mood and mental wellbeing")
        #expect(row["capacity"] == "Accepting referrals")
        #expect(row["description"] == stored["description"] as? String, "a description with commas survives quoting")
        #expect(row["last_checked"] == "" && row["checked_by"] == "", "never checked")
        #expect(row["source_feed"] == "service_full.json")
        #expect(row["source_id"] == "ac148810-d857-441c-9679-408f346de14b")
        #expect(row["retired_on"] == "")
        #expect(row["id"] == stored["id"] as? String)
    }

    @Test("export --output writes a 0600 file in place of any old one and says so on stderr")
    func outputFile() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = try importedCaseload(world)
        let file = world.root.appendingPathComponent("directory.json")
        // An older export anyone could read: replaced by one only its owner can.
        try Data("old".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)

        let result = try world.run(["assets", "export", "--data-dir", data.path, "--output", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        #expect(result.stderr == "Wrote 1 asset to \(file.path)\n")
        #expect(try permissions(of: file.path) == 0o600)
        let export = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        #expect((export?["assets"] as? [Any])?.count == 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: world.root.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "no temporary file left: \(leftovers)")
    }

    @Test("export --output into a missing folder fails with the reason and writes nothing")
    func outputFolderMissing() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = try importedCaseload(world)
        let file = world.root.appendingPathComponent("no-such-folder/directory.csv")

        let result = try world.run(["assets", "export", "--data-dir", data.path, "--format", "csv", "-o", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("caseload: cannot write \(file.path): "), "\(result.stderr)")
        #expect(result.stderr.contains("No such file or directory"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test("retired assets are left out of exports and lists unless asked for")
    func retiredAssets() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = try importedCaseload(world)
        let name = try #require(try AssetFiles.names(in: data).first)
        let url = data.appendingPathComponent("assets/\(name)")
        var asset = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        asset["retiredOn"] = "2026-10-01"
        try JSONSerialization.data(withJSONObject: asset, options: [.prettyPrinted, .sortedKeys]).write(to: url)

        func exported(_ extra: [String]) throws -> [[String: Any]] {
            let result = try world.run(["assets", "export", "--data-dir", data.path] + extra)
            let export = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            return export?["assets"] as? [[String: Any]] ?? []
        }
        #expect(try exported([]).isEmpty)
        #expect(try exported(["--include-retired"]).first?["retiredOn"] as? String == "2026-10-01")

        let hidden = try world.run(["assets", "list", "--data-dir", data.path])
        #expect(hidden.stdout.hasSuffix("0 assets\n"), "\(hidden.stdout)")
        let shown = try world.run(["assets", "list", "--data-dir", data.path, "--include-retired"])
        #expect(shown.stdout.contains("Community Counselling (retired)"), "\(shown.stdout)")
    }
}
