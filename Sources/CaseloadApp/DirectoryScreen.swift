import Foundation
import CaseloadKit
import TerminalUI

/// The community-asset directory: filters, sort, selection and the search being typed.
public struct DirectoryState: Sendable {
    public var query = DirectoryQuery()
    /// Asset ids in display order, recomputed whenever the assets, filters or search change.
    public var rows: [UUID] = []
    public var selectedID: UUID?
    public var scrollTop = 0
    /// Present while a search is typed after `/`: the rows narrow with each key.
    public var searchInput: TextInput?
    /// The search and selection before this search began, so Esc can put them back.
    var searchBefore = ""
    var selectionBefore: UUID?

    public var selectedIndex: Int? { selectedID.flatMap { rows.firstIndex(of: $0) } }
}

enum DirectoryAction: Sendable {
    case up, down, pageUp, pageDown, top, bottom
    case open, search, add, edit, markChecked, retireOrRestore, toggleRetired
    case cycleCategory, cycleCapacity, cycleSort, importFeed, clear, nextHome, report, settings, theme, help, quit
}

enum DirectoryScreen {
    static let keys = KeyMap<DirectoryAction>([
        KeyBinding([.enter], .open, help: "Open the selected asset", hint: "Open"),
        KeyBinding([.character("/")], .search, help: "Search name, organisation, description, categories", hint: "Search"),
        KeyBinding([.character("a")], .add, help: "Add an asset", hint: "Add"),
        KeyBinding([.character("v")], .markChecked, help: "Mark the details verified (checked) today", hint: "Checked"),
        KeyBinding([.character("i")], .importFeed, help: "Import an Open Referral UK file or folder", hint: "Import"),
        KeyBinding([.tab], .nextHome, help: "Back to the caseload list", hint: "Caseload"),
        KeyBinding([.character("c")], .cycleCategory, help: "Filter by category (cycles)", hint: "Category"),
        KeyBinding([.character("f")], .cycleCapacity, help: "Filter by capacity (cycles)", hint: "Capacity"),
        KeyBinding([.character("?"), .function(1)], .help, help: "Show this help", hint: "Help"),
        KeyBinding([.character("q")], .quit, help: "Quit Caseload", hint: "Quit"),
    ] + KeyBinding.listNavigation(up: .up, down: .down, pageUp: .pageUp, pageDown: .pageDown,
                                  top: .top, bottom: .bottom, item: "asset") + [
        KeyBinding([.character("e")], .edit, help: "Edit the selected asset"),
        KeyBinding([.character("s")], .cycleSort, help: "Sort: name, capacity, oldest check first"),
        KeyBinding([.character("r")], .retireOrRestore, help: "Retire the selected asset (kept for history), or bring it back"),
        KeyBinding([.character("R")], .toggleRetired, help: "Show or hide retired assets"),
        KeyBinding([.escape], .clear, help: "Clear search and filters"),
        KeyBinding([.character("m")], .report, help: HomeKeys.reportHelp),
        KeyBinding([.character("o")], .settings, help: HomeKeys.settingsHelp),
        KeyBinding([.character("T")], .theme, help: HomeKeys.themeHelp),
    ])

    static let legend = [
        HelpLine(keys: "⚠ in a row", text: "Not checked for \(Asset.staleAfterMonths) months (or never): check before sending anyone"),
        HelpLine(keys: "R in a row", text: "Retired: kept for the record, not offered for new connections"),
        HelpLine(keys: "People", text: "How many people have been connected to it"),
    ]

    static let searchHints = [
        HintItem(key: "Enter", text: "Keep search"), HintItem(key: "Esc", text: "Cancel"),
    ]
}

extension AppState {
    /// Recomputes the directory's rows, keeping the selection on the same asset when it is still shown.
    mutating func refreshDirectoryRows() {
        var query = directory.query
        if let input = directory.searchInput { query.search = input.text }
        let previousIndex = directory.selectedIndex ?? 0
        directory.rows = query.apply(to: Array(assets.values), today: today, searchKeys: assetSearchKeys).map(\.id)
        if let id = directory.selectedID, directory.rows.contains(id) { return }
        directory.selectedID = directory.rows.isEmpty ? nil : directory.rows[min(previousIndex, directory.rows.count - 1)]
    }

    /// What to press when the table is empty although the directory is not.
    var emptyDirectoryHint: String {
        let allRetired = !assets.isEmpty && assets.values.allSatisfy(\.isRetired)
        return allRetired && !directory.query.includeRetired ? "every asset is retired, R shows them" : "Esc shows them all"
    }

    var directoryPageSize: Int { max(1, chrome.body.height - 2) }

    mutating func updateDirectory(_ key: Key) -> [Effect] {
        if directory.searchInput != nil { return updateDirectorySearch(key) }
        guard let action = DirectoryScreen.keys.action(for: key) else { return [] }
        let selected = directory.selectedID.flatMap { assets[$0] }
        switch action {
        case .up: moveDirectorySelection(by: -1)
        case .down: moveDirectorySelection(by: 1)
        case .pageUp: moveDirectorySelection(by: -directoryPageSize)
        case .pageDown: moveDirectorySelection(by: directoryPageSize)
        case .top: directory.selectedID = directory.rows.first
        case .bottom: directory.selectedID = directory.rows.last
        case .open:
            if let asset = selectedAssetOrSay(selected) { stack.append(.asset(AssetViewState(id: asset.id))) }
        case .search:
            directory.searchBefore = directory.query.search
            directory.selectionBefore = directory.selectedID
            directory.searchInput = TextInput(directory.query.search)
        case .add: startAddingAsset()
        case .edit: if let asset = selectedAssetOrSay(selected) { startEditing(asset) }
        case .markChecked: if let asset = selectedAssetOrSay(selected) { return markChecked(asset) }
        case .retireOrRestore: if let asset = selectedAssetOrSay(selected) { confirmRetireOrRestore(asset) }
        case .toggleRetired:
            directory.query.includeRetired.toggle()
            refreshDirectoryRows()
            message = Message(directory.query.includeRetired ? "Showing retired assets too (marked R)" : "Retired assets hidden")
        case .cycleCategory:
            directory.query.category = cycled(directory.query.category, through: NeedCategory.allCases)
            refreshDirectoryRows()
            message = Message("Category: \(directory.query.category?.label ?? "all") (\(directory.rows.count) shown)")
        case .cycleCapacity:
            directory.query.capacity = cycled(directory.query.capacity, through: AssetCapacity.allCases)
            refreshDirectoryRows()
            message = Message("Capacity: \(directory.query.capacity?.label ?? "all") (\(directory.rows.count) shown)")
        case .cycleSort:
            let all = AssetSort.allCases
            directory.query.sort = all[(all.firstIndex(of: directory.query.sort)! + 1) % all.count]
            refreshDirectoryRows()
            message = Message("Sorted by \(directory.query.sort.label.lowercased())")
        case .importFeed:
            guard refuseIfReadOnly() else { return [] }
            modal = .importPath(TextInput())
        case .clear:
            directory.query = DirectoryQuery(sort: directory.query.sort)
            refreshDirectoryRows()
            message = Message("Showing every asset in use")
        case .nextHome: home = .caseload
        case .report: openReport()
        case .settings: openSettings()
        case .theme: openThemePicker()
        case .help: modal = .help(scroll: 0)
        case .quit: return [.quit]
        }
        return []
    }

    private mutating func updateDirectorySearch(_ key: Key) -> [Effect] {
        switch key {
        case .enter:
            directory.query.search = directory.searchInput?.text.trimmingCharacters(in: .whitespaces) ?? ""
            directory.searchInput = nil
            refreshDirectoryRows()
            message = directory.query.search.isEmpty ? nil
                : Message("\(directory.rows.count) asset\(directory.rows.count == 1 ? "" : "s") match “\(directory.query.search)”")
        case .escape:
            directory.searchInput = nil
            directory.query.search = directory.searchBefore
            directory.selectedID = directory.selectionBefore
            refreshDirectoryRows()
        default:
            guard directory.searchInput?.handle(key) == true else { return [] }
            directory.selectedID = nil
            refreshDirectoryRows()
        }
        return []
    }

    mutating func pasteIntoDirectorySearch(_ text: String) {
        directory.searchInput?.insert(text)
        directory.selectedID = nil
        refreshDirectoryRows()
    }

    private mutating func moveDirectorySelection(by delta: Int) {
        directory.selectedID = RowWindow.moved(directory.selectedID, in: directory.rows, by: delta)
    }

    private mutating func selectedAssetOrSay(_ asset: Asset?) -> Asset? {
        if let asset { return asset }
        message = Message(error: assets.isEmpty ? "No assets yet: press a to add one or i to import a directory"
                                                : "No asset shown: \(emptyDirectoryHint)")
        return nil
    }

    /// Keeps the selected row within the visible window of the table.
    mutating func scrollDirectoryToSelection() {
        directory.scrollTop = RowWindow.scrollTop(directory.scrollTop, showing: directory.selectedIndex,
                                                  count: directory.rows.count, page: directoryPageSize)
    }
}
