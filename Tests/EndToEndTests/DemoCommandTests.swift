import Foundation
import Testing

/// `caseload demo --clients N`: synthetic caseloads of any size. No tmux here.
@Suite(.timeLimit(.minutes(3)))
struct DemoCommandTests {
    @Test("caseload demo --clients 25 writes 25 clients that check and list cleanly; a second run is refused")
    func writesSyntheticClients() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let folder = world.root.appendingPathComponent("synthetic")
        let result = try world.run(["demo", "--clients", "25", "--dir", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Wrote 25 synthetic clients ("), "\(result.stdout)")
        #expect(result.stdout.contains(" on disk) to \(folder.path) in "), "\(result.stdout)")

        let check = try world.run(["check", "--data-dir", folder.path])
        #expect(check.status == 0 && check.stdout.contains("25 clients") && check.stdout.contains("no problems"),
                "\(check.stdout)\(check.stderr)")
        let list = try world.run(["list", "--data-dir", folder.path, "--format", "csv"])
        let references = list.stdout.split(whereSeparator: \.isNewline).dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(references.sorted() == (1...25).map { String(format: "C-%04d", $0) }, "\(list.stdout)")

        let again = try world.run(["demo", "--clients", "25", "--dir", folder.path])
        #expect(again.status != 0)
        #expect(again.stderr.contains("already holds a caseload"), "\(again.stderr)")
    }

    @Test("The same --seed writes the same files; --seed needs --clients, and --clients a sensible number")
    func seedsAndLimits() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        var contents: [[String: Data]] = []
        for name in ["first", "second"] {
            let folder = world.root.appendingPathComponent(name)
            let result = try world.run(["demo", "--clients", "10", "--seed", "7", "--dir", folder.path])
            #expect(result.status == 0, "\(result.stderr)")
            let clients = folder.appendingPathComponent("clients")
            let names = try FileManager.default.contentsOfDirectory(atPath: clients.path)
            contents.append(Dictionary(uniqueKeysWithValues: try names.map {
                ($0, try Data(contentsOf: clients.appendingPathComponent($0)))
            }))
        }
        #expect(contents[0].count == 10)
        #expect(contents[0] == contents[1])

        for arguments in [["--seed", "7"], ["--clients", "0"], ["--clients", "1000001"]] {
            let folder = world.root.appendingPathComponent("refused")
            let result = try world.run(["demo", "--dir", folder.path] + arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(!FileManager.default.fileExists(atPath: folder.path), "\(arguments): nothing written")
        }
    }
}
