import CaseloadKit
@testable import CaseloadStore
import Foundation
import Glibc
import Testing

/// A client file with one thing wrong; `edit` changes the JSON object of a valid client.
struct BadFile: Sendable, CustomTestStringConvertible {
    let label: String
    let contents: @Sendable (Client) throws -> String
    let reason: String
    var testDescription: String { label }

    static func editing(
        _ label: String, reason: String, _ edit: @escaping @Sendable (inout [String: Any]) -> Void
    ) -> BadFile {
        BadFile(label: label, contents: { client in
            var object = try JSONSerialization.jsonObject(with: Data(StoreJSON.encode(client))) as! [String: Any]
            edit(&object)
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }, reason: reason)
    }

    static func text(_ label: String, _ text: String, reason: String) -> BadFile {
        BadFile(label: label, contents: { _ in text }, reason: reason)
    }
}

func setReferral(_ key: String, _ value: Any) -> @Sendable (inout [String: Any]) -> Void {
    nonisolated(unsafe) let value = value
    return { object in
        var referral = object["referral"] as! [String: Any]
        referral[key] = value
        object["referral"] = referral
    }
}

@Suite("Files that cannot be loaded")
struct LoadProblemTests {
    static let badFiles: [BadFile] = [
        .text("invalid JSON", "{\n  \"name\": \"Ann\",\n  \"practice\" \"Mill Lane\"\n}\n",
              reason: "not valid JSON (the problem is near line 3, column 14)"),
        .text("empty file", "", reason: "the file is empty"),
        .text("not an object", "[1, 2]", reason: "expected a JSON object { ... } at the top level"),
        .editing("date of the wrong type", reason: "field `referral.date`: expected a date as YYYY-MM-DD",
                 setReferral("date", 20260803)),
        .editing("impossible date",
                 reason: "field `referral.date`: expected a date as YYYY-MM-DD, found \"2026-02-30\"",
                 setReferral("date", "2026-02-30")),
        .editing("missing field", reason: "field `practice` is missing") { $0["practice"] = nil },
        .editing("null name", reason: "field `name`: expected text in quotes, found null") { $0["name"] = NSNull() },
        .editing("text for a flag", reason: "field `discussInSupervision`: expected true or false") {
            $0["discussInSupervision"] = "yes"
        },
        .editing("bad timestamp",
                 reason: "field `createdAt`: expected a date and time such as 2026-09-09T14:05:00Z, "
                     + "found \"09/09/2026\"") {
            $0["createdAt"] = "09/09/2026"
        },
        .editing("bad NHS number",
                 reason: "field `nhsNumber`: NHS number check digit does not match (\"9434765918\")") {
            $0["nhsNumber"] = "9434765918"
        },
        .editing("unknown status deep in a list",
                 reason: "field `statusHistory[1].to`: "
                     + "Cannot initialize ClientStatus from invalid String value paused") {
            var history = $0["statusHistory"] as! [[String: Any]]
            history[1]["to"] = "paused"
            $0["statusHistory"] = history
        },
        .editing("newer schema, which wins over its type errors",
                 reason: "written by a newer version of Caseload (schema \(Client.currentSchemaVersion + 1))") {
            $0["schemaVersion"] = Client.currentSchemaVersion + 1
            $0["name"] = 5
        },
        .editing("fractional schema", reason: "field `schemaVersion`: expected a whole number") {
            $0["schemaVersion"] = 1.5
        },
    ]

    @Test(arguments: badFiles)
    func badFileIsReportedLeftAloneAndTheRestLoad(bad: BadFile) throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let good = [try fullClient(reference: "C-0001"), try fullClient(reference: "C-0002")]
            for client in good { try store.save(client, previous: nil, at: pinnedNow) }
            let victim = try fullClient(reference: "C-0003")
            let badURL = clientFile(dir, victim.id)
            try write(try bad.contents(victim), to: badURL)
            let badBytes = try bytes(at: badURL)

            let load = store.loadClients()
            #expect(Set(load.clients) == Set(good))
            let relative = ClientStore.relativePath(for: victim.id)
            #expect(load.problems.map(\.description) == ["\(relative): \(bad.reason)"])

            // Saving other clients never touches the bad file.
            try store.save(try fullClient(reference: "C-0004"), previous: nil, at: pinnedNow)
            #expect(try bytes(at: badURL) == badBytes)
            #expect(store.loadClients().problems.map(\.fileName) == [relative])
        }
    }

    @Test func aFolderWhereAFileShouldBe() throws {
        try expectProblem("a folder where a client file should be", name: "odd.json") { url in
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        }
    }

    @Test func aNamedPipeIsNotReadAndDoesNotHang() throws {
        try expectProblem("not a regular file", name: "pipe.json") { url in
            #expect(mkfifo(url.path, 0o600) == 0)
        }
    }

    @Test(arguments: [(EACCES, "cannot be read: Permission denied"), (EIO, "cannot be read: Input/output error"),
                      (EFBIG, "too large to be a client file (over 16 MB)")])
    func readErrorsAreReportedInWords(code: Int32, reason: String) throws {
        let faults = FaultPlan()
        faults.failRead(ofPathEndingIn: "/clients/broken.json", with: code)
        try expectProblem(reason, name: "broken.json", operations: faults.operations) { url in
            try write("{}", to: url)
        }
    }

    @Test func aCopyOfAClientFileIsADuplicate() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let client = try fullClient()
            try store.save(client, previous: nil, at: pinnedNow)
            let original = ClientStore.relativePath(for: client.id)
            // "0copy" sorts before the original, so file order cannot be what picks the winner.
            let copy = clientsFolder(dir).appendingPathComponent("0copy.json")
            try FileManager.default.copyItem(at: clientFile(dir, client.id), to: copy)
            let load = store.loadClients()
            #expect(load.clients == [client])
            #expect(load.problems == [FileProblem(
                fileName: "clients/0copy.json",
                reason: "holds client C-0042 with the same id as \(original); only \(original) was loaded",
                reference: "C-0042")])
        }
    }

    @Test func aMisnamedFileIsReportedRatherThanLoaded() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let client = try fullClient()
            try write(String(decoding: try StoreJSON.encode(client), as: UTF8.self),
                      to: clientsFolder(dir).appendingPathComponent("margaret.json"))
            let load = store.loadClients()
            #expect(load.clients.isEmpty)
            #expect(load.problems == [FileProblem(
                fileName: "clients/margaret.json",
                reason: "holds client C-0042 whose id does not match the file name; rename it to "
                    + ClientStore.relativePath(for: client.id),
                reference: "C-0042")])
        }
    }

    @Test func dotFilesTemporaryFilesAndOtherFilesAreIgnored() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            for name in [".hidden.json", ".abc.json.1f.tmp", "notes.txt", "README", "backup.json~"] {
                try write("not json at all", to: clientsFolder(dir).appendingPathComponent(name))
            }
            try FileManager.default.createDirectory(
                at: clientsFolder(dir).appendingPathComponent("attachments"), withIntermediateDirectories: false)
            #expect(store.loadClients() == ClientLoad())
        }
    }

    @Test func aFileWhereTheClientsFolderShouldBe() throws {
        try withTemporaryDirectory { dir in
            let writer = try ClientStore.open(directory: dir, now: pinnedNow)
            writer.close()
            try FileManager.default.removeItem(at: clientsFolder(dir))
            try write("oops", to: clientsFolder(dir))
            // A second, read-only view does not try to create the folder, so it reports the file.
            let faults = FaultPlan()
            faults.failOpen(ofPathEndingIn: "/.lock", with: EROFS)
            let reader = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            #expect(reader.loadClients().problems
                == [FileProblem(fileName: "clients", reason: "a file where the clients folder should be")])
        }
    }

    @Test func noClientsFolderMeansNoClients() throws {
        try withTemporaryDirectory { dir in
            let faults = FaultPlan()
            faults.failOpen(ofPathEndingIn: "/.lock", with: EACCES)
            let reader = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            #expect(reader.loadClients() == ClientLoad())
        }
    }

    /// One good client plus one odd entry made by `make`: the good one loads, the odd one is reported.
    private func expectProblem(
        _ reason: String, name: String, operations: FileOperations = .system,
        make: (URL) throws -> Void
    ) throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, fileOperations: operations, now: pinnedNow)
            let client = try fullClient()
            try store.save(client, previous: nil, at: pinnedNow)
            try make(clientsFolder(dir).appendingPathComponent(name))
            let load = store.loadClients()
            #expect(load.clients == [client])
            #expect(load.problems.map(\.description) == ["clients/\(name): \(reason)"])
        }
    }
}

@Suite("References of damaged files")
struct DamagedReferenceTests {
    @Test func theReferenceOfAFileThatDoesNotDecodeIsReported() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            try store.save(try fullClient(), previous: nil, at: pinnedNow)
            let damaged = clientsFolder(dir).appendingPathComponent("damaged.json")
            try write(#"{ "name": "Zoë", "reference" : "C-0077", "status": 12"#, to: damaged)
            let problem = try #require(store.loadClients().problems.first)
            #expect(problem.reference == "C-0077")
        }
    }

    @Test func noReferenceWhenNoneCanBeMadeOut() {
        #expect(ClientFileReader.reference(in: Array("not json at all".utf8)) == nil)
        #expect(ClientFileReader.reference(in: Array(#"{"reference": 42}"#.utf8)) == nil)
    }
}

@Suite("Decoding messages")
struct DecodingProblemTests {
    @Test func lineAndColumnCountCharactersNotBytes() {
        let bytes = Array("{\n  \"name\": \"Zoë\" x".utf8)
        let offset = bytes.count - 1  // the x
        let (line, column) = DecodingProblem.lineAndColumn(ofByte: offset, in: bytes)
        #expect(line == 2)
        #expect(column == 17)
    }
}
