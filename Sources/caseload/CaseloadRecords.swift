import CaseloadKit
import CaseloadReports
import CaseloadStore
import Foundation

/// Everything a read-only command needs from the caseload folder: clients, assets and settings,
/// with unreadable files reported on stderr and the rest used.
struct CaseloadRecords {
    let store: ClientStore
    let clients: [Client]
    let assets: [UUID: Asset]
    let settings: WorkerSettings

    /// Opens an existing caseload; never starts one as a side effect of reading.
    static func open(_ location: DataLocation, clock: Clock) throws -> CaseloadRecords {
        let store = try AssetsCommand.openExisting(location, clock: clock, howToStart: CaseloadRecords.howToStart)
        let clientLoad = store.loadClients()
        let assetLoad = store.loadAssets()
        AssetsCommand.reportSkipped(clientLoad.problems + assetLoad.problems)
        let settings: WorkerSettings
        do {
            settings = try store.loadSettings()
        } catch {
            FileHandle.standardError.write(Data("caseload: \(error) Exports are unsigned until it is fixed.\n".utf8))
            settings = WorkerSettings()
        }
        return CaseloadRecords(store: store, clients: clientLoad.clients,
                               assets: Dictionary(assetLoad.assets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
                               settings: settings)
    }

    static let howToStart = "run `caseload` to start one, or `caseload --demo` to try the demo"

    func context(at now: Date) -> ExportContext {
        ExportContext(worker: settings, generatedAt: now, timeZone: .current)
    }

    /// The client with this reference (`C-0042`, `c-42`, `42`) or NHS number (spaces allowed).
    func client(_ text: String) throws -> Client {
        let wanted = text.trimmingCharacters(in: .whitespaces)
        if let exact = clients.first(where: { $0.reference.caseInsensitiveCompare(wanted) == .orderedSame }) { return exact }
        if let number = ClientReference.number(in: wanted.uppercased()) ?? Int(wanted),
           let byNumber = clients.first(where: { ClientReference.number(in: $0.reference) == number }) {
            return byNumber
        }
        let digits = wanted.filter { $0 != " " }
        if digits.count == 10, let byNHS = clients.first(where: { $0.nhsNumber?.digits == digits }) { return byNHS }
        throw CommandFailure("no client with reference or NHS number \"\(text)\" in \(store.directory.path); `caseload list` shows them")
    }

    /// Writes `text` where the person asked: standard output for `-`, a file for a path, or
    /// `exports/<name>` in the caseload folder when no output was given. Says where on stderr.
    func deliver(_ text: String, what: String, output: String?, name: String) throws {
        switch output {
        case "-":
            print(text, terminator: "")
        case let path?:
            try OutputFile.write(Array(text.utf8), to: path)
            FileHandle.standardError.write(Data("Wrote \(what) to \(path)\n".utf8))
        case nil:
            let path = try store.writeExport(Array(text.utf8), name: name)
            FileHandle.standardError.write(Data("Wrote \(what) to \(path)\n".utf8))
        }
    }

    /// A date typed on the command line, in any form the screens accept.
    static func date(_ text: String, option: String) throws -> CalendarDate {
        guard let date = DateStyle.parse(text) else {
            throw CommandFailure("\(option) must be a date like 2026-11-21 or 21-Nov-2026, found \"\(text)\"")
        }
        return date
    }
}
