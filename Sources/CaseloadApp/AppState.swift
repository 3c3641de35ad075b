import Foundation
import CaseloadKit
import TerminalUI

/// Everything the screens show. Changed only by `update`; drawn by `render`.
public struct AppState: Sendable {
    /// Every client decoded in full. Empty while a large caseload is still being read after the
    /// first frame (see `clientsLoaded`); the list works from `summaries` meanwhile.
    public var clients: [UUID: Client] {
        didSet { agendaCache = nil }
    }
    /// The agenda's rows for a day, built from every client once, not on every key and frame.
    var agendaCache: AgendaCache?
    /// One row's worth of every client: what the list sorts, filters, counts and draws.
    public internal(set) var summaries: [UUID: ClientSummary]
    /// False while the full client files are still being read in the background. Until then only
    /// the list can be browsed and searched (see `canHandleBeforeClientsLoad`).
    public internal(set) var clientsLoaded: Bool
    /// The community-asset directory, shared by everyone who uses this data folder.
    public var assets: [UUID: Asset]
    /// Each asset's folded searchable text, kept beside it (as each client summary keeps its own) so the
    /// directory and the picker do not fold every description on every key.
    var assetSearchKeys: [UUID: AssetSearchKey]
    public var now: Date
    public var timeZone: TimeZone
    public var size: Size
    /// Why this window cannot save, shown as a banner; nil when it can.
    public var readOnlyReason: String?
    /// Files that could not be read at start, each named with its reason.
    public var loadProblems: [UnreadableFile]
    /// References held by client files moved aside: never given to a new client.
    public var reservedReferences: [String] = []
    /// Where the caseload lives, shown in help and when the caseload is empty.
    public var dataFolder: String
    /// The synthetic demo caseload: marked on screen so nobody types a real person into it.
    public var isDemo: Bool
    public var list: ListState
    /// Which top-level view shows beneath the stack: the caseload list or the agenda.
    public var home: Home = .caseload
    public var agenda = AgendaState()
    public var directory = DirectoryState()
    /// The account's name: "checked by" on an asset marked checked today, until settings give one.
    public var workerName: String
    /// The link worker's own details, used in every export.
    public var settings: WorkerSettings
    /// settings.json is there but could not be read: only the settings form may write over it.
    public var settingsUnreadable = false
    /// The colour themes on offer and the one in use.
    public var themes: ThemeChoices
    /// Screens above the caseload list, the top one showing.
    public var stack: [Screen]
    public var modal: Modal?
    public var message: Message?
    /// What to say once the save now under way succeeds, for changes made without a form.
    var savedMessage: String?

    public init(clients: [Client], assets: [Asset] = [], now: Date, timeZone: TimeZone = .current, size: Size,
                readOnlyReason: String? = nil, loadProblems: [UnreadableFile] = [],
                dataFolder: String = "", isDemo: Bool = false, workerName: String = "",
                settings: WorkerSettings = WorkerSettings(), themes: ThemeChoices = ThemeChoices()) {
        self.init(summaries: clients.map(\.summary), assets: assets, now: now, timeZone: timeZone, size: size,
                  readOnlyReason: readOnlyReason, loadProblems: loadProblems, dataFolder: dataFolder, isDemo: isDemo,
                  workerName: workerName, settings: settings, themes: themes)
        self.clients = Dictionary(uniqueKeysWithValues: clients.map { ($0.id, $0) })
        clientsLoaded = true
    }

    /// A caseload whose list can show now and whose clients arrive later, as `.clientsLoaded`.
    public init(summaries: [ClientSummary], assets: [Asset] = [], now: Date, timeZone: TimeZone = .current, size: Size,
                readOnlyReason: String? = nil, loadProblems: [UnreadableFile] = [],
                dataFolder: String = "", isDemo: Bool = false, workerName: String = "",
                settings: WorkerSettings = WorkerSettings(), themes: ThemeChoices = ThemeChoices()) {
        self.clients = [:]
        self.summaries = Dictionary(summaries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.clientsLoaded = false
        self.assets = Dictionary(assets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.assetSearchKeys = self.assets.mapValues(AssetSearchKey.init)
        self.workerName = workerName
        self.settings = settings
        self.themes = themes
        self.now = now
        self.timeZone = timeZone
        self.size = size
        self.readOnlyReason = readOnlyReason
        self.loadProblems = loadProblems
        self.dataFolder = dataFolder
        self.isDemo = isDemo
        self.list = ListState()
        self.stack = []
        self.modal = nil
        self.message = nil
        refreshRows()
        list.selectedID = list.rows.first
        refreshDirectoryRows()
        directory.selectedID = directory.rows.first
        if !loadProblems.isEmpty {
            let count = loadProblems.count
            message = Message(error: "\(count) file\(count == 1 ? "" : "s") could not be read (left untouched): press ! to see")
        }
    }

    /// Replaces or adds a client, keeping its search key in step.
    mutating func store(_ client: Client) {
        clients[client.id] = client
        summaries[client.id] = client.summary
    }

    func matches(_ id: UUID, _ query: SearchQuery) -> Bool {
        summaries[id]?.searchKey.matches(query) ?? false
    }

    public var today: CalendarDate { CalendarDate(now, in: timeZone) }

    public static let minimumSize = Size(width: 60, height: 16)

    public var isTooSmall: Bool {
        size.width < AppState.minimumSize.width || size.height < AppState.minimumSize.height
    }

    public var isReadOnly: Bool { readOnlyReason != nil }
}

/// A file in the data folder that could not be read, and why.
public struct UnreadableFile: Hashable, Sendable {
    public var fileName: String
    public var reason: String
    /// The reference the file seems to hold: never handed to a new client.
    public var reference: String?
    /// A client or asset file, which the person may move into the quarantine folder.
    public var canMoveAside: Bool

    public init(fileName: String, reason: String, reference: String? = nil, canMoveAside: Bool = false) {
        self.fileName = fileName
        self.reason = reason
        self.reference = reference
        self.canMoveAside = canMoveAside
    }
}

/// The top-level views beneath the stack, in the order Tab steps through them.
public enum Home: CaseIterable, Sendable { case caseload, agenda, directory }

public enum Screen: Sendable {
    case client(ClientViewState)
    case asset(AssetViewState)
    case report(ReportViewState)
    case work(WorkForm)
}

public enum Modal: Sendable {
    case help(scroll: Int)
    case confirm(Confirmation)
    case discharge(DischargeDialog)
    case needsPicker(NeedsPicker)
    case statusPicker(StatusPicker)
    case recovery(RecoveredWork, more: Int)
    case loadProblems(scroll: Int)
    case assetPicker(AssetPicker)
    /// The path of an Open Referral file or folder being typed.
    case importPath(TextInput)
    /// What an import did, file by file.
    case report(title: String, lines: [String], scroll: Int)
    /// What to export and in which format.
    case exportMenu(ExportMenu)
    case themePicker(ThemePicker)
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
        /// Closing the discharge dialog with a typed note; "no" goes back to it.
        case abandonDischarge(DischargeDialog)
        case quitDiscardingForm
        case reopen(UUID)
        case discharge(UUID, Discharge)
        case retireAsset(UUID)
        case restoreAsset(UUID)
        /// Connecting to an asset that is full or closed: "yes" opens the connection form.
        case connectDespiteCapacity(clientID: UUID, assetID: UUID, stepID: UUID?)
        /// Moving these unreadable files (relative paths) into the quarantine folder.
        case moveAside([String])
    }

    public var question: String
    public var action: Action
}

/// Effects are the work `update` asks the shell to do; their outcome comes back as an event.
public enum Effect: Equatable, Sendable {
    case save(Client)
    case saveAsset(Asset)
    /// Read Open Referral files or folders into the directory.
    case importAssets([String])
    case saveSettings(WorkerSettings)
    /// Write `contents` as `exports/<name>`; `what` names it in the message ("Session summary").
    case writeExport(what: String, name: String, contents: String)
    /// Open the text in $VISUAL/$EDITOR, the terminal handed over meanwhile.
    case editExternally(String)
    /// Delete a recovery file whose work is back on screen or was discarded.
    case removeRecovery(String)
    /// Move unreadable files (relative paths) into the quarantine folder, unchanged.
    case moveAside([String])
    case quit
}

public enum AppEvent: Sendable {
    case terminal(TerminalEvent)
    case saved(Client)
    case saveFailed(Client, reason: String)
    case assetSaved(Asset)
    case assetSaveFailed(Asset, reason: String)
    case assetsImported(AssetImportReport)
    case settingsSaved(WorkerSettings)
    case settingsSaveFailed(reason: String)
    case exportWritten(what: String, path: String)
    case externalEditFinished(String)
    case movedAside(MovedAside)
    /// Work the shell could not do (an editor that would not start, a file it could not remove).
    case effectFailed(reason: String)
    /// The full client files, read after the first frame of a large caseload.
    case clientsLoaded(LoadedClients)
    /// The clock moved on (the shell sends this so "today" and waiting days stay right past midnight).
    case clock(Date)
}
