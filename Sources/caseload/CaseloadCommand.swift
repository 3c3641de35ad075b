import ArgumentParser
import CaseloadStore
import Foundation

@main
struct CaseloadCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "caseload",
        abstract: "A keyboard-first caseload manager for social prescribing link workers.",
        usage: """
            caseload [--data-dir <path>] [--demo] [--theme <name|path>]
              caseload <subcommand> [options]
            """,
        discussion: """
            With no command, opens the caseload in the terminal. Data lives in --data-dir, else \
            $CASELOAD_DIR, else $XDG_DATA_HOME/caseload, else ~/.local/share/caseload.
            Colours: --theme, else CASELOAD_THEME, else the theme chosen with T (saved in settings.json); \
            NO_COLOR set (not empty) starts in monochrome unless --theme is given.
            Set CASELOAD_NOW (for example 2026-11-21T10:00:00Z) to pin the clock for demos and tests.
            """,
        version: version,
        subcommands: [DemoCommand.self, ListCommand.self, ExportCommand.self, ReportCommand.self, AssetsCommand.self, SettingsCommand.self, ThemesCommand.self, BackupCommand.self, RestoreCommand.self, CheckCommand.self]
    )

    /// Problems the person can act on print as one line, `caseload: ...`, with exit code 1;
    /// usage errors, help and version go through ArgumentParser as usual.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            fail(failure.description)
        } catch let failure as StoreError {
            fail(failure.description)
        } catch {
            exit(withError: error)
        }
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("caseload: \(message)\n".utf8))
        Foundation.exit(1)
    }

    @OptionGroup var location: DataLocation

    @Flag(help: "Open a demo caseload of synthetic clients, kept in its own folder (created the first time); never touches real data.")
    var demo = false

    @Option(help: ArgumentHelp("The colour theme for this run: a name from `caseload themes list`, or a theme file. Overrides NO_COLOR, CASELOAD_THEME and the saved choice.", valueName: "name|path"))
    var theme: String?

    func validate() throws {
        if demo && location.dataDir != nil {
            throw ValidationError("--demo uses its own folder; leave out --data-dir, or use `caseload demo --dir D` then `caseload --data-dir D`.")
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let clock = try Clock(environment: environment)
        try InteractiveSession.checkTerminal(environment: environment)
        let directory: URL
        if demo {
            directory = try DemoCommand.demoDirectory(environment: environment)
            try DemoCommand.writeDemoIfMissing(in: directory, clock: clock)
        } else {
            directory = try location.resolve()
        }
        try InteractiveSession.run(directory: directory, isDemo: demo, themeFlag: theme, clock: clock, environment: environment)
    }
}

/// The `--data-dir` option every command shares.
struct DataLocation: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The caseload folder.", valueName: "path"))
    var dataDir: String?

    func resolve() throws -> URL {
        try DataDirectory.resolve(flag: dataDir, environment: ProcessInfo.processInfo.environment)
    }
}
