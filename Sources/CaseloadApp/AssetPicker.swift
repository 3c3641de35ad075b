import Foundation
import CaseloadKit
import TerminalUI

/// Choosing the asset to connect a client to: type to narrow, arrows to choose, Enter to pick.
public struct AssetPicker: Sendable {
    public var clientID: UUID
    /// The plan step the connection will serve, when started from one.
    public var stepID: UUID?
    public var input = TextInput()
    public var cursor = 0

    public init(clientID: UUID, stepID: UUID? = nil) {
        self.clientID = clientID
        self.stepID = stepID
    }
}

extension AppState {
    /// Assets in use that match what is typed, by name; retired ones are not offered.
    func pickerChoices(_ picker: AssetPicker) -> [Asset] {
        DirectoryQuery(search: picker.input.text).apply(to: Array(assets.values), today: today, searchKeys: assetSearchKeys)
    }

    mutating func startConnecting(_ client: Client, stepID: UUID? = nil) {
        guard refuseIfReadOnly(), refuseIfDischarged(client) else { return }
        guard assets.values.contains(where: { !$0.isRetired }) else {
            message = Message(error: "The directory is empty: add or import assets there first (Tab from the agenda)")
            return
        }
        modal = .assetPicker(AssetPicker(clientID: client.id, stepID: stepID))
    }

    mutating func updateAssetPicker(_ key: Key, _ picker: AssetPicker) {
        var picker = picker
        let choices = pickerChoices(picker)
        switch key {
        case .escape:
            modal = nil
            return
        case .up: picker.cursor = max(0, picker.cursor - 1)
        case .down: picker.cursor = min(max(0, choices.count - 1), picker.cursor + 1)
        case .pageUp: picker.cursor = max(0, picker.cursor - 10)
        case .pageDown: picker.cursor = min(max(0, choices.count - 1), picker.cursor + 10)
        case .enter:
            guard choices.indices.contains(picker.cursor), let client = clients[picker.clientID] else {
                message = Message(error: "Nothing matches “\(picker.input.text)”: change the search or Esc")
                break
            }
            let asset = choices[picker.cursor]
            modal = nil
            if asset.capacity.warnsBeforeConnecting {
                modal = .confirm(Confirmation(
                    question: "“\(asset.name)” is marked \(asset.capacity.label.lowercased()). Connect \(label(client)) anyway?",
                    action: .connectDespiteCapacity(clientID: client.id, assetID: asset.id, stepID: picker.stepID)))
            } else {
                openConnectionForm(client, asset: asset, stepID: picker.stepID)
            }
            return
        default:
            if picker.input.handle(key) { picker.cursor = 0 }
        }
        modal = .assetPicker(picker)
    }

    mutating func pasteIntoAssetPicker(_ text: String, _ picker: AssetPicker) {
        var picker = picker
        picker.input.insert(text)
        picker.cursor = 0
        modal = .assetPicker(picker)
    }

    func renderAssetPicker(_ picker: AssetPicker, into buffer: inout Buffer) -> (x: Int, y: Int) {
        let area = chrome.body
        let panel = area.centred(width: min(90, area.width - 2), height: max(8, area.height - 1))
        let who = clients[picker.clientID].map(label) ?? "client"
        buffer.drawBox(panel, title: "Connect \(who) to… (type to search, ↑/↓, Enter)")
        let inner = panel.inset(by: 1)
        let x = buffer.write("Search: ", x: inner.x + 1, y: inner.y, style: Style(.heading))
        let visible = picker.input.visible(width: max(1, inner.width - x - 2))
        buffer.write(visible.text, x: inner.x + 1 + x, y: inner.y, style: Style(.inputField))
        let choices = pickerChoices(picker)
        let listArea = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 3)
        if choices.isEmpty {
            buffer.write("No asset in use matches.", x: inner.x + 1, y: listArea.y, style: Style(.muted))
        }
        let top = max(0, picker.cursor - listArea.height + 1)
        for (offset, asset) in choices.enumerated().dropFirst(top).prefix(listArea.height).map({ $0 }) {
            let y = listArea.y + offset - top
            let capacity = Self.shortCapacity(asset.capacity)
            let mark = asset.capacity.warnsBeforeConnecting ? "⚠ " : ""
            let capacityText = TextWidth.fit(mark + capacity, to: 14)
            let stale = asset.isStale(today: today) ? "  (not checked lately)" : ""
            let name = asset.name + (asset.organisation.isEmpty ? "" : " · " + asset.organisation) + stale
            let style = offset == picker.cursor ? Style(.selected, [.bold]) : .normal
            buffer.write(capacityText, x: inner.x + 1, y: y, style: asset.capacity.warnsBeforeConnecting && offset != picker.cursor ? Style(.warning) : style)
            buffer.write(name, x: inner.x + 16, y: y, maxWidth: inner.width - 17, style: style)
            if offset == picker.cursor { buffer.restyle(Rect(x: inner.x, y: y, width: inner.width, height: 1)) { Style(.selected, $0.attributes.union(.bold)) } }
        }
        buffer.write("Esc cancels · full or closed assets ask first", x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, style: Style(.muted))
        return (inner.x + 1 + x + visible.cursorColumn, inner.y)
    }

    mutating func openConnectionForm(_ client: Client, asset: Asset, stepID: UUID?) {
        let draft = ConnectionDraft(state: .suggested, date: today, stepID: stepID)
        stack.append(.work(WorkForm(kind: .connection(clientID: client.id, connectionID: nil, assetID: asset.id),
                                    title: "Connect \(label(client)) to \(asset.name)",
                                    fields: AssetFormFields.connectionFields(draft, client: client, history: []))))
    }

    /// The next change to a connection: its current state, today's date, an empty note. Its history
    /// shows under the state; for a discharged client or in a read-only window it opens to read only.
    mutating func openConnectionForm(_ client: Client, editing connection: Connection) {
        let draft = ConnectionDraft(state: connection.state, date: max(today, connection.latest.date), stepID: connection.stepID)
        var form = WorkForm(kind: .connection(clientID: client.id, connectionID: connection.id, assetID: connection.assetID),
                            title: "\(label(client)) at \(assets[connection.assetID]?.name ?? connection.assetName): what happened next",
                            fields: AssetFormFields.connectionFields(draft, client: client, history: connection.history))
        if isReadOnly || client.status == .discharged {
            form.isReadOnly = true
            form.title = "\(label(client)) at \(assets[connection.assetID]?.name ?? connection.assetName) (read only)"
            message = Message(isReadOnly ? "Read only in this window" : "\(label(client)) is discharged: reopen (r) to record more")
        }
        stack.append(.work(form))
    }
}
