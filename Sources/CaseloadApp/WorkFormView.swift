import CaseloadKit
import TerminalUI

extension WorkForm {
    /// Rows a multi-line field takes: room to write while focused, a preview otherwise.
    static func textRows(_ editor: TextEditor, width: Int, focused: Bool) -> Int {
        let lines = editor.lines(width: width).count
        return focused ? max(4, min(10, lines + 1)) : max(1, min(3, lines))
    }

    /// Draws the form into `area` with problems under their fields. Returns the cursor position.
    func render(into buffer: inout Buffer, area: Rect, problems: [String: String]) -> (x: Int, y: Int)? {
        let labelWidth = min(28, max(14, area.width / 3))
        let valueX = area.x + labelWidth + 2
        let valueWidth = max(8, area.maxX - valueX - 1)

        // Lay every field out first, so scrolling can keep the whole focused block in view.
        struct Block {
            var field: WorkField
            var top: Int
            var valueRows: Int
            /// What is wrong, wrapped (at most two rows).
            var problem: [String]
            /// The focused field's hint, wrapped: questions are read in full before answering.
            var hint: [String]
            var height: Int { valueRows + problem.count + hint.count }
        }
        var blocks: [Block] = []
        var line = 0
        for field in fields {
            let focused = field.key == focusKey
            let rows: Int = if case .text(let editor) = field.value {
                Self.textRows(editor, width: valueWidth, focused: focused)
            } else { 1 }
            let showProblem = attemptedSave || (visited.contains(field.key) && !focused)
            let block = Block(field: field, top: line, valueRows: rows,
                              problem: showProblem ? problems[field.key].map { Array(TextWidth.wrap("✗ " + $0, width: valueWidth).prefix(2)) } ?? [] : [],
                              hint: focused ? field.hint.map { Array(TextWidth.wrap($0, width: valueWidth).prefix(6)) } ?? [] : [])
            blocks.append(block)
            line += block.height
        }
        let visibleHeight = area.height - 1
        let focusBlock = blocks.first { $0.field.key == focusKey }
        var scroll = 0
        if let focusBlock {
            scroll = max(0, focusBlock.top + focusBlock.height - visibleHeight)
            scroll = min(scroll, focusBlock.top)
        }

        // Scroll marks share the top row with the key reminder, so they never cover a field.
        let marks = (scroll > 0 ? "↑" : "") + (line - scroll > visibleHeight ? "↓" : "")
        let marksWidth = marks.isEmpty ? 0 : TextWidth.of(marks) + 6
        buffer.write("* required · Tab next field · Ctrl-E edit in your editor · Ctrl-S save · Esc cancel",
                     x: area.x + 1, y: area.y, maxWidth: area.width - 2 - marksWidth, style: Style(.muted))
        if !marks.isEmpty {
            buffer.write(marks + " more", x: area.maxX - marksWidth, y: area.y, style: Style(.heading))
        }
        var cursor: (x: Int, y: Int)?
        for block in blocks {
            let y = area.y + 1 + block.top - scroll
            guard y + block.height > area.y + 1, y < area.maxY else { continue }
            let focused = block.field.key == focusKey
            let marker = focused ? "›" : " "
            let label = marker + block.field.label + (block.field.required ? " *" : "")
            if y > area.y {
                buffer.write(TextWidth.fit(label, to: labelWidth), x: area.x + 1, y: y,
                             style: focused ? Style(.heading, [.bold]) : .normal)
            }
            let style = Style(focused ? .focusedField : .inputField)
            switch block.field.value {
            case .line(let input):
                guard y > area.y else { break }
                buffer.fill(Rect(x: valueX, y: y, width: valueWidth, height: 1), style: style)
                if focused {
                    let visible = input.visible(width: valueWidth)
                    buffer.write(visible.text, x: valueX, y: y, style: style)
                    cursor = (valueX + visible.cursorColumn, y)
                } else {
                    buffer.write(input.text, x: valueX, y: y, maxWidth: valueWidth, style: style)
                }
            case .text(let editor):
                // The rows of the field that are on screen (the top of a tall field may be scrolled off).
                let firstY = max(y, area.y + 1)
                let shown = Rect(x: valueX, y: firstY, width: valueWidth, height: min(y + block.valueRows, area.maxY) - firstY)
                if focused {
                    cursor = editor.render(into: &buffer, area: shown, style: style)
                } else {
                    buffer.fill(shown, style: style)
                    let rows = editor.lines(width: valueWidth)
                    for row in 0..<block.valueRows where y + row >= firstY && y + row < shown.maxY && row < rows.count {
                        let more = row == block.valueRows - 1 && rows.count > block.valueRows
                        buffer.write(more ? "…" : rows[row].text, x: valueX, y: y + row, maxWidth: valueWidth, style: style)
                    }
                }
            case .choice(let index, let options):
                guard y > area.y else { break }
                buffer.write("‹ " + options[index] + " ›", x: valueX, y: y, maxWidth: valueWidth, style: focused ? style : .normal)
            case .areas(let areas):
                guard y > area.y else { break }
                let text = areas.isEmpty ? "none chosen" : areas.map(\.label).joined(separator: "; ")
                buffer.write("[" + text + "]", x: valueX, y: y, maxWidth: valueWidth, style: focused ? style : .normal)
            }
            var extraY = y + block.valueRows
            for line in block.problem {
                if extraY > area.y && extraY < area.maxY {
                    buffer.write(line, x: valueX, y: extraY, maxWidth: valueWidth, style: Style(.error))
                }
                extraY += 1
            }
            for line in block.hint {
                if extraY > area.y && extraY < area.maxY {
                    buffer.write(line, x: valueX, y: extraY, maxWidth: valueWidth, style: Style(.muted))
                }
                extraY += 1
            }
        }
        return cursor
    }
}
