import CaseloadApp
import CaseloadKit
import CaseloadStore
import Foundation
import TerminalUI

/// Keystroke to frame: the app's update for the key and the drawing of the whole next frame into
/// the buffer, as the app loop does for every key. The terminal's own output is not included.
enum KeyTimings {
    static func measure(_ state: inout AppState) {
        Session.report("move", times(&state, keys: Array(repeating: .down, count: 400) + [.home]
            + Array(repeating: .up, count: 1) + Array(repeating: .down, count: 199)))
        Session.report("page", times(&state, keys: Array(repeating: .pageDown, count: 100)
            + Array(repeating: .pageUp, count: 100)))

        var opening: [Double] = []
        for _ in 0..<100 {
            opening += times(&state, keys: [.enter])
            _ = state.update(.terminal(.key(.escape)))
            _ = state.update(.terminal(.key(.pageDown)))
        }
        Session.report("open", opening)

        var searching: [Double] = []
        for query in ["zoe", "lukasz", "siobhan", "chen wei", "c-0042", "9990", "xqz"] {
            _ = state.update(.terminal(.key(.character("/"))))
            searching += times(&state, keys: query.map { Key.character($0) })
            _ = state.update(.terminal(.key(.escape)))
        }
        Session.report("search", searching)

        _ = state.update(.terminal(.key(.tab)))
        Session.report("agenda", times(&state, keys: Array(repeating: .down, count: 100)))
        _ = state.update(.terminal(.key(.tab)))
        _ = state.update(.terminal(.key(.tab)))

        let clients = Array(state.clients.values)
        var noteSearches: [Double] = []
        for query in ["allotment", "walking group", "zoë", "benefits advice", "nothing-matches-this"] {
            noteSearches.append(time { _ = NoteSearch.matching(query, in: clients) })
        }
        Session.report("notes", noteSearches)
    }

    private static func times(_ state: inout AppState, keys: [Key]) -> [Double] {
        keys.map { key in
            time {
                _ = state.update(.terminal(.key(key)))
                _ = state.render()
            }
        }
    }

    static func time(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }
}

/// Saving one edited client durably (written, fsynced, renamed, the folder fsynced, the audit line
/// appended and fsynced), as Ctrl-S does.
enum SaveTimings {
    static func measure(_ state: AppState, store: ClientStore) {
        let ids = state.list.rows
        var times: [Double] = []
        for step in 0..<30 {
            guard !ids.isEmpty, let client = state.clients[ids[step * 7919 % ids.count]] else { break }
            var edited = client
            edited.riskNote += " Checked \(step)."
            times.append(KeyTimings.time {
                do {
                    try store.save(edited, previous: client, at: Date())
                } catch {
                    FileHandle.standardError.write(Data("caseload-bench: save failed: \(error)\n".utf8))
                }
            })
        }
        Session.report("save", times)
    }
}
