import ArgumentParser
import CaseloadStore
import Foundation

/// `caseload check [PATH]`: every file of a caseload folder read as Caseload reads it, with nothing changed.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every file of a caseload folder, or a backup of one, without changing anything.",
        discussion: """
            Reads the manifest, every client and asset file, the audit log, the settings and any \
            unsaved text as Caseload would, and prints one line per problem, `path: problem`, the path \
            being within the folder, then a summary. Nothing is written, removed or locked, so it is \
            safe on a folder open in another window and on a backup copy. Notes (a temporary file left \
            by an interrupted save, unsaved text waiting to be offered) are printed as `path: note: ...` \
            and do not fail the check. Exits 0 when there are no problems and 1 when there are, or when \
            the folder is not a caseload.
            """
    )

    @Argument(help: ArgumentHelp("The folder to check (default: the data folder, as for every command).",
                                 valueName: "path"))
    var path: String?

    @OptionGroup var location: DataLocation

    func validate() throws {
        if path != nil && location.dataDir != nil {
            throw ValidationError("Give the folder once: as PATH or with --data-dir.")
        }
    }

    func run() throws {
        let directory = try path.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
            ?? location.resolve()
        let report: DataCheckReport
        do {
            report = try DataCheck.scan(directory: directory)
        } catch {
            throw CommandFailure(error.description)
        }
        for problem in report.problems { print("\(problem.fileName): \(problem.reason)") }
        for note in report.notes { print("\(note.fileName): note: \(note.reason)") }
        print(Self.summary(of: report))
        if report.hasProblems { throw ExitCode(1) }
    }

    /// "Checked 60 clients, 40 assets, 1 audit entry: no problems, 1 note".
    static func summary(of report: DataCheckReport) -> String {
        let checked = [
            count(report.clients, "client", "clients"), count(report.assets, "asset", "assets"),
            count(report.auditEntries, "audit entry", "audit entries"),
        ].joined(separator: ", ")
        var outcome = report.problems.isEmpty ? "no problems" : count(report.problems.count, "problem", "problems")
        if !report.notes.isEmpty { outcome += ", " + count(report.notes.count, "note", "notes") }
        return "Checked \(checked): \(outcome)"
    }

    private static func count(_ number: Int, _ one: String, _ many: String) -> String {
        "\(number) \(number == 1 ? one : many)"
    }
}
