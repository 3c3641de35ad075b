import Foundation
import CaseloadKit
import TerminalUI

/// The shell around the pure app: reads events, runs effects, draws frames.
public enum AppLoop {
    public enum Exit: Equatable, Sendable {
        case quit
        case signal(Int32)
    }

    /// Runs until the person quits or a termination signal arrives.
    /// `save` writes one client durably and returns nil, or a sentence saying why it failed.
    public static func run(_ state: inout AppState, terminal: Terminal, clock: () -> Date,
                           save: (Client) -> String?) -> Exit {
        state.size = terminal.size
        state.now = clock()
        var needsDraw = true
        while true {
            if needsDraw {
                let frame = state.render()
                terminal.draw(frame.buffer, cursor: frame.cursor)
                needsDraw = false
            }
            if let signal = terminal.pendingTerminationSignal { return .signal(signal) }
            guard let event = terminal.nextEvent(timeoutMilliseconds: 250) else {
                // Idle: redraw only when the day changes, so waiting days stay right past midnight.
                let now = clock()
                if CalendarDate(now, in: state.timeZone) != state.today { needsDraw = true }
                _ = state.update(.clock(now))
                continue
            }
            _ = state.update(.clock(clock()))
            var effects = state.update(.terminal(event))
            needsDraw = true
            while !effects.isEmpty {
                switch effects.removeFirst() {
                case .quit:
                    return .quit
                case .save(let client):
                    if let failure = save(client) {
                        effects += state.update(.saveFailed(client, reason: failure))
                    } else {
                        effects += state.update(.saved(client))
                    }
                }
            }
        }
    }
}
