import Foundation
import CaseloadKit
import TerminalUI

/// One asset, in full, with how connections to it went (counts only, never names).
public struct AssetViewState: Sendable {
    public var id: UUID
    /// The first line shown.
    public var scroll = 0

    public init(id: UUID) {
        self.id = id
    }
}

enum AssetAction: Sendable {
    case back, edit, markChecked, retireOrRestore, up, down, pageUp, pageDown, top, bottom, help
}

enum AssetScreen {
    static let keys = KeyMap<AssetAction>([
        KeyBinding([.escape, .character("q")], .back, help: "Back", hint: "Back"),
        KeyBinding([.character("e")], .edit, help: "Edit the details", hint: "Edit"),
        KeyBinding([.character("v")], .markChecked, help: "Mark the details verified (checked) today", hint: "Checked"),
        KeyBinding([.character("r")], .retireOrRestore, help: "Retire (kept for history) or bring back", hint: "Retire"),
        KeyBinding([.character("?"), .function(1)], .help, help: "Show this help", hint: "Help"),
    ] + KeyBinding.listNavigation(up: .up, down: .down, pageUp: .pageUp, pageDown: .pageDown,
                                  top: .top, bottom: .bottom, item: "line"))
}

extension AppState {
    mutating func updateAssetView(_ key: Key, _ view: AssetViewState) -> [Effect] {
        guard let action = AssetScreen.keys.action(for: key), let asset = assets[view.id] else { return [] }
        var view = view
        defer { if case .asset(let top) = stack.last, top.id == view.id { stack[stack.count - 1] = .asset(view) } }
        let page = max(1, chrome.body.height - 1)
        let lastTop = max(0, assetLines(asset, width: chrome.body.width - 2).count - chrome.body.height + 1)
        switch action {
        case .back: stack.removeLast()
        case .edit: startEditing(asset)
        case .markChecked: return markChecked(asset)
        case .retireOrRestore: confirmRetireOrRestore(asset)
        case .help: modal = .help(scroll: 0)
        case .up: view.scroll = max(0, view.scroll - 1)
        case .down: view.scroll = min(lastTop, view.scroll + 1)
        case .pageUp: view.scroll = max(0, view.scroll - page)
        case .pageDown: view.scroll = min(lastTop, view.scroll + page)
        case .top: view.scroll = 0
        case .bottom: view.scroll = lastTop
        }
        return []
    }

    mutating func startAddingAsset() {
        guard refuseIfReadOnly() else { return }
        var draft = AssetDraft()
        draft.categories = directory.query.category.map { [$0] } ?? []
        stack.append(.work(WorkForm(kind: .asset(assetID: UUID(), isNew: true), title: "New community asset",
                                    fields: AssetFormFields.fields(draft))))
    }

    mutating func startEditing(_ asset: Asset) {
        guard refuseIfReadOnly() else { return }
        stack.append(.work(WorkForm(kind: .asset(assetID: asset.id, isNew: false), title: "Editing \(asset.name)",
                                    fields: AssetFormFields.fields(AssetDraft(asset: asset)))))
    }

    mutating func markChecked(_ asset: Asset) -> [Effect] {
        guard refuseIfReadOnly() else { return [] }
        savedMessage = "\(asset.name): checked today" + (checkerName.isEmpty ? "" : " by \(checkerName)")
        return [.saveAsset(asset.checked(on: today, by: checkerName, at: now))]
    }

    mutating func confirmRetireOrRestore(_ asset: Asset) {
        guard refuseIfReadOnly() else { return }
        if asset.isRetired {
            modal = .confirm(Confirmation(question: "Bring “\(asset.name)” back into the directory?", action: .restoreAsset(asset.id)))
        } else {
            let people = ConnectionOutcomes(assetID: asset.id, clients: clients.values).people
            let kept = people == 0 ? "" : " The \(people) connection\(people == 1 ? "" : "s") to it stay on record."
            modal = .confirm(Confirmation(question: "Retire “\(asset.name)”? It will be hidden from the directory.\(kept)",
                                          action: .retireAsset(asset.id)))
        }
    }

    /// Every detail of an asset as lines for the asset view.
    func assetLines(_ asset: Asset, width: Int) -> [ViewLine] {
        var lines: [ViewLine] = []
        // Feeds write long eligibility and opening texts: wrap them under their label, never cut them.
        let valueWidth = max(10, width - 24)
        func field(_ label: String, _ value: String, _ style: Style = .normal) {
            let text = value.isEmpty ? "—" : value.replacingOccurrences(of: "\n", with: " ")
            for (index, line) in TextWidth.wrap(text, width: valueWidth).enumerated() {
                lines.append(.field(index == 0 ? label : "", line, style))
            }
        }
        func block(_ label: String, _ text: String) {
            guard !text.isEmpty else { return }
            lines.append(.blank)
            lines.append(.heading(label))
            for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
                for line in TextWidth.wrap(String(paragraph), width: max(10, width - 2)) { lines.append(.text(line, .normal)) }
            }
        }
        let warns = asset.capacity.warnsBeforeConnecting
        field("Organisation", asset.organisation)
        field("Capacity", (warns ? "⚠ " : "") + asset.capacity.label, warns ? Style(.warning) : .normal)
        field("Categories", asset.categories.map(\.label).joined(separator: ", "))
        field("When it runs", asset.schedule)
        field("Address or area", asset.address)
        field("Phone", asset.phone)
        field("Email", asset.email)
        field("Website", asset.website)
        field("Who it is for", asset.eligibility)
        field("Cost", asset.cost)
        field("Last checked", checkedText(asset), asset.isStale(today: today) ? Style(.warning) : .normal)
        field("Source", sourceText(asset))
        if let source = asset.source {
            field("Feed service", source.serviceID + (source.feedStatus.isEmpty ? "" : " · status “\(source.feedStatus)”"))
        }
        if !asset.topics.isEmpty { field("Feed topics", asset.topics.joined(separator: ", ")) }
        if let retired = asset.retiredOn { field("Retired", DateStyle.screen(retired), Style(.muted)) }
        block("Description", asset.description)
        block("Notes", asset.notes)
        lines.append(.blank)
        lines.append(.heading("How connections went (no names)"))
        let outcomes = ConnectionOutcomes(assetID: asset.id, clients: clients.values)
        if outcomes.people == 0 {
            lines.append(.text("Nobody has been connected yet.", Style(.muted)))
        } else {
            field("People connected", "\(outcomes.people), \(outcomes.everAttended) attended at least once")
            for state in ConnectionState.allCases {
                if let count = outcomes.byState[state] { field("  Now " + state.label.lowercased(), "\(count)") }
            }
        }
        return lines
    }

    func checkedText(_ asset: Asset) -> String {
        guard let check = asset.lastChecked else { return "⚠ never checked" }
        let by = check.by.isEmpty ? "" : " by \(check.by)"
        let stale = asset.isStale(today: today) ? "⚠ " : ""
        let note = asset.isStale(today: today) ? " (over \(Asset.staleAfterMonths) months ago)" : ""
        return "\(stale)\(DateStyle.screen(check.date))\(by)\(note)"
    }

    private func sourceText(_ asset: Asset) -> String {
        guard let source = asset.source else { return "Entered by hand" }
        return "\(source.feed) (Open Referral), imported \(DateStyle.screen(CalendarDate(source.importedAt, in: timeZone)))"
    }

    func renderAssetView(_ view: AssetViewState, into buffer: inout Buffer) {
        let chrome = self.chrome
        guard let asset = assets[view.id] else { return }
        var keys = AssetScreen.keys
        if asset.isRetired, let index = keys.bindings.firstIndex(where: { $0.action == .retireOrRestore }) {
            keys.bindings[index].hint = "Restore"
        }
        buffer.drawChrome(chrome, title: asset.name + (asset.isRetired ? " · retired" : ""), state: self, hints: keys.hints)
        renderLines(assetLines(asset, width: chrome.body.width - 2), scroll: view.scroll, into: &buffer, area: chrome.body)
    }
}
