import CaseloadKit
@testable import CaseloadStore
import Foundation
import Glibc
import Synchronization
import Testing

@Suite("The quarantine folder")
struct QuarantineTests {
    private let stamp = "2026-09-09T140500Z"

    @Test func filesMoveUnchangedIntoAStampedFolderAndStopBeingReported() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let good = try fullClient(reference: "C-0001")
            try store.save(good, previous: nil, at: pinnedNow)
            let broken = "clients/" + UUID().uuidString.lowercased() + ".json"
            try write("{\"reference\": \"C-0007\", \"name\": ", to: dir.appendingPathComponent(broken))
            let before = try bytes(at: dir.appendingPathComponent(broken))
            let link = "assets/" + UUID().uuidString.lowercased() + ".json"
            #expect(symlink("/nowhere/at/all", dir.appendingPathComponent(link).path) == 0)

            let result = try store.quarantine([broken, link], at: pinnedNow)

            #expect(result == QuarantineResult(folder: "quarantine/\(stamp)", moved: [broken, link], notMoved: []))
            let moved = dir.appendingPathComponent("quarantine/\(stamp)/" + broken)
            #expect(try bytes(at: moved) == before)
            #expect(try FileManager.default.destinationOfSymbolicLink(
                atPath: dir.appendingPathComponent("quarantine/\(stamp)/" + link).path) == "/nowhere/at/all")
            #expect(mode(of: dir.appendingPathComponent("quarantine/\(stamp)")) == 0o700)
            #expect(store.loadClients() == ClientLoad(clients: [good], problems: []))
            #expect(store.quarantinedReferences() == ["C-0007"])
        }
    }

    @Test(arguments: ["manifest.json", "settings.json", "audit.jsonl", "clients", "clients/", "clients/../manifest.json",
                      "clients/a/b.json", "/etc/passwd", "../clients/x.json", "recovery/x.json", "clients/.."])
    func onlyFilesDirectlyInTheRecordFoldersMayBeMoved(path: String) throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let result = try store.quarantine([path], at: pinnedNow)
            #expect(result.moved.isEmpty)
            #expect(result.notMoved.map(\.reason) == ["not a client or asset file"])
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("manifest.json").path))
        }
    }

    @Test func aFileAlreadyMovedUnderTheSameNameIsNeverWrittenOver() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let name = "clients/" + UUID().uuidString.lowercased() + ".json"
            try write("first", to: dir.appendingPathComponent(name))
            _ = try store.quarantine([name], at: pinnedNow)
            try write("second", to: dir.appendingPathComponent(name))

            let result = try store.quarantine([name], at: pinnedNow)

            #expect(result.moved.isEmpty)
            #expect(result.notMoved.map(\.reason) == ["File exists"])
            #expect(try String(contentsOf: dir.appendingPathComponent("quarantine/\(stamp)/" + name), encoding: .utf8) == "first")
            #expect(try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) == "second")
        }
    }

    @Test func aFileThatHasGoneIsReportedAndTheRestMove() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let present = "assets/" + UUID().uuidString.lowercased() + ".json"
            try write("[", to: dir.appendingPathComponent(present))
            let result = try store.quarantine(["clients/gone.json", present], at: pinnedNow)
            #expect(result.moved == [present])
            #expect(result.notMoved.map(\.file) == ["clients/gone.json"])
            #expect(result.notMoved.map(\.reason) == ["No such file or directory"])
        }
    }

    @Test func aReadOnlyWindowMovesNothing() throws {
        try withTemporaryDirectory { dir in
            let writer = try ClientStore.open(directory: dir, now: pinnedNow)
            defer { writer.close() }
            let name = "clients/" + UUID().uuidString.lowercased() + ".json"
            try write("{", to: dir.appendingPathComponent(name))
            let reader = try ClientStore.open(directory: dir, now: pinnedNow)
            let error = #expect(throws: StoreError.self) { try reader.quarantine([name], at: pinnedNow) }
            #expect(error?.description.hasPrefix("Could not move the unreadable files aside: the caseload is read-only") == true)
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path))
        }
    }

    @Test func newFoldersThenTheTargetThenTheSourceAreMadeDurable() throws {
        try withTemporaryDirectory { dir in
            let synced = Mutex<[String]>([])
            var operations = FileOperations.system
            operations.syncDirectory = { (path) throws(SystemError) in
                synced.withLock { $0.append(path) }
                try FileOperations.system.syncDirectory(path)
            }
            let store = try ClientStore.open(directory: dir, fileOperations: operations, now: pinnedNow)
            let name = "clients/" + UUID().uuidString.lowercased() + ".json"
            try write("{", to: dir.appendingPathComponent(name))
            synced.withLock { $0.removeAll() }

            _ = try store.quarantine([name], at: pinnedNow)

            let root = dir.standardizedFileURL.path
            #expect(synced.withLock { $0 } == [
                root, root + "/quarantine", root + "/quarantine/\(stamp)",
                root + "/quarantine/\(stamp)/clients", root + "/clients",
            ])
        }
    }
}
