import Foundation
import CaseloadKit
import TerminalUI

/// Saved assets and finished imports coming back from the shell, and the import path prompt.
extension AppState {
    /// Replaces or adds assets, keeping their search keys and the directory's rows in step.
    mutating func storeAssets(_ changed: [Asset]) {
        for asset in changed {
            assets[asset.id] = asset
            assetSearchKeys[asset.id] = AssetSearchKey(asset)
        }
        refreshDirectoryRows()
    }

    mutating func assetSaved(_ asset: Asset) -> [Effect] {
        let previous = assets[asset.id]
        storeAssets([asset])
        var effects: [Effect] = []
        if case .work(let form) = stack.last, case .asset(let id, let isNew) = form.kind, id == asset.id {
            stack.removeLast()
            if let file = form.recoveryFile { effects.append(.removeRecovery(file)) }
            message = Message(isNew ? "Added “\(asset.name)” to the directory" : "Saved “\(asset.name)”")
            if isNew {
                if !directory.rows.contains(asset.id) {
                    directory.query = DirectoryQuery(sort: directory.query.sort)
                    refreshDirectoryRows()
                }
                directory.selectedID = asset.id
                stack.append(.asset(AssetViewState(id: asset.id)))
            }
        } else if previous?.isRetired != asset.isRetired {
            message = Message(asset.isRetired ? "Retired “\(asset.name)”: press R to show retired assets" : "“\(asset.name)” is back in the directory")
        } else {
            message = Message(savedMessage ?? "Saved “\(asset.name)”")
        }
        savedMessage = nil
        return effects
    }

    mutating func importFinished(_ report: AssetImportReport) {
        storeAssets(report.saved)
        let text = report.saveFailure == nil ? "Import: \(report.totals)" : "Import not saved in full: see the report"
        message = report.hasProblems ? Message(error: text) : Message(text)
        modal = .report(title: "Open Referral import", lines: report.lines, scroll: 0)
    }

    mutating func updateImportPath(_ key: Key, _ input: TextInput) -> [Effect] {
        var input = input
        switch key {
        case .escape:
            modal = nil
        case .enter:
            let path = input.text.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty else {
                message = Message(error: "Type the path of a .json file or a folder of .csv files, or Esc")
                return []
            }
            modal = nil
            message = Message("Importing \(path)…")
            return [.importAssets([path])]
        default:
            _ = input.handle(key)
            modal = .importPath(input)
        }
        return []
    }

    func renderImportPath(_ input: TextInput, into buffer: inout Buffer) -> (x: Int, y: Int) {
        let panel = chrome.body.centred(width: min(90, chrome.body.width - 2), height: 7)
        buffer.drawBox(panel, title: "Import an Open Referral UK directory")
        let inner = panel.inset(by: 1)
        buffer.write("A JSON file (one service, a list, or a paged feed) or a folder of CSV tables.",
                     x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, style: Style(.muted))
        let x = buffer.write("Path: ", x: inner.x + 1, y: inner.y + 2, style: Style(.heading))
        let visible = input.visible(width: max(1, inner.width - x - 2))
        buffer.write(visible.text, x: inner.x + 1 + x, y: inner.y + 2, style: Style(.inputField))
        buffer.write("Enter imports · Esc cancels · importing again updates, never duplicates",
                     x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, style: Style(.muted))
        return (inner.x + 1 + x + visible.cursorColumn, inner.y + 2)
    }
}
