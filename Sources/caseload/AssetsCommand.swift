import ArgumentParser
import CaseloadKit
import CaseloadStore
import Foundation

extension NeedCategory: ExpressibleByArgument {}
extension AssetCapacity: ExpressibleByArgument {}

/// `caseload assets`: the community-asset directory from scripts, without a terminal.
struct AssetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assets",
        abstract: "Import, export and list the directory of community assets (groups, services, activities).",
        discussion: """
            The directory lives in the caseload folder beside the clients, one file per asset under \
            assets/. Import reads Open Referral UK / HSDS feeds: a JSON file, or a folder of CSV \
            tables holding services.csv. Importing again updates what the feed changed and keeps what \
            link workers added themselves (notes, categories, last check).
            """,
        subcommands: [AssetImportCommand.self, AssetExportCommand.self, AssetListCommand.self]
    )

    /// Opens the caseload for reading, refusing a folder that holds none rather than starting one
    /// there as a side effect of a read. Store problems go to stderr; the rest of the folder is used.
    static func openExisting(_ location: DataLocation, clock: Clock,
                             howToStart: String = "`caseload assets import FEED` starts one with a directory of assets") throws -> ClientStore {
        let directory = try location.resolve()
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("manifest.json").path) else {
            throw CommandFailure("no caseload at \(directory.path) yet; \(howToStart)")
        }
        return try ClientStore.open(directory: directory, now: clock.now())
    }

    /// `caseload: skipped assets/….json: why`, one line each, as `caseload list` reports clients.
    static func reportSkipped(_ problems: [FileProblem]) {
        for problem in problems {
            FileHandle.standardError.write(Data("caseload: skipped \(problem)\n".utf8))
        }
    }

    /// Pretty, sorted keys and whole-second ISO 8601 dates: what the store writes, so an export reads
    /// like the files it came from.
    static func jsonEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
