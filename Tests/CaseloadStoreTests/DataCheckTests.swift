import CaseloadKit
@testable import CaseloadStore
import Foundation
import Glibc
import Testing

/// Every entry under `dir` with what it is (see `fingerprint`): equal snapshots mean nothing changed.
func folderSnapshot(_ dir: URL) throws -> [String: String] {
    var result: [String: String] = [:]
    for name in try FileManager.default.subpathsOfDirectory(atPath: dir.path) {
        result[name] = fingerprint(of: dir.appendingPathComponent(name))
    }
    return result
}

@Suite("Checking a data folder")
struct DataCheckTests {
    /// A caseload with two clients, an asset, settings and their audit entries, closed again.
    private func makeCaseload(in dir: URL) throws -> (clients: [Client], asset: Asset) {
        let store = try ClientStore.open(directory: dir, now: pinnedNow)
        defer { store.close() }
        let clients = [try fullClient(reference: "C-0001"), try fullClient(reference: "C-0002")]
        for client in clients { try store.save(client, previous: nil, at: pinnedNow) }
        let asset = fullAsset()
        try store.save(asset, previous: nil, at: pinnedNow)
        try store.saveSettings(WorkerSettings(name: "Sam Patel"))
        return (clients, asset)
    }

    @Test func aHealthyCaseloadHasNoProblems() throws {
        try withTemporaryDirectory { dir in
            _ = try makeCaseload(in: dir)
            var expected = DataCheckReport()
            expected.clients = 2
            expected.assets = 1
            expected.auditEntries = 3
            #expect(try DataCheck.scan(directory: dir) == expected)
        }
    }

    @Test func checkingChangesNothingAndTakesNoLock() throws {
        try withTemporaryDirectory { dir in
            _ = try makeCaseload(in: dir)
            try FileManager.default.removeItem(at: dir.appendingPathComponent("manifest.json"))
            try FileManager.default.removeItem(at: dir.appendingPathComponent(".lock"))
            try write("half", to: clientsFolder(dir).appendingPathComponent(".x.json.1f.tmp"))
            try write("{", to: clientsFolder(dir).appendingPathComponent("broken.json"))
            let before = try folderSnapshot(dir)
            _ = try DataCheck.scan(directory: dir)
            #expect(try folderSnapshot(dir) == before, "no manifest, lock or clean-up")
        }
    }

    @Test func aFolderOpenInAnotherWindowCanBeChecked() throws {
        try withTemporaryDirectory { dir in
            _ = try makeCaseload(in: dir)
            let window = try ClientStore.open(directory: dir, now: pinnedNow)
            defer { window.close() }
            #expect(window.access == .readWrite)
            #expect(try DataCheck.scan(directory: dir).clients == 2)
        }
    }

    @Test func aBackupCopyIsCheckedLikeTheFolder() throws {
        try withTemporaryDirectory { dir in
            let caseload = dir.appendingPathComponent("caseload")
            _ = try makeCaseload(in: caseload)
            try write("{", to: clientsFolder(caseload).appendingPathComponent("broken.json"))
            let copy = dir.appendingPathComponent("copy-on-a-usb-stick")
            try FileManager.default.copyItem(at: caseload, to: copy)
            #expect(try DataCheck.scan(directory: copy) == (try DataCheck.scan(directory: caseload)))
            #expect(try DataCheck.scan(directory: copy).problems.map(\.fileName) == ["clients/broken.json"])
        }
    }

    @Test func everyDamagedFileIsNamedWithinTheFolder() throws {
        try withTemporaryDirectory { dir in
            let (clients, asset) = try makeCaseload(in: dir)
            try write("{\"schemaVersion\": 99}", to: clientFile(dir, clients[0].id))
            try write("", to: assetFile(dir, asset.id))
            try write("{\"name\": 7}", to: dir.appendingPathComponent("settings.json"))
            try FileManager.default.createSymbolicLink(
                atPath: assetsFolder(dir).appendingPathComponent("linked.json").path,
                withDestinationPath: "/no-such-disk/linked.json")
            var log = try bytes(at: auditFile(dir))
            log += Array("not json\n{\"action\":\"created\"}\n".utf8)
            try Data(log).write(to: auditFile(dir))

            let report = try DataCheck.scan(directory: dir)
            #expect(report.problems.map(\.description) == [
                "assets/\(asset.id.uuidString.lowercased()).json: the file is empty",
                "assets/linked.json: a link to a file that does not exist (/no-such-disk/linked.json)",
                "audit.jsonl: lines 4 and 5 cannot be read",
                "clients/\(clients[0].id.uuidString.lowercased()).json: written by a newer version of Caseload (schema 99)",
                "settings.json: field `name`: expected text in quotes",
            ])
            #expect((report.clients, report.assets, report.auditEntries) == (1, 0, 3))
            #expect(report.notes.isEmpty)
        }
    }

    @Test func theManifestIsChecked() throws {
        try withTemporaryDirectory { dir in
            _ = try makeCaseload(in: dir)
            let manifest = dir.appendingPathComponent("manifest.json")
            try write(#"{"application":"caseload","schemaVersion":1,"#, to: manifest)
            #expect(try DataCheck.scan(directory: dir).problems.map(\.description)
                == ["manifest.json: not valid JSON: it stops part way through (at line 1), as a file cut short would"])
            try write(#"{"application":"caseload","schemaVersion":7,"createdAt":"2026-01-01T00:00:00Z"}"#, to: manifest)
            #expect(try DataCheck.scan(directory: dir).problems.map(\.description) == [
                "manifest.json: written by a newer version of Caseload (schema 7); this version opens the folder "
                    + "read-only and cannot check it",
            ])
            try FileManager.default.removeItem(at: manifest)
            #expect(try DataCheck.scan(directory: dir).problems.map(\.description)
                == ["manifest.json: missing; every caseload has one, and a backup without it is incomplete"])
        }
    }

    @Test func unreadableFilesAreProblems() throws {
        try withTemporaryDirectory { dir in
            _ = try makeCaseload(in: dir)
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            try store.writeRecovery(Data("{}".utf8), name: "client-form")
            store.close()
            let faults = FaultPlan()
            for file in ["/audit.jsonl", "/recovery/client-form", "/settings.json"] {
                faults.failRead(ofPathEndingIn: file, with: EACCES)
            }
            let report = try DataCheck.scan(directory: dir, operations: faults.operations)
            #expect(report.problems.map(\.description) == [
                "audit.jsonl: cannot be read: Permission denied",
                "recovery/client-form: cannot be read: Permission denied",
                "settings.json: cannot be read: Permission denied",
            ])
        }
    }

    @Test func leftoversOfAnInterruptedSaveAreNotesNotProblems() throws {
        try withTemporaryDirectory { dir in
            _ = try makeCaseload(in: dir)
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            try store.writeRecovery(Data("{}".utf8), name: "client-form")
            store.close()
            for stale in [".manifest.json.1.tmp", "clients/.a.json.2.tmp", "assets/.b.json.3.tmp", "recovery/.c.4.tmp"] {
                try write("half", to: dir.appendingPathComponent(stale))
            }
            var log = try bytes(at: auditFile(dir))
            log += Array(#"{"action":"upd"#.utf8)
            try Data(log).write(to: auditFile(dir))

            let report = try DataCheck.scan(directory: dir)
            #expect(report.problems.isEmpty)
            #expect(report.auditEntries == 3)
            let waiting = "unsaved text kept when Caseload was stopped mid-edit; Caseload offers it the next time it opens this folder"
            #expect(report.notes.map(\.description) == [
                ".manifest.json.1.tmp: " + DataCheck.temporaryFileNote,
                "assets/.b.json.3.tmp: " + DataCheck.temporaryFileNote,
                "audit.jsonl: ends with an entry cut short by an interrupted save; it never held a confirmed change",
                "clients/.a.json.2.tmp: " + DataCheck.temporaryFileNote,
                "recovery/.c.4.tmp: " + DataCheck.temporaryFileNote,
                "recovery/client-form: " + waiting,
            ])
        }
    }

    @Test func aFolderThatIsNotACaseloadIsAnError() throws {
        try withTemporaryDirectory { dir in
            try write("shopping list", to: dir.appendingPathComponent("notes.txt"))
            #expect(throws: DataCheckError.notACaseload(path: dir.path)) { try DataCheck.scan(directory: dir) }
            let missing = dir.appendingPathComponent("nowhere")
            #expect(throws: DataCheckError.cannotRead(path: missing.path, reason: "there is no such folder")) {
                try DataCheck.scan(directory: missing)
            }
            let file = dir.appendingPathComponent("notes.txt")
            #expect(throws: DataCheckError.cannotRead(path: file.path, reason: "it is a file, not a folder")) {
                try DataCheck.scan(directory: file)
            }
        }
    }

    @Test func aClientsFolderAloneIsACaseloadMissingItsManifest() throws {
        try withTemporaryDirectory { dir in
            try FileManager.default.createDirectory(at: clientsFolder(dir), withIntermediateDirectories: false)
            #expect(try DataCheck.scan(directory: dir).problems.map(\.fileName) == ["manifest.json"])
        }
    }

    @Test func unreadableLinesAreListedShortly() {
        #expect(DataCheck.unreadableLines([4]) == "line 4 cannot be read")
        #expect(DataCheck.unreadableLines([4, 9, 12]) == "lines 4, 9 and 12 cannot be read")
        #expect(DataCheck.unreadableLines(Array(1...13))
            == "lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 3 more cannot be read")
    }
}
