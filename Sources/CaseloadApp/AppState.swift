import Foundation
import CaseloadKit
import TerminalUI

/// Everything the screens show. Changed only by `update`; drawn by `render`.
public struct AppState: Sendable {
    public var clients: [UUID: Client]
    public var now: Date
    public var timeZone: TimeZone
    public var size: Size
    /// Why this window cannot save, shown as a banner; nil when it can.
    public var readOnlyReason: String?
    /// Files that could not be read at start, each named with its reason.
    public var loadProblems: [String]
    public var list: ListState
    /// Screens above the caseload list, the top one showing.
    public var stack: [Screen]
    public var modal: Modal?
    public var message: Message?

    public init(clients: [Client], now: Date, timeZone: TimeZone = .current, size: Size,
                readOnlyReason: String? = nil, loadProblems: [String] = []) {
        self.clients = Dictionary(uniqueKeysWithValues: clients.map { ($0.id, $0) })
        self.now = now
        self.timeZone = timeZone
        self.size = size
        self.readOnlyReason = readOnlyReason
        self.loadProblems = loadProblems
        self.list = ListState()
        self.stack = []
        self.modal = nil
        self.message = nil
        refreshRows()
        list.selectedID = list.rows.first
        if !loadProblems.isEmpty {
            message = Message(error: "\(loadProblems.count) file(s) could not be read and were left untouched: press ! to see which")
        }
    }

    public var today: CalendarDate { CalendarDate(now, in: timeZone) }

    public static let minimumSize = Size(width: 60, height: 16)

    public var isTooSmall: Bool {
        size.width < AppState.minimumSize.width || size.height < AppState.minimumSize.height
    }

    public var isReadOnly: Bool { readOnlyReason != nil }
}

public enum Screen: Sendable {
    case client(ClientViewState)
    case form(FormState)
}

public enum Modal: Sendable {
    case help(scroll: Int)
    case confirm(Confirmation)
    case discharge(DischargeDialog)
    case needsPicker(NeedsPicker)
    case statusPicker(StatusPicker)
    case loadProblems(scroll: Int)
}

public struct Message: Hashable, Sendable {
    public enum Kind: Sendable { case info, error }
    public var text: String
    public var kind: Kind

    public init(_ text: String) {
        self.text = text
        self.kind = .info
    }

    public init(error text: String) {
        self.text = text
        self.kind = .error
    }
}

/// A yes/no question naming what it is about; `y` runs the action, anything else cancels.
public struct Confirmation: Sendable {
    public enum Action: Sendable {
        case discardForm
        case quitDiscardingForm
        case reopen(UUID)
        case discharge(UUID, Discharge)
    }

    public var question: String
    public var action: Action
}

/// Effects are the work `update` asks the shell to do; their outcome comes back as an event.
public enum Effect: Equatable, Sendable {
    case save(Client)
    case quit
}

public enum AppEvent: Sendable {
    case terminal(TerminalEvent)
    case saved(Client)
    case saveFailed(Client, reason: String)
    /// The clock moved on (the shell sends this so "today" and waiting days stay right past midnight).
    case clock(Date)
}
