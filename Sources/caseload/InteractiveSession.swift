import CaseloadApp
import CaseloadKit
import CaseloadStore
import CursesBackend
import Foundation
import TerminalUI
import ThemeFiles

/// Opens the caseload in the terminal: checks the terminal, opens the store, runs the app loop,
/// and always gives the terminal back.
enum InteractiveSession {
    /// Stops before anything is written when the full screen cannot work here.
    static func checkTerminal(environment: [String: String]) throws {
        if let problem = TerminalCheck.problem(environment: environment) {
            throw CommandFailure(problem)
        }
    }

    static func run(directory: URL, isDemo: Bool, themeFlag: String?, clock: Clock, environment: [String: String]) throws {
        let store = try ClientStore.open(directory: directory, now: clock.now())
        defer { store.close() }
        // Rows first; every client in full and today's backup follow after the first frame.
        let load = store.loadSummaries()
        let assetLoad = store.loadAssets()
        let readOnlyReason: String? = switch store.access {
        case .readWrite: nil
        case .readOnly(let reason): reason.description
        }
        var unreadable = (load.problems + assetLoad.problems)
            .map { UnreadableFile(fileName: $0.fileName, reason: $0.reason, reference: $0.reference,
                                  canMoveAside: ClientStore.canQuarantine($0.fileName)) }
        var settings = WorkerSettings()
        var settingsUnreadable = false
        do {
            settings = try store.loadSettings()
        } catch {
            settingsUnreadable = true
            unreadable.append(UnreadableFile(fileName: "settings.json", reason: "\(error) Exports are unsigned until it is fixed or new settings are saved (o)."))
        }
        var themes = ThemeStartup.prepare(flag: themeFlag, environment: environment, saved: settings.theme, catalogue: .standard())
        if let problem = themes.problem { unreadable.append(problem) }

        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(theme: themes.choices.current, environment: environment)
        } catch {
            throw CommandFailure("\(error)")
        }
        if terminal.depth == .none {
            themes.choices.note = "This terminal shows no colour, so every theme looks monochrome here."
        }
        var state = AppState(summaries: load.summaries, assets: assetLoad.assets, now: clock.now(), size: terminal.size,
                             readOnlyReason: readOnlyReason, loadProblems: unreadable, dataFolder: store.directory.path,
                             isDemo: isDemo, workerName: WorkerName.current(environment: environment),
                             settings: settings, themes: themes.choices)
        state.settingsUnreadable = settingsUnreadable
        state.reservedReferences = store.quarantinedReferences()
        if themes.problem != nil { state.message = Message(error: ThemeStartup.fallbackMessage(for: themes.choices)) }
        if !store.access.isReadOnly {
            let recovered = RecoveryFiles.read(from: store)
            state.loadProblems += recovered.problems
            state.offer(recovered.works)
        }
        let shell = StoreShell(store: store, clock: clock, environment: environment)
        let loading = BackgroundClientLoad(store: store, summaries: load) { store in
            isDemo ? nil : BackupCommand.dailyBackupProblem(store, clock: clock)
        }
        let exit = AppLoop.run(&state, terminal: terminal, clock: clock.now, shell: shell, loading: loading)
        loading.finishWriting()
        terminal.restore()
        if case .signal(let signal) = exit {
            // Stopped from outside (logout, shutdown): keep whatever was being typed.
            if let unsaved = state.unsavedWork, let failure = RecoveryFiles.write(unsaved, to: store) {
                FileHandle.standardError.write(Data("caseload: \(failure)\n".utf8))
            }
            store.close()
            Foundation.exit(128 + signal)
        }
    }
}

/// The app's effects, carried out on the real store, editor and terminal.
struct StoreShell: AppShell {
    let store: ClientStore
    let clock: Clock
    let environment: [String: String]

    func save(_ client: Client, previous: Client?) -> SaveResult {
        do {
            try store.save(client, previous: previous, at: clock.now())
            return .saved
        } catch {
            if case .auditNotWritten = error { return .savedWithWarning(error.description) }
            return .failed(error.description)
        }
    }

    func saveAsset(_ asset: Asset, previous: Asset?) -> SaveResult {
        do {
            try store.save(asset, previous: previous, at: clock.now())
            return .saved
        } catch {
            if case .auditNotWritten = error { return .savedWithWarning(error.description) }
            return .failed(error.description)
        }
    }

    func importAssets(paths: [String], existing: [Asset]) -> AssetImportReport {
        AssetImporter.run(paths: paths, existing: existing, store: store, now: clock.now())
    }

    func saveSettings(_ settings: WorkerSettings) -> SaveResult {
        do {
            try store.saveSettings(settings)
            return .saved
        } catch {
            return .failed(error.description)
        }
    }

    func writeExport(named name: String, contents: String) -> Result<String, ShellFailure> {
        do {
            return .success(try store.writeExport(Array(contents.utf8), name: name))
        } catch {
            return .failure(ShellFailure(error.description))
        }
    }

    func editExternally(_ text: String, terminal: Terminal) -> Result<String, ShellFailure> {
        terminal.suspend()
        defer { terminal.resume() }
        return ExternalEditor.edit(text, environment: environment, fileNameHint: "caseload-note")
            .mapError { ShellFailure("\($0)") }
    }

    func moveAside(_ files: [String]) -> Result<MovedAside, ShellFailure> {
        do {
            let result = try store.quarantine(files, at: clock.now())
            return .success(MovedAside(folder: result.folder, moved: result.moved,
                                       notMoved: Dictionary(result.notMoved, uniquingKeysWith: { first, _ in first })))
        } catch {
            return .failure(ShellFailure(error.description))
        }
    }

    func removeRecovery(named name: String) -> String? {
        do {
            try store.removeRecovery(name: name)
            return nil
        } catch {
            return "\(error)"
        }
    }
}

/// Unsaved work kept across a stop, as JSON files in the store's recovery folder.
enum RecoveryFiles {
    static func write(_ record: RecoveryRecord, to store: ClientStore) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        do {
            let name = "unsaved-\(Int(record.savedAt.timeIntervalSince1970))-\(UUID().uuidString.prefix(8)).json"
            try store.writeRecovery(try encoder.encode(record), name: name)
            return nil
        } catch {
            return "could not keep the unsaved text: \(error)"
        }
    }

    /// Files that do not decode (from another version, say) are left in place and listed with the
    /// other unreadable files, so the person knows text is waiting there.
    static func read(from store: ClientStore) -> (works: [RecoveredWork], problems: [UnreadableFile]) {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let files: [RecoveryFile]
        do {
            files = try store.listRecoveries()
        } catch {
            return ([], [UnreadableFile(fileName: "recovery/", reason: "\(error)")])
        }
        var works: [RecoveredWork] = []
        var problems: [UnreadableFile] = []
        for file in files {
            do {
                works.append(RecoveredWork(fileName: file.name, record: try decoder.decode(RecoveryRecord.self, from: file.data)))
            } catch {
                problems.append(UnreadableFile(fileName: "recovery/" + file.name,
                                               reason: "unsaved text from an earlier stop that this version cannot read back; open it in a text editor"))
            }
        }
        return (works, problems)
    }
}
