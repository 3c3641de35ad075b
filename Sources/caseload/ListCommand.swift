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
        let load = store.loadClients()
        for problem in load.problems {
            FileHandle.standardError.write(Data("caseload: skipped \(problem)\n".utf8))
        }
        let today = CalendarDate(clock.now())
        let query = CaseloadQuery(statuses: status.map { [$0] }, practice: practice, sort: sort)
        let rows = query.apply(to: load.clients, today: today).map { ListRow($0, today: today) }
        switch format {
        case .table: print(ListRow.table(rows), terminator: "")
        case .csv: print(ListRow.csv(rows), terminator: "")
        case .json: print(try ListRow.json(rows))
        }
    }
}
