import CaseloadApp
import CaseloadKit
import CaseloadStore
import Foundation

/// After the first frame, on a thread of its own: writes the summary cache when it was out of date,
/// makes today's backup, then decodes every client file the cache stood in for (over every core).
/// The app loop collects the result with `poll`, or `wait`s for it when a key needs every client.
/// Nothing can be saved before then, so the backup never races a save; and the window waits for
/// the writing (`finishWriting`) before it lets go of the store, however soon the person quits.
final class BackgroundClientLoad: ClientLoading, @unchecked Sendable {
    private let store: ClientStore
    private let summaries: SummaryLoad
    private let backup: @Sendable (ClientStore) -> String?
    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var result: (full: FullClientLoad, backupProblem: String?)?
    private var started = false
    private var writingDone = false

    /// `backup` runs on the background thread; it may touch only the store's folder and file operations.
    init(store: ClientStore, summaries: SummaryLoad, backup: @escaping @Sendable (ClientStore) -> String?) {
        self.store = store
        self.summaries = summaries
        self.backup = backup
    }

    func start() {
        let box = StoreBox(store: store)
        let thread = Thread { [self] in
            summaries.cacheUpdate?.write()
            let backupProblem = backup(box.store)
            condition.lock()
            writingDone = true
            condition.broadcast()
            condition.unlock()
            let full = summaries.remainder.load()
            condition.lock()
            result = (full, backupProblem)
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "caseload-load"
        condition.lock()
        started = true
        condition.unlock()
        thread.start()
    }

    /// Waits until the cache and today's backup are written; the reading may go on.
    func finishWriting() {
        condition.lock()
        while started && !writingDone { condition.wait() }
        condition.unlock()
    }

    func poll() -> LoadedClients? {
        condition.lock()
        let found = result
        condition.unlock()
        return found.map(adopt)
    }

    func wait() -> LoadedClients {
        condition.lock()
        while result == nil { condition.wait() }
        let found = result!
        condition.unlock()
        return adopt(found)
    }

    /// On the main thread, which owns the store: saves from now on keep each client's unknown fields.
    private func adopt(_ found: (full: FullClientLoad, backupProblem: String?)) -> LoadedClients {
        store.adopt(found.full)
        let problems = found.full.problems.map {
            UnreadableFile(fileName: $0.fileName, reason: $0.reason, reference: $0.reference,
                           canMoveAside: ClientStore.canQuarantine($0.fileName))
        }
        return LoadedClients(clients: found.full.clients, summaries: found.full.summaries, problems: problems,
                             warning: found.backupProblem)
    }
}

/// The store handed to the background thread for the daily backup, which reads only the store's
/// fixed folder and file operations while the main thread saves nothing.
private struct StoreBox: @unchecked Sendable {
    let store: ClientStore
}
