import ArgumentParser
import CaseloadKit
import CaseloadReports
import CaseloadStore
import Foundation

struct AssetListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print the asset directory, sorted by name, with how many people are connected to each.",
        discussion: "⚠ marks details not checked for \(Asset.staleAfterMonths) months or more: check before sending someone."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @OptionGroup var location: DataLocation

    @Option(help: ArgumentHelp("Only assets whose name, organisation, description, categories or topics hold every word.",
                               valueName: "text"))
    var search: String?

    @Option(help: ArgumentHelp("Only assets in this category.", valueName: "category"))
    var category: NeedCategory?

    @Option(help: ArgumentHelp("Only assets with this capacity.", valueName: "capacity"))
    var capacity: AssetCapacity?

    @Flag(help: "Include retired assets.")
    var includeRetired = false

    @Option(help: "Output format.")
    var format: Format = .table

    func run() throws {
        let clock = try Clock(environment: ProcessInfo.processInfo.environment)
        let store = try AssetsCommand.openExisting(location, clock: clock)
        defer { store.close() }
        let assetLoad = store.loadAssets()
        let clientLoad = store.loadClients()
        AssetsCommand.reportSkipped(assetLoad.problems + clientLoad.problems)

        let today = CalendarDate(clock.now())
        let query = DirectoryQuery(category: category, capacity: capacity, includeRetired: includeRetired,
                                   search: search ?? "")
        let people = ConnectionOutcomes.peopleByAsset(in: clientLoad.clients)
        let rows = query.apply(to: assetLoad.assets, today: today)
            .map { AssetListRow($0, peopleConnected: people[$0.id] ?? 0, today: today) }
        switch format {
        case .table: print(AssetListRow.table(rows), terminator: "")
        case .csv: print(AssetListRow.csv(rows), terminator: "")
        case .json: print(String(decoding: try AssetsCommand.jsonEncoder().encode(rows), as: UTF8.self))
        }
    }
}

/// One asset as `caseload assets list` prints it.
struct AssetListRow: Encodable {
    let id: UUID
    let name: String
    let organisation: String
    let capacity: AssetCapacity
    let lastChecked: CalendarDate?
    let stale: Bool
    let peopleConnected: Int
    let retiredOn: CalendarDate?

    init(_ asset: Asset, peopleConnected: Int, today: CalendarDate) {
        id = asset.id
        name = asset.name
        organisation = asset.organisation
        capacity = asset.capacity
        lastChecked = asset.lastChecked?.date
        stale = asset.isStale(today: today)
        self.peopleConnected = peopleConnected
        retiredOn = asset.retiredOn
    }

    static let headers = ["Name", "Organisation", "Capacity", "Checked", "People connected"]

    var cells: [String] {
        let checked = lastChecked.map(DateStyle.screen) ?? "never"
        return [name + (retiredOn == nil ? "" : " (retired)"), organisation, capacity.label,
                checked + (stale ? " ⚠" : ""), String(peopleConnected)]
    }

    static func table(_ rows: [AssetListRow]) -> String {
        TextTable.render(headers: headers, rows: rows.map(\.cells)) + "\(rows.count) asset\(rows.count == 1 ? "" : "s")\n"
    }

    static func csv(_ rows: [AssetListRow]) -> String {
        let header = ["name", "organisation", "capacity", "last_checked", "stale", "people_connected", "retired_on", "id"]
        return CSVText.document(header: header, rows: rows.map { row in
            [row.name, row.organisation, row.capacity.rawValue, row.lastChecked?.iso ?? "", String(row.stale),
             String(row.peopleConnected), row.retiredOn?.iso ?? "", row.id.uuidString]
        })
    }
}
