/// Small drawing helpers shared by every screen.
extension Buffer {
    /// The bottom bar of keys that work now: ` Enter Open  / Search ...`. Items that do not fit are
    /// dropped whole rather than cut, from the end but sparing the first item, the last item and
    /// `?` (help), so the main action, the way out and help always show.
    public mutating func drawHintBar(_ items: [HintItem], in rect: Rect) {
        fill(rect, style: Style(.hintText))
        var x = rect.x
        var remaining = items
        let widthOf = { (item: HintItem) in TextWidth.of(item.key) + TextWidth.of(item.text) + 3 }
        while remaining.reduce(0, { $0 + widthOf($1) }) > rect.width, remaining.count > 1 {
            let spared = { (index: Int) in index == 0 || index == remaining.count - 1 || remaining[index].key == "?" }
            let removable = remaining.indices.last { !spared($0) } ?? remaining.count - 1
            remaining.remove(at: removable)
        }
        for item in remaining {
            x += write(" " + item.key + " ", x: x, y: rect.y, maxWidth: rect.maxX - x, style: Style(.hintKey))
            x += write(item.text + " ", x: x, y: rect.y, maxWidth: rect.maxX - x, style: Style(.hintText))
        }
    }

    /// A single-line border with an optional title in the top edge; the inside is cleared.
    public mutating func drawBox(_ rect: Rect, title: String? = nil, style: Style = Style(.border)) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        fill(rect)
        let horizontal = String(repeating: "─", count: rect.width - 2)
        write("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            write("│", x: rect.x, y: y, style: style)
            write("│", x: rect.maxX - 1, y: y, style: style)
        }
        write("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: style)
        if let title, rect.width > 6 {
            write(" " + title + " ", x: rect.x + 2, y: rect.y, maxWidth: rect.width - 4, style: Style(.heading))
        }
    }

    /// Writes `label` then `value` on one row, the label in a column of `labelWidth`.
    @discardableResult
    public mutating func writeField(_ label: String, _ value: String, x: Int, y: Int, labelWidth: Int, width: Int,
                                    valueStyle: Style = .normal) -> Int {
        write(TextWidth.fit(label, to: labelWidth), x: x, y: y, style: Style(.muted))
        return write(value, x: x + labelWidth + 1, y: y, maxWidth: max(0, width - labelWidth - 1), style: valueStyle)
    }

    /// A centred panel listing key bindings, generated from a key map's help lines.
    public mutating func drawHelp(title: String, lines: [HelpLine], footer: String, in area: Rect, scroll: Int = 0) {
        let keyWidth = min(18, (lines.map { TextWidth.of($0.keys) }.max() ?? 0))
        let textWidth = lines.map { TextWidth.of($0.text) }.max() ?? 0
        let width = max(keyWidth + textWidth + 7, TextWidth.of(footer) + 14)
        let panel = area.centred(width: width, height: lines.count + 4)
        drawBox(panel, title: title)
        let inner = panel.inset(by: 1)
        let visibleRows = max(0, inner.height - 1)
        for (row, line) in lines.dropFirst(scroll).prefix(visibleRows).enumerated() {
            write(TextWidth.fit(line.keys, to: keyWidth), x: inner.x + 1, y: inner.y + row, style: Style(.hintKey))
            write(line.text, x: inner.x + keyWidth + 3, y: inner.y + row, maxWidth: inner.width - keyWidth - 3)
        }
        let hidden = lines.count - scroll - visibleRows
        let position = hidden > 0 ? "↓ \(hidden) more · " : ""
        write(position + footer, x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 1, style: Style(.muted))
    }
}
