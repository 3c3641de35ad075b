import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `caseload assets import` and `caseload assets list`, run as a script would: no terminal, no tmux.
@Suite(.timeLimit(.minutes(3)))
struct AssetsCommandTests {
    @Test("importing a feed into a folder with no caseload starts one; importing it again changes nothing")
    func importTwice() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = world.root.appendingPathComponent("new-folder")
        let feed = HSDSFixtures.path("service_full.json")

        let first = try world.run(["assets", "import", "--data-dir", data.path, feed])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == """
            service_full.json: 1 added, 0 updated, 0 unchanged, 0 skipped
            Imported: 1 added, 0 updated, 0 unchanged, 0 skipped\n
            """)
        #expect(first.stderr.isEmpty, "\(first.stderr)")
        let files = try AssetFiles.names(in: data)
        #expect(files.count == 1)
        for file in files {
            #expect(try permissions(of: data.appendingPathComponent("assets/\(file)").path) == 0o600)
        }

        let again = try world.run(["assets", "import", "--data-dir", data.path, feed])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("service_full.json: 0 added, 0 updated, 1 unchanged"), "\(again.stdout)")
        #expect(try AssetFiles.names(in: data) == files, "no second copy of the service")
    }

    @Test("an unreadable asset file stops an import, so the feed cannot add its service a second time")
    func unreadableAssetStopsImport() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = world.root.appendingPathComponent("data")
        let feed = HSDSFixtures.path("service_full.json")
        #expect(try world.run(["assets", "import", "--data-dir", data.path, feed]).status == 0)
        let file = try #require(try AssetFiles.names(in: data).first)
        let damaged = data.appendingPathComponent("assets/\(file)")
        try Data("{\"schemaVersion\": 99}".utf8).write(to: damaged)

        let again = try world.run(["assets", "import", "--data-dir", data.path, feed])
        #expect(again.status == 1)
        #expect(again.stdout.contains("nothing was imported: 1 asset file cannot be read (assets/\(file))"), "\(again.stdout)")
        #expect(try AssetFiles.names(in: data) == [file], "no second copy")
        #expect(try String(contentsOf: damaged, encoding: .utf8) == "{\"schemaVersion\": 99}", "the damaged file is left alone")
    }

    @Test("a folder of HSDS CSV tables imports like a JSON feed")
    func importCSVFolder() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = world.root.appendingPathComponent("data")
        let result = try world.run(["assets", "import", "--data-dir", data.path, HSDSFixtures.path("csv")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("csv: 1 added, 0 updated, 0 unchanged, 0 skipped\n"), "\(result.stdout)")

        let listed = try world.run(["assets", "list", "--data-dir", data.path])
        #expect(listed.stdout.contains("Community Counselling"), "\(listed.stdout)")
    }

    @Test("a feed with a fault is named with the place and imports nothing; the good feed beside it is imported")
    func malformedFeedBesideAGoodOne() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = world.root.appendingPathComponent("data")
        // The first service is fine: nothing of a faulty file may be imported, not even the good part.
        let bad = world.root.appendingPathComponent("walks.json")
        try Data("""
            [{"id": "walk-1", "name": "Riverside Walking Group"},
             {"id": "walk-2", "name": 42}]
            """.utf8).write(to: bad)

        let result = try world.run(["assets", "import", "--data-dir", data.path, bad.path,
                                    HSDSFixtures.path("service_full.json")])
        #expect(result.status == 1)
        #expect(result.stdout.contains(
            "\(bad.path): not imported: [1] (service id \"walk-2\"), field \"name\": expected text, found a number"),
            "\(result.stdout)")
        #expect(result.stdout.contains("service_full.json: 1 added"), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("Imported: 1 added, 0 updated, 0 unchanged, 0 skipped, 1 file not imported\n"),
                "\(result.stdout)")
        #expect(result.stderr == "caseload: could not import \(bad.path) (see above); the other feed was imported\n")

        let names = try AssetFiles.all(in: data).compactMap { $0["name"] as? String }
        #expect(names == ["Community Counselling"])
    }

    @Test("import into a caseload open in another window fails, names the window and writes nothing")
    func importWhileLocked() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = try world.makeDemo()
        // Hold the lock as an open window does, with its pid in the file.
        let lock = open(data.appendingPathComponent(".lock").path, O_RDWR | O_CLOEXEC)
        try #require(lock >= 0 && flock(lock, LOCK_EX | LOCK_NB) == 0, "took the lock")
        defer { close(lock) }
        let pid = Array("4242\n".utf8)
        #expect(ftruncate(lock, 0) == 0 && pwrite(lock, pid, pid.count, 0) == pid.count)
        let before = try snapshot(of: data)

        let result = try world.run(["assets", "import", "--data-dir", data.path, HSDSFixtures.path("service_full.json")])
        #expect(result.status == 1)
        #expect(result.stderr == """
            caseload: cannot import into \(data.path): the caseload is read-only: open in another window (pid 4242); \
            nothing was imported\n
            """)
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        #expect(try snapshot(of: data) == before, "nothing written")
    }

    @Test("assets list shows each asset's capacity, last check and how many people are connected")
    func listWithConnections() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = try world.makeDemo()
        let imported = try world.run(["assets", "import", "--data-dir", data.path, HSDSFixtures.path("service_full.json")])
        try #require(imported.status == 0, "\(imported.stderr)")
        let asset = try #require(try AssetFiles.all(in: data).first { $0["name"] as? String == "Community Counselling" })
        let assetID = try #require(asset["id"] as? String)
        // Two people connected: one of them twice, who still counts once.
        let clients = try ClientFile.all(in: data)
        try connect(clients[0], to: assetID, times: 2)
        try connect(clients[1], to: assetID, times: 1)

        let result = try world.run(["assets", "list", "--data-dir", data.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "every client file still reads: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.range(of: #"^Name +Organisation +Capacity +Checked +People connected$"#,
                                   options: .regularExpression) != nil, "\(result.stdout)")
        #expect(lines.contains { $0.range(of: #"^Community Counselling +Example Organization Inc\. +Accepting referrals +never ⚠ +2$"#,
                                          options: .regularExpression) != nil }, "\(result.stdout)")
        #expect(lines.last == "\(lines.count - 2) asset\(lines.count == 3 ? "" : "s")")

        let csv = try CommandLineTests.csv(try world.run(["assets", "list", "--data-dir", data.path, "--format", "csv"]).stdout)
        #expect(csv.first == ["name", "organisation", "capacity", "last_checked", "stale", "people_connected", "retired_on", "id"])
        #expect(csv.contains(["Community Counselling", "Example Organization Inc.", "accepting", "", "true", "2", "", assetID]))
    }

    @Test("assets list prints a table; --search, --category and --capacity narrow it")
    func listFilters() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = world.root.appendingPathComponent("data")
        _ = try world.run(["assets", "import", "--data-dir", data.path, HSDSFixtures.path("service_full.json")])
        let counselling = "Community Counselling"
        let table = try world.run(["assets", "list", "--data-dir", data.path])
        #expect(table.stdout == """
            Name                   Organisation               Capacity             Checked  People connected
            Community Counselling  Example Organization Inc.  Accepting referrals  never ⚠  0
            1 asset\n
            """)
        for (filter, shown) in [(["--search", "counsel"], true), (["--search", "bowls"], false),
                                (["--category", "mental-wellbeing"], true), (["--category", "housing"], false),
                                (["--capacity", "accepting"], true), (["--capacity", "full"], false)] {
            let result = try world.run(["assets", "list", "--data-dir", data.path] + filter)
            #expect(result.status == 0, "\(filter): \(result.stderr)")
            #expect(result.stdout.contains(counselling) == shown, "\(filter): \(result.stdout)")
            #expect(result.stdout.hasSuffix(shown ? "1 asset\n" : "0 assets\n"), "\(filter): \(result.stdout)")
        }
    }

    @Test("assets list on a folder with no caseload says so and creates nothing")
    func listWithoutCaseload() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let missing = world.root.appendingPathComponent("nothing-here")
        let result = try world.run(["assets", "list", "--data-dir", missing.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("caseload: no caseload at \(missing.path) yet"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    /// Adds connections to the client's file as the app would have saved them.
    private func connect(_ client: ClientFile, to assetID: String, times: Int) throws {
        var json = client.json
        var connections = json["connections"] as? [[String: Any]] ?? []
        for _ in 0..<times {
            connections.append([
                "id": UUID().uuidString, "assetID": assetID, "assetName": "Community Counselling",
                "history": [["state": "referred", "date": "2026-11-02", "note": ""]],
            ])
        }
        json["connections"] = connections
        try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys]).write(to: client.url)
    }
}

/// The HSDS 3 example feeds kept with the Open Referral reader's tests (CC BY-SA 4.0; see the README there).
enum HSDSFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../OpenReferralTests/Fixtures/hsds3").standardizedFileURL

    static func path(_ relative: String) -> String { folder.appendingPathComponent(relative).path }
}

/// The asset files of a data folder.
enum AssetFiles {
    static func names(in data: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("assets").path)
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
    }

    static func all(in data: URL) throws -> [[String: Any]] {
        try names(in: data).map { name in
            let url = data.appendingPathComponent("assets/\(name)")
            guard let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
                throw HarnessError("\(url.path) does not hold a JSON object")
            }
            return json
        }
    }
}
