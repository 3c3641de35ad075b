import Foundation
import Testing

/// `caseload check` on whole folders, as a person or a backup script runs it. No tmux here.
@Suite(.timeLimit(.minutes(3)))
struct CheckCommandTests {
    @Test("caseload check on a healthy caseload prints a summary and exits 0")
    func aHealthyCaseload() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = try world.makeDemo()
        let before = try snapshot(of: data)
        for arguments in [["check", data.path], ["check", "--data-dir", data.path]] {
            let result = try world.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stdout)\(result.stderr)")
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.count == 1, "\(result.stdout)")
            #expect(result.stdout.hasPrefix("Checked 60 clients, "), "\(result.stdout)")
            #expect(result.stdout.hasSuffix(": no problems\n"), "\(result.stdout)")
            #expect(result.stderr.isEmpty, "\(result.stderr)")
        }
        // As every command does: CASELOAD_DIR when there is no PATH and no --data-dir.
        let fromEnvironment = try world.run(["check"], environment: ["CASELOAD_DIR": data.path])
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.stdout)\(fromEnvironment.stderr)")
        #expect(fromEnvironment.stdout.hasPrefix("Checked 60 clients, "))
        #expect(try snapshot(of: data) == before, "checking writes nothing, not even a lock file")
    }

    @Test("caseload check names each damaged file, leaves it alone and exits 1")
    func damagedFiles() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = try world.makeDemo()
        let clients = data.appendingPathComponent("clients")
        let files = try FileManager.default.contentsOfDirectory(atPath: clients.path).filter { $0.hasSuffix(".json") }.sorted()
        let truncated = "clients/" + files[0]
        let whole = try Data(contentsOf: data.appendingPathComponent(truncated))
        try whole.prefix(whole.count / 2).write(to: data.appendingPathComponent(truncated))
        let latin1 = "clients/" + files[1]
        var bytes = Array(try Data(contentsOf: data.appendingPathComponent(latin1)))
        bytes[bytes.firstIndex(of: UInt8(ascii: ":"))! + 3] = 0xEB
        try Data(bytes).write(to: data.appendingPathComponent(latin1))
        try FileManager.default.createSymbolicLink(atPath: clients.appendingPathComponent("linked.json").path,
                                                   withDestinationPath: "/media/usb/linked.json")
        try FileManager.default.createDirectory(at: clients.appendingPathComponent("folder.json"),
                                                withIntermediateDirectories: false)
        try Data(String(repeating: "[", count: 100_000).utf8).write(to: data.appendingPathComponent("settings.json"))
        let before = try snapshot(of: data)

        let result = try world.run(["check", data.path])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let expected = [
            "\(truncated): not valid JSON",
            "\(latin1): not UTF-8 text",
            "clients/folder.json: a folder where a client file should be",
            "clients/linked.json: a link to a file that does not exist (/media/usb/linked.json)",
            "settings.json: nested too deeply",
        ]
        #expect(lines.count == expected.count + 1, "\(result.stdout)")
        for (line, start) in zip(lines, expected.sorted()) {
            #expect(line.hasPrefix(start), "\(line)")
        }
        #expect(lines.last?.hasPrefix("Checked 58 clients, ") == true, "\(result.stdout)")
        #expect(lines.last?.hasSuffix(": 5 problems") == true, "\(result.stdout)")
        #expect(try snapshot(of: data) == before, "the damaged files are left exactly as they were")
    }

    @Test("caseload check notes a temporary file left by a crash without failing")
    func leftoverTemporaryFile() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = try world.makeDemo()
        try Data("{ half".utf8).write(to: data.appendingPathComponent("clients/.x.json.5e1.tmp"))
        let result = try world.run(["check", data.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("clients/.x.json.5e1.tmp: note: left by an interrupted save"), "\(result.stdout)")
        #expect(result.stdout.hasSuffix(": no problems, 1 note\n"), "\(result.stdout)")
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("clients/.x.json.5e1.tmp").path))
    }

    @Test("caseload check reads a copy of a caseload folder, as a backup is")
    func aCopiedFolder() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = try world.makeDemo()
        try Data("{".utf8).write(to: data.appendingPathComponent("assets/broken.json"))
        let copy = world.root.appendingPathComponent("copy")
        try FileManager.default.copyItem(at: data, to: copy)
        let original = try world.run(["check", data.path])
        let copied = try world.run(["check", copy.path])
        #expect(copied.status == 1)
        #expect(copied.stdout == original.stdout, "paths are within the folder, so both read the same")
        #expect(copied.stdout.hasPrefix("assets/broken.json: not valid JSON"), "\(copied.stdout)")
    }

    @Test("caseload check on a folder that is not a caseload says so and exits 1")
    func notACaseload() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let folder = world.root.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let result = try world.run(["check", folder.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "caseload: \(folder.path) is not a caseload folder: it has no manifest.json and no clients folder\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "nothing was created")

        let missing = try world.run(["check", world.root.appendingPathComponent("nowhere").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("there is no such folder"), "\(missing.stderr)")
    }
}
