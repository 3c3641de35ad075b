import ArgumentParser
import CaseloadKit
import CaseloadStore
import Foundation

extension ClientStatus: ExpressibleByArgument {}
extension CaseloadSort: ExpressibleByArgument {}

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print the caseload (works without a terminal, for scripts and pipes)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @OptionGroup var location: DataLocation

    @Option(help: ArgumentHelp("Only clients with this status: \(ClientStatus.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "status"))
    var status: ClientStatus?

    @Option(help: ArgumentHelp("Only clients of this GP practice (case and accents ignored).", valueName: "practice"))
    var practice: String?

    @Option(help: ArgumentHelp("Only clients whose name, reference or NHS number matches (as / does on screen).", valueName: "text"))
    var search: String?

    @Option(help: ArgumentHelp("Only clients whose contact notes hold every word of this (case and accents ignored); reads every client in full.", valueName: "text"))
    var notes: String?

    @Option(help: ArgumentHelp("Order: \(CaseloadSort.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "sort"))
    var sort: CaseloadSort = .name

    @Option(help: "Output format: table, json or csv.")
    var format: Format = .table

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let clock = try Clock(environment: environment)
        let directory = try location.resolve()
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("manifest.json").path) else {
            throw CommandFailure("no caseload at \(directory.path) yet; run `caseload` to start one or `caseload --demo` to try the demo")
        }
        let store = try ClientStore.open(directory: directory, now: clock.now())
        defer { store.close() }
        // The list needs a row per client, not every client in full: see `SummaryLoad`.
        let load = store.loadSummaries()
        load.cacheUpdate?.write()
        for problem in load.problems {
            FileHandle.standardError.write(Data("caseload: skipped \(problem)\n".utf8))
        }
        let today = CalendarDate(clock.now())
        let practiceName = try practice.map { try Self.practice(matching: $0, in: load.summaries) }
        let query = CaseloadQuery(statuses: status.map { [$0] }, practice: practiceName, search: search ?? "", sort: sort)
        var summaries = load.summaries
        if let notes {
            let found = Set(NoteSearch.matching(notes, in: store.loadClients().clients))
            summaries.removeAll { !found.contains($0.id) }
        }
        let rows = query.apply(to: summaries, today: today).map { ListRow($0, today: today) }
        switch format {
        case .table: print(ListRow.table(rows), terminator: "")
        case .csv: print(ListRow.csv(rows), terminator: "")
        case .json: print(try ListRow.json(rows))
        }
    }

    /// The one practice whose name contains `text` (ignoring case and accents), so `--practice hillview`
    /// finds "Hillview Surgery"; an error naming the choices when none or several do.
    static func practice(matching text: String, in clients: [ClientSummary]) throws -> String {
        let practices = CaseloadQuery.practices(in: clients)
        let wanted = SearchFolding.fold(text)
        if let exact = practices.first(where: { SearchFolding.fold($0) == wanted }) { return exact }
        let found = practices.filter { SearchFolding.fold($0).contains(wanted) }
        if found.count == 1 { return found[0] }
        let choices = (found.isEmpty ? practices : found).joined(separator: "; ")
        throw CommandFailure(found.isEmpty
            ? "no practice matches \"\(text)\"; practices in this caseload: \(choices)"
            : "\"\(text)\" matches several practices: \(choices)")
    }
}
