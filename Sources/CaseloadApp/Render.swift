import CaseloadKit
import TerminalUI

extension AppState {
    /// Draws the whole screen. Returns the buffer and where the text cursor goes (nil hides it).
    public func render() -> (buffer: Buffer, cursor: (x: Int, y: Int)?) {
        var buffer = Buffer(size: size)
        if isTooSmall {
            renderTooSmall(into: &buffer)
            return (buffer, nil)
        }
        var cursor: (x: Int, y: Int)?
        switch stack.last {
        case nil where home == .agenda: renderAgenda(into: &buffer)
        case nil where home == .directory: cursor = renderDirectory(into: &buffer)
        case nil: cursor = renderList(into: &buffer)
        case .client(let view): renderClientView(view, into: &buffer)
        case .asset(let view): renderAssetView(view, into: &buffer)
        case .report(let view): renderReportView(view, into: &buffer)
        case .work(let form):
            buffer.drawChrome(chrome, title: form.title, state: self, hints: WorkFormScreen.hints)
            cursor = form.render(into: &buffer, area: chrome.body, problems: workFormProblems(form))
        }
        switch modal {
        case nil: break
        case .help(let scroll):
            let lines = currentKeyMapHelp + [
                HelpLine(keys: "Ctrl-C", text: "Quit (asks first if there are unsaved changes)"),
                HelpLine(keys: "", text: "Caseload folder: \(dataFolder)"),
            ]
            buffer.drawHelp(title: "Help: \(currentScreenName)", lines: lines, footer: "↑/↓ scroll · any other key closes",
                            in: chrome.body, scroll: scroll)
            cursor = nil
        case .loadProblems(let scroll):
            // The reason is the useful part, so it gets a line of its own under the file name.
            let width = max(20, min(chrome.body.width - 10, 90))
            let lines = loadProblems.flatMap { problem in
                [HelpLine(keys: "✗", text: problem.fileName)]
                    + TextWidth.wrap(problem.reason, width: width).map { HelpLine(keys: "", text: "  " + $0) }
            }
            buffer.drawHelp(title: "Files that could not be read or used (left untouched)", lines: lines,
                            footer: loadProblemsFooter,
                            in: chrome.body, scroll: scroll)
            cursor = nil
        case .confirm(let confirmation):
            renderConfirmation(confirmation, into: &buffer)
            cursor = nil
        case .discharge(let dialog):
            cursor = renderDischarge(dialog, into: &buffer)
        case .needsPicker(let picker):
            renderNeedsPicker(picker, into: &buffer)
            cursor = nil
        case .statusPicker(let picker):
            renderStatusPicker(picker, into: &buffer)
            cursor = nil
        case .recovery(let recovered, let more):
            renderRecovery(recovered, more: more, into: &buffer)
            cursor = nil
        case .assetPicker(let picker):
            cursor = renderAssetPicker(picker, into: &buffer)
        case .importPath(let input):
            cursor = renderImportPath(input, into: &buffer)
        case .exportMenu(let menu):
            renderExportMenu(menu, into: &buffer)
            cursor = nil
        case .themePicker(let picker):
            renderThemePicker(picker, into: &buffer)
            cursor = nil
        case .report(let title, let lines, let scroll):
            let width = max(20, min(chrome.body.width - 10, 100))
            let wrapped = lines.flatMap { line in
                TextWidth.wrap(line, width: width).enumerated().map { HelpLine(keys: "", text: ($0.offset == 0 ? "" : "    ") + $0.element) }
            }
            buffer.drawHelp(title: title, lines: wrapped, footer: "↑/↓ scroll · any other key closes", in: chrome.body, scroll: scroll)
            cursor = nil
        }
        return (buffer, cursor)
    }

    private var currentScreenName: String {
        switch stack.last {
        case nil where home == .agenda: "agenda"
        case nil where home == .directory: "community assets"
        case nil: "caseload list"
        case .client: "client"
        case .asset: "asset"
        case .report: "caseload report"
        case .work: "form"
        }
    }

    private var currentKeyMapHelp: [HelpLine] {
        switch stack.last {
        case nil where home == .agenda: AgendaScreen.keys.helpLines
        case nil where home == .directory: DirectoryScreen.keys.helpLines + DirectoryScreen.legend
        case nil: ListScreen.keys.helpLines + ListScreen.legend
        case .client: ClientScreen.keys.helpLines
        case .asset: AssetScreen.keys.helpLines
        case .report: ReportScreen.keys.helpLines
        case .work: WorkFormScreen.help
        }
    }

    private func renderTooSmall(into buffer: inout Buffer) {
        let need = AppState.minimumSize
        let lines = [
            "Terminal too small (need \(need.width)x\(need.height))",
            "now \(size.width)x\(size.height): please enlarge the window",
            "Nothing is lost. Ctrl-C quits.",
        ]
        let top = max(0, size.height / 2 - 1)
        for (offset, line) in lines.enumerated() {
            let x = max(0, (size.width - TextWidth.of(line)) / 2)
            buffer.write(line, x: x, y: top + offset, style: offset == 0 ? Style(.warning) : .normal)
        }
    }
}
