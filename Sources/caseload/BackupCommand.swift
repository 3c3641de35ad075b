import ArgumentParser
import CaseloadKit
import CaseloadStore
import Foundation

/// `caseload backup`: backs the caseload folder up now, or lists the backups.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Back up the caseload now (into backups/ in the caseload folder), or list the backups.",
        discussion: """
            Caseload also makes a backup by itself when it opens the caseload and none was made that day. \
            Kept: every backup from the last 24 hours, the newest of each of the last \(BackupRetention.days) \
            days with backups, and the newest of \(BackupRetention.weeks) weeks before those; older ones are \
            removed when a backup is made. Unchanged client and asset files are shared with the caseload \
            (hard links), so a backup is quick and small. Put one back with `caseload restore NAME`.
            """
    )

    @OptionGroup var location: DataLocation

    @Flag(help: "List the backups, newest first: when each was made, what it holds and its size.")
    var list = false

    func run() throws {
        let clock = try Clock(environment: ProcessInfo.processInfo.environment)
        let store = try AssetsCommand.openExisting(location, clock: clock, howToStart: CaseloadRecords.howToStart)
        defer { store.close() }
        if list {
            print(try Self.listing(of: store), terminator: "")
            return
        }
        let now = clock.now()
        let made: MadeBackup
        do {
            made = try store.makeBackup(at: now)
        } catch {
            throw CommandFailure(error.description)
        }
        print("Backed up \(store.directory.path) to \(made.backup.path): \(Self.holding(clients: made.clients, assets: made.assets)).")
        if let skipped = Self.skippedSentence(made) { print(skipped) }
        do {
            let removed = try store.pruneBackups(now: now, timeZone: .current)
            if !removed.isEmpty {
                print("Removed \(Self.count(removed.count, "older backup")): \(removed.map(\.name).joined(separator: ", ")).")
            }
        } catch {
            throw CommandFailure("the backup was made, but older backups could not be tidied away: \(error)")
        }
    }

    /// A table of every backup, and the disk space they take beyond the caseload.
    static func listing(of store: ClientStore) throws -> String {
        let listing: BackupListing
        do {
            listing = try store.backupListing()
        } catch {
            throw CommandFailure(error.description)
        }
        guard !listing.summaries.isEmpty else {
            return "No backups in \(store.backupsFolder) yet; `caseload backup` makes one.\n"
        }
        let rows = listing.summaries.map { summary in
            [summary.backup.name, DateStyle.screen(summary.backup.stamp.date), "\(summary.clients)", "\(summary.assets)",
             size(summary.bytes)]
        }
        return TextTable.render(headers: ["Backup", "Made", "Clients", "Assets", "Size"], rows: rows)
            + "\(count(listing.summaries.count, "backup")) in \(store.backupsFolder), taking \(size(listing.extraBytes)) "
            + "beyond the caseload itself (unchanged files are shared, not copied).\n"
    }

    /// When the app opens the caseload read-write: today's backup if there is none yet, and the old
    /// ones pruned. Returns a sentence for the screen when that fails; the app opens regardless.
    static func dailyBackupProblem(_ store: ClientStore, clock: Clock) -> String? {
        guard !store.access.isReadOnly else { return nil }
        let now = clock.now()
        let made: MadeBackup
        do {
            guard let today = try store.makeTodaysBackupIfMissing(now: now, timeZone: .current) else { return nil }
            made = today
        } catch {
            return "Today's backup was not made. \(error)"
        }
        do {
            try store.pruneBackups(now: now, timeZone: .current)
            return skippedSentence(made).map { "Today's backup was made, but " + $0.prefix(1).lowercased() + $0.dropFirst() }
        } catch {
            return "Today's backup was made, but older ones were not tidied away. \(error)"
        }
    }

    /// "Left out 1 file that could not be read: clients/….json. …", or nil when none was left out.
    static func skippedSentence(_ made: MadeBackup) -> String? {
        guard !made.skipped.isEmpty else { return nil }
        return "Left out \(count(made.skipped.count, "file")) that could not be read: "
            + made.skipped.joined(separator: ", ") + ". `caseload check` says why."
    }

    /// `12 clients, 40 assets`
    static func holding(clients: Int, assets: Int) -> String {
        count(clients, "client") + ", " + count(assets, "asset")
    }

    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    /// `512 bytes`, `4.2 kB`, `380 MB`: decimal units, as file managers show them.
    static func size(_ bytes: Int) -> String {
        let units = ["kB", "MB", "GB", "TB"]
        guard bytes >= 1000 else { return count(bytes, "byte") }
        var value = Double(bytes) / 1000
        var unit = 0
        while value >= 1000 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return (value < 10 ? String(format: "%.1f", value) : String(format: "%.0f", value)) + " " + units[unit]
    }
}
