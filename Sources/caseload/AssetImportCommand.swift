import ArgumentParser
import CaseloadKit
import CaseloadStore
import Foundation

struct AssetImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import Open Referral feeds into the asset directory.",
        discussion: """
            Each feed is read in turn; one that cannot be read is reported with the place of the fault \
            and contributes nothing, while the others are still imported. Exits 1 when any feed was not \
            imported or the changes could not all be saved. Starts a caseload folder when there is none.
            """
    )

    @OptionGroup var location: DataLocation

    @Argument(help: ArgumentHelp("A JSON feed, or a folder of CSV tables holding services.csv.", valueName: "feed"))
    var feeds: [String]

    func run() throws {
        let clock = try Clock(environment: ProcessInfo.processInfo.environment)
        let directory = try location.resolve()
        // A service may set up its directory before any client arrives, so a new folder is fine here.
        let store = try ClientStore.open(directory: directory, now: clock.now())
        defer { store.close() }
        if case .readOnly(let reason) = store.access {
            throw CommandFailure("cannot import into \(store.directory.path): the caseload is \(reason); nothing was imported")
        }
        let load = store.loadAssets()
        AssetsCommand.reportSkipped(load.problems)

        let report = AssetImporter.run(paths: feeds, existing: load.assets, store: store, now: clock.now())
        for line in report.lines { print(line) }
        print("Imported: \(report.totals)")
        if let problem = Self.problem(in: report) { throw CommandFailure(problem) }
    }

    /// What went wrong, saying what was imported all the same; nil when nothing did.
    private static func problem(in report: AssetImportReport) -> String? {
        if let saveFailure = report.saveFailure {
            return "not all changes were saved: \(saveFailure)"
        }
        let unreadable = report.files.compactMap { if case .unreadable(let file, _) = $0 { file } else { nil } }
        guard !unreadable.isEmpty else { return nil }
        let imported = report.files.count - unreadable.count
        let others = switch imported {
        case 0: "nothing was imported"
        case 1: "the other feed was imported"
        default: "the other \(imported) feeds were imported"
        }
        return "could not import \(unreadable.joined(separator: ", ")) (see above); \(others)"
    }
}
