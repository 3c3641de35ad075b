import CaseloadKit
import Foundation
import Glibc

/// What `DataCheck.scan` found in a caseload folder.
public struct DataCheckReport: Equatable, Sendable {
    /// Records and audit entries that read cleanly.
    public var clients = 0
    public var assets = 0
    public var auditEntries = 0
    /// Files that cannot be used, or that this version cannot vouch for, by path within the folder.
    public var problems: [FileProblem] = []
    /// Worth knowing but not damage, such as temporary files left by an interrupted save (never
    /// data: that save was never confirmed) or unsaved text waiting to be offered.
    public var notes: [FileProblem] = []

    public init() {}

    public var hasProblems: Bool { !problems.isEmpty }
}

/// Why a folder could not be checked at all.
public enum DataCheckError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotRead(path: String, reason: String)
    /// Neither a manifest nor a clients folder: checking it would only say that everything is missing.
    case notACaseload(path: String)

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason): "cannot check \(path): \(reason)"
        case .notACaseload(let path): "\(path) is not a caseload folder: it has no manifest.json and no clients folder"
        }
    }
}

/// Reads a whole caseload folder, or a backup copy of one, the way the store would, and reports every
/// file that would not load, without changing anything: no lock is taken, no manifest written, no
/// temporary file removed. A window may have the folder open meanwhile: its saves replace whole files
/// by rename, so each file is read either before or after a save.
public enum DataCheck {
    public static let temporaryFileNote = "left by an interrupted save (never data: the save was not confirmed); "
        + "removed the next time Caseload opens this folder"

    public static func scan(directory: URL, operations: FileOperations = .system) throws(DataCheckError) -> DataCheckReport {
        try scanWithLastSaved(directory: directory, operations: operations).report
    }

    /// `scan`, and the latest `updatedAt` of the records that read cleanly (nil when there are none),
    /// for a restore to describe the backup without reading every record twice.
    static func scanWithLastSaved(
        directory: URL, operations: FileOperations
    ) throws(DataCheckError) -> (report: DataCheckReport, lastSaved: Date?) {
        let path = directory.standardizedFileURL.path
        let names: [String]
        do {
            names = try operations.listDirectory(path)
        } catch {
            let reason = switch error.code {
            case ENOENT: "there is no such folder"
            case ENOTDIR: "it is a file, not a folder"
            default: error.description
            }
            throw .cannotRead(path: path, reason: reason)
        }
        guard names.contains(Manifest.fileName) || names.contains(Client.folderName) else {
            throw .notACaseload(path: path)
        }

        var report = DataCheckReport()
        checkManifest(in: path, operations: operations, into: &report)
        let clients = ClientFileReader(directory: path, operations: operations).load()
        report.clients = clients.records.count
        report.problems += clients.problems
        let assets = AssetFileReader(directory: path, operations: operations).load()
        report.assets = assets.records.count
        report.problems += assets.problems
        checkAuditLog(in: path, operations: operations, into: &report)
        do {
            _ = try SettingsFile.read(in: path, operations: operations)
        } catch {
            if case .unreadableSettings(_, let reason) = error {
                report.problems.append(FileProblem(fileName: SettingsFile.fileName, reason: reason))
            }
        }
        checkRecovery(in: path, operations: operations, into: &report)
        for folder in ["", Client.folderName + "/", Asset.folderName + "/", Recovery.folderName + "/"] {
            let listed = folder.isEmpty ? names : (try? operations.listDirectory(path + "/" + folder)) ?? []
            for name in listed.sorted() where TemporaryFile.isTemporary(name) {
                report.notes.append(FileProblem(fileName: folder + name, reason: temporaryFileNote))
            }
        }
        report.problems.sort { $0.fileName < $1.fileName }
        report.notes.sort { $0.fileName < $1.fileName }
        return (report, (clients.records.map(\.updatedAt) + assets.records.map(\.updatedAt)).max())
    }

    private static func checkManifest(in path: String, operations: FileOperations, into report: inout DataCheckReport) {
        let reason: String
        do {
            switch try Manifest.read(in: path, operations: operations) {
            case .found(let version) where version > Manifest.currentSchemaVersion:
                reason = "written by a newer version of Caseload (schema \(version)); this version opens the folder "
                    + "read-only and cannot check it"
            case .found:
                return
            case .missing:
                reason = "missing; every caseload has one, and a backup without it is incomplete"
            }
        } catch {
            guard case .unusableManifest(_, let why) = error else { return }
            reason = why
        }
        report.problems.append(FileProblem(fileName: Manifest.fileName, reason: reason))
    }

    /// Counts the entries and names the lines that cannot be read. An unfinished last line is a
    /// note: an append cut short never held a confirmed entry, and the next append ends it.
    private static func checkAuditLog(in path: String, operations: FileOperations, into report: inout DataCheckReport) {
        let file = path + "/" + AuditLog.fileName
        let bytes: [UInt8]
        do {
            bytes = try operations.readFile(file, AuditLog.readLimit)
        } catch {
            if let reason = ReadProblem.reason(for: error, at: file, file: "the audit log", limit: AuditLog.readLimit) {
                report.problems.append(FileProblem(fileName: AuditLog.fileName, reason: reason))
            }
            return
        }
        let decoder = StoreJSON.decoder()
        var unreadable: [Int] = []
        var interrupted: [Int] = []
        for line in AuditLog.completeLines(of: bytes) {
            if AuditLog.record(in: line.text, decoder: decoder) != nil {
                report.auditEntries += 1
            } else if AuditLog.isInterrupted(line.text) {
                interrupted.append(line.number)
            } else {
                unreadable.append(line.number)
            }
        }
        if !unreadable.isEmpty {
            report.problems.append(FileProblem(fileName: AuditLog.fileName, reason: unreadableLines(unreadable)))
        }
        if !interrupted.isEmpty {
            let lines = interrupted.count == 1 ? "line \(interrupted[0]) is" : "\(interrupted.count) lines are"
            report.notes.append(FileProblem(
                fileName: AuditLog.fileName,
                reason: "\(lines) an entry cut short by an interrupted save; it never held a confirmed change"))
        }
        if let last = bytes.last, last != AuditLog.newline {
            report.notes.append(FileProblem(
                fileName: AuditLog.fileName,
                reason: "ends with an entry cut short by an interrupted save; it never held a confirmed change"))
        }
    }

    /// "line 4 cannot be read", "lines 4, 9 and 12 cannot be read", at most ten numbers.
    static func unreadableLines(_ numbers: [Int]) -> String {
        let shown = numbers.prefix(10).map(String.init)
        let list: String
        if numbers.count > shown.count {
            list = shown.joined(separator: ", ") + " and \(numbers.count - shown.count) more"
        } else if shown.count > 1 {
            list = shown.dropLast().joined(separator: ", ") + " and " + shown[shown.count - 1]
        } else {
            list = shown[0]
        }
        return (numbers.count == 1 ? "line " : "lines ") + list + " cannot be read"
    }

    /// Unsaved text is a note; a draft that cannot be read is a problem, as it would be on opening.
    /// What a draft holds is the app's business, so it is not decoded here.
    private static func checkRecovery(in path: String, operations: FileOperations, into report: inout DataCheckReport) {
        let folder = path + "/" + Recovery.folderName
        let names: [String]
        do {
            names = try operations.listDirectory(folder)
        } catch {
            if error.code != ENOENT {
                let reason = error.code == ENOTDIR ? "a file where the recovery folder should be" : "cannot be read: \(error)"
                report.problems.append(FileProblem(fileName: Recovery.folderName, reason: reason))
            }
            return
        }
        for name in names.sorted() where Recovery.isValidName(name) {
            let relative = Recovery.folderName + "/" + name
            do {
                _ = try operations.readFile(folder + "/" + name, Recovery.sizeLimit)
                report.notes.append(FileProblem(
                    fileName: relative, reason: "unsaved text kept when Caseload was stopped mid-edit; "
                        + "Caseload offers it the next time it opens this folder"))
            } catch {
                // As when opening: folders and other odd entries were never drafts.
                if error.code == EISDIR || error.code == EINVAL { continue }
                if let reason = ReadProblem.reason(
                    for: error, at: folder + "/" + name, file: "unsaved text", limit: Recovery.sizeLimit) {
                    report.problems.append(FileProblem(fileName: relative, reason: reason))
                }
            }
        }
    }
}
