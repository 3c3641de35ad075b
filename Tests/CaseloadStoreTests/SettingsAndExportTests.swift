import CaseloadKit
@testable import CaseloadStore
import Foundation
import Glibc
import Testing

@Suite("Settings and the exports folder")
struct SettingsAndExportTests {
    static let settings = WorkerSettings(name: "Zoë Łukasz-陈", role: "Social prescribing link worker",
                                         organisation: "Northgate PCN", phone: "01632 960123", email: "zoe@example.org")

    private func settingsFile(_ dir: URL) -> URL { dir.appendingPathComponent("settings.json") }
    private func exports(_ dir: URL) -> URL { dir.appendingPathComponent("exports", isDirectory: true) }

    @Test func noSettingsYetMeansEmptyOnes() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            #expect(try store.loadSettings() == WorkerSettings())
            #expect(try store.loadSettings().isEmpty)
        }
    }

    @Test func savedSettingsReadBackAndAreOwnerOnly() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            try store.saveSettings(Self.settings)
            #expect(try store.loadSettings() == Self.settings)
            #expect(mode(of: settingsFile(dir)) == 0o600)
            store.close()
            #expect(try ClientStore.open(directory: dir, now: pinnedNow).loadSettings() == Self.settings)
        }
    }

    @Test func aHandWrittenFileWithOnlyANameWorks() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            try write(#"{"name": "Sam Patel"}"#, to: settingsFile(dir))
            #expect(try store.loadSettings() == WorkerSettings(name: "Sam Patel"))
        }
    }

    @Test(arguments: [#"{"name": 7}"#, "{\"name\": \"Sam", #"{"schemaVersion": 9, "name": "Sam"}"#])
    func aDamagedFileIsReportedAndLeftAlone(text: String) throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            try write(text, to: settingsFile(dir))
            let error = #expect(throws: StoreError.self) { try store.loadSettings() }
            #expect(error?.description.hasPrefix("Could not read your settings in \(settingsFile(dir).path): ") == true)
            #expect(error?.description.hasSuffix("The file has been left as it is.") == true)
            #expect(String(decoding: try bytes(at: settingsFile(dir)), as: UTF8.self) == text)
        }
    }

    @Test func aReadOnlyWindowCannotSaveSettings() throws {
        try withTemporaryDirectory { dir in
            let writer = try ClientStore.open(directory: dir, now: pinnedNow)
            let reader = try ClientStore.open(directory: dir, now: pinnedNow)
            #expect(reader.access.isReadOnly)
            #expect(throws: StoreError.self) { try reader.saveSettings(Self.settings) }
            #expect(!FileManager.default.fileExists(atPath: settingsFile(dir).path))
            writer.close()
        }
    }

    @Test func aFailedSettingsSaveKeepsThePreviousFile() throws {
        try withTemporaryDirectory { dir in
            try ClientStore.open(directory: dir, now: pinnedNow).close()
            let faults = FaultPlan()
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            try store.saveSettings(Self.settings)
            faults.fail(.flush, with: ENOSPC)
            let error = #expect(throws: StoreError.self) { try store.saveSettings(WorkerSettings(name: "Other")) }
            #expect(error?.description.contains("Could not save your settings") == true)
            #expect(try store.loadSettings() == Self.settings)
        }
    }

    @Test func exportsAreWrittenOwnerOnlyInTheirOwnFolder() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let path = try store.writeExport(Array("Zoë 陈\n".utf8), name: "session-C-0042-2026-11-21.md")
            #expect(path == exports(dir).appendingPathComponent("session-C-0042-2026-11-21.md").path)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "Zoë 陈\n")
            #expect(mode(of: exports(dir)) == 0o700)
            #expect(mode(of: URL(fileURLWithPath: path)) == 0o600)
            try store.writeExport(Array("again".utf8), name: "session-C-0042-2026-11-21.md")
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "again")
            #expect(try names(in: exports(dir)) == ["session-C-0042-2026-11-21.md"])
        }
    }

    @Test func aReadOnlyWindowCanStillExport() throws {
        try withTemporaryDirectory { dir in
            let writer = try ClientStore.open(directory: dir, now: pinnedNow)
            let reader = try ClientStore.open(directory: dir, now: pinnedNow)
            #expect(reader.access.isReadOnly)
            let path = try reader.writeExport(Array("x".utf8), name: "day-2026-11-21.txt")
            #expect(FileManager.default.fileExists(atPath: path))
            writer.close()
        }
    }

    @Test(arguments: ["", ".hidden", "../escape.md", "a/b.md"])
    func refusesNamesThatAreNotPlainFileNames(name: String) throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            #expect(throws: StoreError.self) { try store.writeExport([1], name: name) }
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("escape.md").path))
        }
    }

    @Test(arguments: [WriteStep.write, .flush, .rename])
    func aFailedExportLeavesNoFileAndSaysWhy(step: WriteStep) throws {
        try withTemporaryDirectory { dir in
            let faults = FaultPlan()
            let store = try ClientStore.open(directory: dir, fileOperations: faults.operations, now: pinnedNow)
            faults.fail(step, with: EIO)
            let error = #expect(throws: StoreError.self) { try store.writeExport(Array("x".utf8), name: "day.txt") }
            #expect(error?.description.hasPrefix("Could not write \(exports(dir).path)/day.txt: ") == true)
            #expect(try names(in: exports(dir)).isEmpty)
        }
    }
}
