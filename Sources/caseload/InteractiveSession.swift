import CaseloadApp
import CaseloadKit
import CaseloadStore
import CursesBackend
import Foundation
import TerminalUI

/// Opens the caseload in the terminal: checks the terminal, opens the store, runs the app loop,
/// and always gives the terminal back.
enum InteractiveSession {
    /// Stops before anything is written when the full screen cannot work here.
    static func checkTerminal(environment: [String: String]) throws {
        if let problem = TerminalCheck.problem(environment: environment) {
            throw CommandFailure(problem)
        }
    }

    static func run(directory: URL, isDemo: Bool, clock: Clock, environment: [String: String]) throws {
        let store = try ClientStore.open(directory: directory, now: clock.now())
        defer { store.close() }
        let load = store.loadClients()
        let readOnlyReason: String? = switch store.access {
        case .readWrite: nil
        case .readOnly(let reason): reason.description
        }

        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(theme: .builtInDefault, environment: environment)
        } catch {
            throw CommandFailure("\(error)")
        }
        let unreadable = load.problems.map { UnreadableFile(fileName: $0.fileName, reason: $0.reason, reference: $0.reference) }
        var state = AppState(clients: load.clients, now: clock.now(), size: terminal.size, readOnlyReason: readOnlyReason,
                             loadProblems: unreadable, dataFolder: store.directory.path, isDemo: isDemo)
        let exit = AppLoop.run(&state, terminal: terminal, clock: clock.now) { client in
            do {
                try store.save(client)
                return nil
            } catch {
                return "\(error)"
            }
        }
        terminal.restore()
        store.close()
        if case .signal(let signal) = exit {
            Foundation.exit(128 + signal)
        }
    }
}
