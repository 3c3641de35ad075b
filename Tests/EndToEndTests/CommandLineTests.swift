import Foundation
import Testing

/// The binary without a terminal: pipes and files, as scripts use it. No tmux here.
@Suite(.timeLimit(.minutes(3)))
struct CommandLineTests {
    static let csvHeader = "reference,name,nhs_number,practice,status,referral_date,days_waiting,risk,discuss_in_supervision"

    @Test("caseload < /dev/null exits non-zero with one line about the terminal, pointing to `caseload list`")
    func noTerminal() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = try world.makeDemo()
        for (label, overrides) in [("no terminal", [String: String?]()), ("TERM=dumb", ["TERM": "dumb"]), ("TERM unset", ["TERM": nil])] {
            let result = try world.run(["--data-dir", data.path], environment: overrides)
            #expect(result.status != 0, "\(label)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(label): one line on stderr:\n\(result.stderr)")
            #expect(result.stderr.contains("terminal"), "\(label): \(result.stderr)")
            #expect(result.stderr.contains("caseload list"), "\(label): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(label): nothing on stdout, least of all escape sequences:\n\(result.stdout)")
        }
    }

    @Test("caseload list --format csv prints a header and one row per client")
    func listAsCSV() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = try world.makeDemo()
        let result = try world.run(["list", "--data-dir", data.path, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try Self.csv(result.stdout)
        #expect(rows.first == Self.csvHeader.components(separatedBy: ","))
        let clients = rows.dropFirst()
        #expect(clients.count == 60, "\(result.stdout)")
        #expect(clients.allSatisfy { $0.count == 9 }, "every row has every column")
        #expect(Set(clients.map { $0[0] }).count == 60, "references are unique")
        let names = Set(clients.map { $0[1] })
        for name in ["Łukasz Nowak", "陈伟", "Zoë Whitfield", "Grace O'Connor"] {
            #expect(names.contains(name), "\(name) is listed")
        }
    }

    @Test("caseload list --status waiting prints only waiting clients")
    func listFilteredByStatus() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = try world.makeDemo()
        let all = try Self.csv(try world.run(["list", "--data-dir", data.path, "--format", "csv"]).stdout).dropFirst()
        let expected = all.filter { $0[4] == "waiting" }.map { $0[0] }
        #expect(!expected.isEmpty, "the demo has waiting clients")

        let csv = try world.run(["list", "--data-dir", data.path, "--status", "waiting", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let waiting = try Self.csv(csv.stdout).dropFirst()
        #expect(waiting.allSatisfy { $0[4] == "waiting" }, "\(csv.stdout)")
        #expect(Set(waiting.map { $0[0] }) == Set(expected))

        // The table people read says the same, with a count at the end.
        let table = try world.run(["list", "--data-dir", data.path, "--status", "waiting"])
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.last == "\(expected.count) clients", "\(table.stdout)")
        let body = lines.dropFirst().dropLast()
        #expect(body.count == expected.count && body.allSatisfy { $0.contains("  waiting  ") }, "\(table.stdout)")
    }

    @Test("caseload list --notes finds clients by the words of their contact notes")
    func listByNotes() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = try world.makeDemo()
        // A long word from some client's notes, and every client whose notes hold it.
        var notesByReference: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: data.path + "/clients") {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: data.appendingPathComponent("clients/" + file))) as! [String: Any]
            let contacts = object["contacts"] as? [[String: Any]] ?? []
            notesByReference[object["reference"] as! String] = contacts.compactMap { $0["notes"] as? String }.joined(separator: " ").lowercased()
        }
        let word = try #require(notesByReference.values.flatMap { $0.split(whereSeparator: { !$0.isLetter }) }
            .first { $0.count >= 9 && $0.allSatisfy(\.isASCII) }).lowercased()
        let expected = Set(notesByReference.filter { $0.value.contains(word) }.keys)

        let result = try world.run(["list", "--data-dir", data.path, "--notes", word.uppercased(), "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Set(try Self.csv(result.stdout).dropFirst().map { $0[0] }) == expected, "\(word)")
        let none = try world.run(["list", "--data-dir", data.path, "--notes", "qqqzzz"])
        #expect(none.stdout.hasSuffix("0 clients\n"), "\(none.stdout)")
    }

    @Test("caseload --version prints a version")
    func version() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let result = try world.run(["--version"])
        #expect(result.status == 0)
        let version = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.range(of: #"^\d+\.\d+\.\d+"#, options: .regularExpression) != nil, "\(result.stdout)")
    }

    @Test("caseload list --status nonsense fails and lists the statuses that exist")
    func unknownStatus() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let data = try world.makeDemo()
        let result = try world.run(["list", "--data-dir", data.path, "--status", "nonsense"])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        #expect(result.stderr.contains("nonsense"), "names the bad value: \(result.stderr)")
        for status in ["waiting", "active", "discharged"] {
            #expect(result.stderr.contains(status), "lists \(status) among the choices: \(result.stderr)")
        }
    }

    @Test("caseload list on a folder with no caseload says so and creates nothing")
    func listWithoutCaseload() throws {
        let world = try EndToEnd()
        defer { world.tearDown() }
        let missing = world.root.appendingPathComponent("nothing-here")
        let result = try world.run(["list", "--data-dir", missing.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no caseload at \(missing.path)"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    /// RFC 4180 rows (CRLF line ends, quoted fields with doubled quotes).
    static func csv(_ text: String) throws -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            if quoted {
                if character == "\"" {
                    if index < text.endIndex, text[index] == "\"" {
                        field.append("\"")
                        index = text.index(after: index)
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\r\n", "\n": row.append(field); rows.append(row); row = []; field = ""
            default: field.append(character)
            }
        }
        guard !quoted else { throw HarnessError("unterminated quoted field in CSV:\n\(text)") }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
