import CaseloadKit
@testable import CaseloadStore
import Foundation
import Testing

@Suite("Saving and loading")
struct RoundTripTests {
    @Test func fullyPopulatedClientComesBackEqual() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let client = try fullClient()
            let other = try fullClient(reference: "C-0043", name: "Sam Hill")
            try store.save(client, previous: nil, at: pinnedNow)
            try store.save(other, previous: nil, at: pinnedNow)
            let load = store.loadClients()
            #expect(load.problems.isEmpty)
            #expect(Set(load.clients) == [client, other])
            #expect(load.clients.first(where: { $0.id == client.id }) == client)
        }
    }

    @Test func savingAgainReplacesTheFile() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let original = try fullClient()
            try store.save(original, previous: nil, at: pinnedNow)
            var client = original
            client.riskNote = "No longer any concern."
            try store.save(client, previous: original, at: pinnedNow)
            #expect(store.loadClients().clients == [client])
            #expect(try names(in: clientsFolder(dir)) == [client.id.uuidString.lowercased() + ".json"])
        }
    }

    @Test func foldersAre0700AndFilesAre0600() throws {
        try withTemporaryDirectory { root in
            // Two levels that do not exist yet: both must be created private.
            let dir = root.appendingPathComponent("share/caseload", isDirectory: true)
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let client = try fullClient()
            try store.save(client, previous: nil, at: pinnedNow)
            #expect(mode(of: root.appendingPathComponent("share")) == 0o700)
            #expect(mode(of: dir) == 0o700)
            #expect(mode(of: clientsFolder(dir)) == 0o700)
            #expect(mode(of: dir.appendingPathComponent("manifest.json")) == 0o600)
            #expect(mode(of: dir.appendingPathComponent(".lock")) == 0o600)
            #expect(mode(of: clientFile(dir, client.id)) == 0o600)
            #expect(mode(of: auditFile(dir)) == 0o600)
        }
    }

    @Test func savedJSONIsPrettySortedAndReadable() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let client = try fullClient()
            try store.save(client, previous: nil, at: pinnedNow)
            let text = String(decoding: try bytes(at: clientFile(dir, client.id)), as: UTF8.self)
            #expect(text.hasPrefix("{\n  \""))
            #expect(text.hasSuffix("}\n"))
            // Top-level keys, in file order, must already be sorted.
            let topKeys = text.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("  \""), !line.hasPrefix("   ") else { return nil }
                return String(line.dropFirst(3).prefix(while: { $0 != "\"" }))
            }
            #expect(topKeys.count == Mirror(reflecting: client).children.count)  // every field present
            #expect(topKeys == topKeys.sorted())
            #expect(text.contains("\"Flat 2/1, 14 Mill Lane"))  // slashes not escaped
            #expect(text.contains("\"createdAt\" : \"2026-09-09T14:05:00Z\""))
            #expect(text.contains("\"dateOfBirth\" : \"1948-03-17\""))
            #expect(text.contains("\"schemaVersion\" : \(Client.currentSchemaVersion)"))
            #expect(text.contains("\"id\" : \"\(client.id.uuidString)\""))
        }
    }

    @Test func manifestIsCreatedOnFirstOpenAndKept() throws {
        try withTemporaryDirectory { dir in
            _ = try ClientStore.open(directory: dir, now: pinnedNow)
            let manifestURL = dir.appendingPathComponent("manifest.json")
            let first = try bytes(at: manifestURL)
            let object = try JSONSerialization.jsonObject(with: Data(first)) as? [String: Any]
            #expect(object?["application"] as? String == "caseload")
            #expect(object?["schemaVersion"] as? Int == Manifest.currentSchemaVersion)
            #expect(object?["createdAt"] as? String == "2026-09-09T14:05:00Z")
            _ = try ClientStore.open(directory: dir, now: pinnedNow.addingTimeInterval(86_400))
            #expect(try bytes(at: manifestURL) == first)
        }
    }

    @Test func durableSaveLeavesNoTemporaryFiles() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            for index in 0..<5 { try store.save(try fullClient(reference: "C-\(index)"), previous: nil, at: pinnedNow) }
            #expect(try names(in: clientsFolder(dir)).allSatisfy { !$0.hasPrefix(".") })
            #expect(try names(in: dir) == [".lock", "assets", "audit.jsonl", "clients", "manifest.json"])
        }
    }

    @Test func partialAndInterruptedWritesStillWriteEverything() throws {
        try withTemporaryDirectory { dir in
            let faults = FaultPlan()
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            faults.limitWrites(to: 7)
            faults.interruptNextWrite()
            let client = try fullClient()
            try store.save(client, previous: nil, at: pinnedNow)
            #expect(store.loadClients().clients == [client])
            #expect(try bytes(at: clientFile(dir, client.id)) == StoreJSON.encode(client))
        }
    }

    @Test func temporaryFilesLeftByACrashAreTidiedByTheNextWriter() throws {
        try withTemporaryDirectory { dir in
            try ClientStore.open(directory: dir, now: pinnedNow).close()
            let stale = clientsFolder(dir).appendingPathComponent(".abc.json.1f2e.tmp")
            try write("{ half a cli", to: stale)
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            #expect(!FileManager.default.fileExists(atPath: stale.path))
            #expect(store.loadClients() == ClientLoad())
        }
    }

    @Test func relativePathIsTheLowercasedUUID() {
        let id = UUID(uuidString: "5F0C2D3E-8B7A-4C1D-9E2F-0123456789AB")!
        #expect(ClientStore.relativePath(for: id) == "clients/5f0c2d3e-8b7a-4c1d-9e2f-0123456789ab.json")
    }

    @Test func cannotCreateTheFolderUnderAFile() throws {
        try withTemporaryDirectory { root in
            let file = root.appendingPathComponent("plain-file")
            try write("x", to: file)
            let dir = file.appendingPathComponent("caseload")
            let error = #expect(throws: StoreError.self) { try ClientStore.open(directory: dir, now: pinnedNow) }
            #expect(error == .cannotCreateDirectory(path: dir.path, reason: SystemError(ENOTDIR)))
            #expect(error?.description == "Could not create the data folder \(dir.path): Not a directory.")
        }
    }
}
