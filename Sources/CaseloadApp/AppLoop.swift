import Foundation
import CaseloadKit
import TerminalUI

/// The work the app asks of the world outside it: disks, editors. The executable implements it;
/// tests use a fake.
public protocol AppShell {
    /// Writes one client durably and audits the change from `previous`.
    func save(_ client: Client, previous: Client?) -> SaveResult
    /// Edits `text` in the person's own editor while the terminal is handed over.
    func editExternally(_ text: String, terminal: Terminal) -> Result<String, ShellFailure>
    /// Deletes a recovery file once its text is back on screen or was discarded.
    func removeRecovery(named name: String) -> String?
    /// Writes one asset durably and audits the change from `previous`.
    func saveAsset(_ asset: Asset, previous: Asset?) -> SaveResult
    /// Reads Open Referral files or folders, merges them into `existing` and saves what changed.
    func importAssets(paths: [String], existing: [Asset]) -> AssetImportReport
    /// Saves the link worker's own details.
    func saveSettings(_ settings: WorkerSettings) -> SaveResult
    /// Writes an export into the data folder's `exports/`, returning where it went.
    func writeExport(named name: String, contents: String) -> Result<String, ShellFailure>
    /// Moves unreadable files (paths relative to the data folder) into its quarantine folder.
    func moveAside(_ files: [String]) -> Result<MovedAside, ShellFailure>
}

public enum SaveResult: Equatable, Sendable {
    case saved
    /// On disk, but something around it failed (the audit entry): the person must hear of it.
    case savedWithWarning(String)
    case failed(String)
}

public struct ShellFailure: Error, Equatable, Sendable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}

/// The shell around the pure app: reads events, runs effects, draws frames.
public enum AppLoop {
    public enum Exit: Equatable, Sendable {
        case quit
        case signal(Int32)
    }

    /// Runs until the person quits or a termination signal arrives. `loading` delivers the full
    /// clients when `state` starts from summaries only.
    public static func run(_ state: inout AppState, terminal: Terminal, clock: () -> Date, shell: AppShell,
                           loading: ClientLoading? = nil) -> Exit {
        var loading = state.clientsLoaded ? nil : loading
        var loadingStarted = false
        state.size = terminal.size
        state.now = clock()
        var needsDraw = true
        var appliedTheme = state.themes.current
        terminal.apply(appliedTheme)
        while true {
            if state.themes.current != appliedTheme {
                appliedTheme = state.themes.current
                terminal.apply(appliedTheme)
            }
            if needsDraw {
                let frame = state.render()
                terminal.draw(frame.buffer, cursor: frame.cursor)
                needsDraw = false
            }
            if !loadingStarted {
                loading?.start()
                loadingStarted = true
            }
            if let signal = terminal.pendingTerminationSignal { return .signal(signal) }
            if let loaded = loading?.poll() {
                _ = state.update(.clientsLoaded(loaded))
                loading = nil
                needsDraw = true
                continue
            }
            // While clients are arriving, look for them often; otherwise only the clock needs a look.
            guard let event = terminal.nextEvent(timeoutMilliseconds: loading == nil ? 250 : 10) else {
                // Idle: redraw only when the day changes, so waiting days stay right past midnight.
                let now = clock()
                if CalendarDate(now, in: state.timeZone) != state.today { needsDraw = true }
                _ = state.update(.clock(now))
                continue
            }
            _ = state.update(.clock(clock()))
            if let pending = loading, !state.canHandleBeforeClientsLoad(event) {
                state.message = Message("Reading every client's file…")
                let frame = state.render()
                terminal.draw(frame.buffer, cursor: frame.cursor)
                state.message = nil
                _ = state.update(.clientsLoaded(pending.wait()))
                loading = nil
            }
            var effects = state.update(.terminal(event))
            needsDraw = true
            while !effects.isEmpty {
                switch effects.removeFirst() {
                case .quit:
                    return .quit
                case .save(let client):
                    switch shell.save(client, previous: state.clients[client.id]) {
                    case .saved:
                        effects += state.update(.saved(client))
                    case .savedWithWarning(let warning):
                        effects += state.update(.saved(client))
                        effects += state.update(.effectFailed(reason: warning))
                    case .failed(let reason):
                        effects += state.update(.saveFailed(client, reason: reason))
                    }
                case .saveAsset(let asset):
                    switch shell.saveAsset(asset, previous: state.assets[asset.id]) {
                    case .saved:
                        effects += state.update(.assetSaved(asset))
                    case .savedWithWarning(let warning):
                        effects += state.update(.assetSaved(asset))
                        effects += state.update(.effectFailed(reason: warning))
                    case .failed(let reason):
                        effects += state.update(.assetSaveFailed(asset, reason: reason))
                    }
                case .importAssets(let paths):
                    // A large feed takes a moment: show that it has started.
                    let frame = state.render()
                    terminal.draw(frame.buffer, cursor: frame.cursor)
                    let report = shell.importAssets(paths: paths, existing: Array(state.assets.values))
                    effects += state.update(.assetsImported(report))
                case .saveSettings(let settings):
                    switch shell.saveSettings(settings) {
                    case .saved, .savedWithWarning:
                        effects += state.update(.settingsSaved(settings))
                    case .failed(let reason):
                        effects += state.update(.settingsSaveFailed(reason: reason))
                    }
                case .writeExport(let what, let name, let contents):
                    switch shell.writeExport(named: name, contents: contents) {
                    case .success(let path): effects += state.update(.exportWritten(what: what, path: path))
                    case .failure(let failure): effects += state.update(.effectFailed(reason: failure.reason))
                    }
                case .editExternally(let text):
                    switch shell.editExternally(text, terminal: terminal) {
                    case .success(let edited): effects += state.update(.externalEditFinished(edited))
                    case .failure(let failure): effects += state.update(.effectFailed(reason: failure.reason))
                    }
                    state.size = terminal.size
                case .moveAside(let files):
                    switch shell.moveAside(files) {
                    case .success(let result): effects += state.update(.movedAside(result))
                    case .failure(let failure): effects += state.update(.effectFailed(reason: failure.reason))
                    }
                case .removeRecovery(let name):
                    if let failure = shell.removeRecovery(named: name) {
                        effects += state.update(.effectFailed(reason: failure))
                    }
                }
            }
        }
    }
}
