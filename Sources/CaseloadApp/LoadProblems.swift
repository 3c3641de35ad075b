import Foundation
import TerminalUI

/// What moving unreadable files aside did, as the shell reports it.
public struct MovedAside: Equatable, Sendable {
    /// Where they went, relative to the data folder: `quarantine/2026-11-21T100000Z`.
    public var folder: String
    public var moved: [String]
    /// File name and why it stayed.
    public var notMoved: [String: String]

    public init(folder: String, moved: [String], notMoved: [String: String] = [:]) {
        self.folder = folder
        self.moved = moved
        self.notMoved = notMoved
    }
}

/// The list of files that could not be read, and moving the client and asset files among them into
/// the quarantine folder once the person agrees. Nothing is ever deleted or written over.
extension AppState {
    /// Files the list may offer to move: client and asset files, and only in a window that may write.
    var filesToMoveAside: [String] {
        isReadOnly ? [] : loadProblems.filter(\.canMoveAside).map(\.fileName)
    }

    var loadProblemsFooter: String {
        let count = filesToMoveAside.count
        let move = switch count {
        case 0: "Fix or move these files, then restart"
        case 1: "m moves the client or asset file aside"
        default: "m moves the \(count) client and asset files aside"
        }
        return move + " · ↑/↓ scroll · other keys close"
    }

    mutating func updateLoadProblems(_ key: Key, scroll: Int, scrolled: Int?) -> [Effect] {
        let files = filesToMoveAside
        if key == .character("m"), !files.isEmpty {
            let what = files.count == 1 ? "the unreadable file \(files[0])" : "\(files.count) unreadable files"
            modal = .confirm(Confirmation(
                question: "Move \(what) into the quarantine folder of the caseload? "
                    + "They are kept there unchanged and no longer listed here.",
                action: .moveAside(files)))
            return []
        }
        modal = scrolled.map { .loadProblems(scroll: $0) }
        return []
    }

    mutating func movedAside(_ result: MovedAside) {
        let moved = Set(result.moved)
        reservedReferences += loadProblems.filter { moved.contains($0.fileName) }.compactMap(\.reference)
        loadProblems.removeAll { moved.contains($0.fileName) }
        let files = result.moved.count == 1 ? "1 file" : "\(result.moved.count) files"
        let movedText = "Moved \(files) unchanged into \(result.folder)/"
        guard !result.notMoved.isEmpty else {
            message = Message(movedText)
            return
        }
        let stayed = result.notMoved.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
        message = Message(error: result.moved.isEmpty ? "Could not move \(stayed)" : "\(movedText); could not move \(stayed)")
    }
}
