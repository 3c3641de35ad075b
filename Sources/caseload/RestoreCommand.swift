import ArgumentParser
import CaseloadKit
import CaseloadStore
import Foundation

/// `caseload restore`: puts the caseload back as it was in a backup, after asking.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put the caseload back as it was in a backup; a backup of the caseload as it is now is made first.",
        discussion: """
            The backup is checked first, as `caseload check` would: if any file in it does not read cleanly, \
            nothing is changed. Then you are asked to type yes. Clients, assets and your settings are replaced \
            by the backup's; clients and assets the backup lacks are moved into quarantine/ (nothing is deleted). \
            The audit log is kept and never rewritten: each change the restore makes is added to it, and the \
            backup's own log is not restored. Undo a restore by restoring the backup it made first \
            (its name ends in -before-restore, and it is kept for \(BackupRetention.days) days and \
            \(BackupRetention.weeks) weeks), which it names.
            """
    )

    @OptionGroup var location: DataLocation

    @Argument(help: ArgumentHelp("The backup: its name from `caseload backup --list` (such as 2026-11-21T100000Z), or the path of a backup folder.", valueName: "backup"))
    var backup: String

    @Flag(help: "Restore without asking, for scripts.")
    var yes = false

    func run() throws {
        let clock = try Clock(environment: ProcessInfo.processInfo.environment)
        let store = try AssetsCommand.openExisting(location, clock: clock, howToStart: CaseloadRecords.howToStart)
        defer { store.close() }
        // The lock is held from here to the end, so nothing changes between the question and the restore.
        if case .readOnly(let reason) = store.access { throw CommandFailure(BackupError.readOnly(reason).description) }
        let source: CaseloadContents
        do {
            source = ClientStore.contents(of: try store.locateBackup(backup))
        } catch {
            throw CommandFailure(error.description)
        }
        guard source.problems.isEmpty else {
            throw CommandFailure(BackupError.unusable(path: source.path, problems: source.problems).description)
        }
        if !yes {
            guard isatty(0) == 1 else {
                throw CommandFailure("restore replaces the caseload, so it asks first: run it in a terminal, or add --yes. Nothing was changed.")
            }
            // Unbuffered, so that the question shows before the answer is read.
            FileHandle.standardOutput.write(Data((Self.question(replacing: store.contents(), with: source) + " ").utf8))
            guard readLine() == "yes" else {
                throw CommandFailure("not restored (only yes restores). Nothing was changed.")
            }
        }
        let outcome: RestoreOutcome
        do {
            outcome = try store.restore(source, at: clock.now())
        } catch {
            throw CommandFailure(error.description)
        }
        let safety = outcome.safetyBackup.backup.name
        print("""
            Restored \(store.directory.path) from \(Self.describe(source)): \
            \(BackupCommand.count(outcome.written, "file")) written, \(outcome.removed) removed\
            \(outcome.removedTo.map { " (moved to \($0))" } ?? ""), \(outcome.unchanged) already as in the backup; \
            settings replaced, and each change added to the audit log.
            The caseload as it was is kept as backup \(safety); `caseload restore \(safety)` puts it back.
            """)
    }

    /// "Replace the caseload in <dir> (N clients, last saved <date>) with the backup from <date> (M clients)? …"
    static func question(replacing current: CaseloadContents, with source: CaseloadContents) -> String {
        "Replace the caseload in \(current.path) (\(holding(current))) with \(describe(source))? "
            + "A backup of the current caseload is made first. Type yes to restore:"
    }

    /// "the backup from 21-Nov-2026 10:00 (60 clients)", or by path and last save for a folder not named by its stamp.
    static func describe(_ backup: CaseloadContents) -> String {
        if let stamp = BackupStamp(name: (backup.path as NSString).lastPathComponent) {
            return "the backup from \(DateStyle.screen(stamp.date)) (\(BackupCommand.count(backup.clients, "client")))"
        }
        return "the backup in \(backup.path) (\(holding(backup)))"
    }

    /// "60 clients, last saved 21-Nov-2026 09:58"
    private static func holding(_ contents: CaseloadContents) -> String {
        BackupCommand.count(contents.clients, "client")
            + (contents.lastSaved.map { ", last saved \(DateStyle.screen($0))" } ?? "")
    }
}
