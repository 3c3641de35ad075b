import CaseloadKit
import TerminalUI

extension AppState {
    func renderForm(_ form: FormState, into buffer: inout Buffer) -> (x: Int, y: Int)? {
        let chrome = self.chrome
        let title = form.isNew ? "New client \(form.reference)" : "Editing \(form.original.name) (\(form.reference))"
        buffer.drawChrome(chrome, title: title, state: self, hints: FormScreen.keys.hints)
        let problems = formProblems(form)
        let labelWidth = min(26, chrome.body.width / 3)
        let valueX = labelWidth + 3
        let valueWidth = max(4, chrome.body.width - valueX - 1)

        // Lay out every field (and its problem, if shown) before scrolling so the focus stays visible.
        var rows: [(field: DraftField, problem: String?)] = []
        for field in DraftField.allCases {
            let shown = form.attemptedSave || (form.visited.contains(field) && field != form.focus)
            rows.append((field, shown ? problems[field] : nil))
        }
        var lineOfField: [DraftField: Int] = [:]
        var line = 0
        for row in rows {
            lineOfField[row.field] = line
            line += row.problem == nil ? 1 : 2
        }
        let height = chrome.body.height - 1
        let focusLine = lineOfField[form.focus]!
        let focusBottom = focusLine + (rows.first { $0.field == form.focus }?.problem == nil ? 0 : 1)
        let scroll = max(0, min(focusLine, max(focusBottom - height + 1, 0)))

        buffer.write("* required · Tab/↓ next field · ←/→ change a choice · Ctrl-S save", x: 1, y: chrome.body.y,
                     maxWidth: chrome.body.width - 2, style: Style(.muted))
        var cursor: (x: Int, y: Int)?
        for row in rows {
            let y = chrome.body.y + 1 + lineOfField[row.field]! - scroll
            let focused = row.field == form.focus
            guard y > chrome.body.y, y < chrome.body.maxY else { continue }
            let marker = focused ? "›" : " "
            let label = marker + row.field.label + (row.field.isRequired ? " *" : "")
            buffer.write(TextWidth.fit(label, to: labelWidth + 1), x: 1, y: y,
                         style: focused ? Style(.heading, [.bold]) : Style(.normal))
            let fieldStyle = Style(focused ? .focusedField : .inputField)
            switch FormState.kind(of: row.field) {
            case .text:
                buffer.fill(Rect(x: valueX, y: y, width: valueWidth, height: 1), style: fieldStyle)
                if focused {
                    let visible = form.input.visible(width: valueWidth)
                    buffer.write(visible.text, x: valueX, y: y, style: fieldStyle)
                    cursor = (valueX + visible.cursorColumn, y)
                } else {
                    buffer.write(form.text(of: row.field), x: valueX, y: y, maxWidth: valueWidth, style: fieldStyle)
                }
            case .choice, .toggle:
                buffer.write("‹ " + form.display(of: row.field) + " ›", x: valueX, y: y, maxWidth: valueWidth,
                             style: focused ? fieldStyle : .normal)
            case .multiChoice:
                buffer.write("[" + form.display(of: row.field) + "]", x: valueX, y: y, maxWidth: valueWidth,
                             style: focused ? fieldStyle : .normal)
            }
            if let problem = row.problem, y + 1 < chrome.body.maxY {
                buffer.write("✗ " + problem, x: valueX, y: y + 1, maxWidth: valueWidth, style: Style(.error))
            }
        }
        if scroll > 0 { buffer.write("↑ more", x: chrome.body.maxX - 7, y: chrome.body.y, style: Style(.muted)) }
        if line - scroll > height { buffer.write("↓ more", x: chrome.body.maxX - 7, y: chrome.body.maxY - 1, style: Style(.muted)) }
        return cursor
    }
}
