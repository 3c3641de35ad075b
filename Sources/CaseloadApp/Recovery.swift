import Foundation
import CaseloadKit
import TerminalUI

/// A form with unsaved text, as written to a recovery file when Caseload is stopped by a signal.
public enum UnsavedWork: Hashable, Sendable, Codable {
    case work(WorkForm)
}

public struct RecoveryRecord: Hashable, Sendable, Codable {
    public var savedAt: Date
    /// What it was, in words: "New contact with Zoë Ærø (C-0042)".
    public var summary: String
    public var work: UnsavedWork
}

/// A recovery file found at start, offered back to the person.
public struct RecoveredWork: Hashable, Sendable {
    public var fileName: String
    public var record: RecoveryRecord

    public init(fileName: String, record: RecoveryRecord) {
        self.fileName = fileName
        self.record = record
    }
}

extension AppState {
    /// The open form's unsaved text, if any: what a SIGTERM or SIGHUP must not lose.
    public var unsavedWork: RecoveryRecord? {
        for screen in stack.reversed() {
            switch screen {
            case .work(let form) where form.hasChanges:
                return RecoveryRecord(savedAt: now, summary: form.title, work: .work(form))
            default:
                continue
            }
        }
        return nil
    }

    /// Recovered work waits in a dialog at start; the person decides what happens to it.
    public mutating func offer(_ recovered: [RecoveredWork]) {
        guard let first = recovered.first else { return }
        modal = .recovery(first, more: recovered.count - 1)
    }

    mutating func updateRecovery(_ key: Key, _ recovered: RecoveredWork) -> [Effect] {
        switch key {
        case .enter:
            modal = nil
            // The file stays until the reopened form is saved or discarded, so a second stop loses nothing.
            if reopen(recovered.record.work, from: recovered.fileName) {
                message = Message("Recovered: \(recovered.record.summary). Save it with Ctrl-S.")
            } else {
                let whose = if case .work(let form) = recovered.record.work, case .asset = form.kind { "asset" } else { "client" }
                message = Message(error: "The \(whose) of this recovered text is no longer here; the file is kept in recovery/")
            }
            return []
        case .character("x"), .character("X"):
            modal = nil
            message = Message("Recovered text discarded")
            return [.removeRecovery(recovered.fileName)]
        case .escape:
            modal = nil
            message = Message("The recovered text is kept and offered again next time")
            return []
        default:
            return []
        }
    }

    private mutating func reopen(_ work: UnsavedWork, from fileName: String) -> Bool {
        switch work {
        case .work(var form):
            form.recoveryFile = fileName
            // A new client or asset has no view to go back to yet; everything else opens over its own.
            switch form.kind {
            case .asset(let id, let isNew):
                guard isNew || assets[id] != nil else { return false }
                home = .directory
                stack = isNew ? [.work(form)] : [.asset(AssetViewState(id: id)), .work(form)]
            case .client(_, true, _), .settings:
                stack = [.work(form)]
            default:
                guard let id = form.kind.clientID, clients[id] != nil else { return false }
                stack = [.client(ClientViewState(id: id)), .work(form)]
            }
            return true
        }
    }

    func renderRecovery(_ recovered: RecoveredWork, more: Int, into buffer: inout Buffer) {
        let lines = [
            "Caseload was stopped while this was being written:",
            "",
            recovered.record.summary,
            "(kept when Caseload stopped, \(DateStyle.screen(recovered.record.savedAt, in: timeZone)))",
            "",
        ] + (more > 0 ? ["\(more) more will be offered at the next start.", ""] : [])
        let width = min(66, chrome.body.width)
        let wrapped = lines.flatMap { $0.isEmpty ? [""] : TextWidth.wrap($0, width: width - 4) }
        let panel = chrome.body.centred(width: width, height: wrapped.count + 4)
        buffer.drawBox(panel, title: "Unsaved work recovered")
        for (offset, line) in wrapped.enumerated() {
            buffer.write(line, x: panel.x + 2, y: panel.y + 1 + offset, maxWidth: panel.width - 4,
                         style: offset == 2 ? Style(.normal, [.bold]) : .normal)
        }
        buffer.write("Enter reopen it · x discard · Esc decide later", x: panel.x + 2, y: panel.maxY - 2,
                     maxWidth: panel.width - 4, style: Style(.muted))
    }
}
