import ArgumentParser
import CaseloadKit
import CaseloadReports
import CaseloadStore
import Foundation

struct AssetExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the asset directory as JSON or CSV, sorted by name.",
        discussion: """
            JSON holds every asset as the caseload stores it, inside {"application": "caseload", \
            "kind": "assets", "schemaVersion": 1, "exportedAt": ..., "assets": [...]}. CSV has one row \
            per asset with a header, for spreadsheets. Retired assets are left out unless asked for.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv
    }

    @OptionGroup var location: DataLocation

    @Option(help: "Output format.")
    var format: Format = .json

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Write to this file (created 0600, replaced in one step) instead of standard output; - is standard output.",
        valueName: "path"))
    var output: String = "-"

    @Flag(help: "Include retired assets.")
    var includeRetired = false

    func run() throws {
        let clock = try Clock(environment: ProcessInfo.processInfo.environment)
        let store = try AssetsCommand.openExisting(location, clock: clock)
        defer { store.close() }
        let load = store.loadAssets()
        AssetsCommand.reportSkipped(load.problems)
        let now = clock.now()
        let assets = DirectoryQuery(includeRetired: includeRetired).apply(to: load.assets, today: CalendarDate(now))

        let text = switch format {
        case .json: try Self.json(assets, exportedAt: now)
        case .csv: Self.csv(assets)
        }
        if output == "-" {
            print(text, terminator: "")
        } else {
            try OutputFile.write(Array(text.utf8), to: output)
            let count = "\(assets.count) asset\(assets.count == 1 ? "" : "s")"
            FileHandle.standardError.write(Data("Wrote \(count) to \(output)\n".utf8))
        }
    }

    /// The envelope says what the file is, so a later import or another tool can recognise it.
    private struct Export: Encodable {
        let application = "caseload"
        let kind = "assets"
        let schemaVersion = 1
        let exportedAt: Date
        let assets: [Asset]
    }

    static func json(_ assets: [Asset], exportedAt: Date) throws -> String {
        let bytes = try AssetsCommand.jsonEncoder().encode(Export(exportedAt: exportedAt, assets: assets))
        return String(decoding: bytes, as: UTF8.self) + "\n"
    }

    static let csvHeader = [
        "name", "organisation", "categories", "capacity", "description", "schedule", "address", "phone", "email",
        "website", "eligibility", "cost", "last_checked", "checked_by", "notes", "source_feed", "source_id",
        "retired_on", "id",
    ]

    /// Labels rather than raw values, for people reading a spreadsheet; the id (as in the JSON)
    /// joins a row back to its asset.
    static func csv(_ assets: [Asset]) -> String {
        CSVText.document(header: csvHeader, rows: assets.map { asset in
            [asset.name, asset.organisation, asset.categories.map(\.label).joined(separator: "; "), asset.capacity.label,
             asset.description, asset.schedule, asset.address, asset.phone, asset.email, asset.website,
             asset.eligibility, asset.cost, asset.lastChecked?.date.iso ?? "", asset.lastChecked?.by ?? "",
             asset.notes, asset.source?.feed ?? "", asset.source?.serviceID ?? "", asset.retiredOn?.iso ?? "",
             asset.id.uuidString]
        })
    }
}
