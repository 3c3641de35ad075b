import CaseloadKit
import TerminalUI

/// A checklist of need categories over the form: Space ticks, Enter keeps the choice, Esc drops it.
public struct NeedsPicker: Sendable {
    public var chosen: Set<NeedCategory>
    /// The form field the choice goes back to: referral needs, or a conversation's concern areas.
    public var fieldKey: String
    public var cursor = 0
}

extension AppState {
    mutating func updateNeedsPicker(_ key: Key, _ picker: NeedsPicker) {
        var picker = picker
        let all = NeedCategory.allCases
        switch key {
        case .up, .character("k"): picker.cursor = (picker.cursor - 1 + all.count) % all.count
        case .down, .character("j"), .tab: picker.cursor = (picker.cursor + 1) % all.count
        case .character(" "), .character("x"):
            let need = all[picker.cursor]
            if picker.chosen.contains(need) { picker.chosen.remove(need) } else { picker.chosen.insert(need) }
        case .enter:
            modal = nil
            let chosen = NeedCategory.allCases.filter(picker.chosen.contains)
            if case .work(var form) = stack.last {
                form.update(picker.fieldKey) { $0.value = .areas(chosen) }
                stack[stack.count - 1] = .work(form)
                rebuildWorkFormFields()
            }
            return
        case .escape:
            modal = nil
            return
        default: break
        }
        modal = .needsPicker(picker)
    }

    func renderNeedsPicker(_ picker: NeedsPicker, into buffer: inout Buffer) {
        let all = NeedCategory.allCases
        let panel = chrome.body.centred(width: 50, height: all.count + 3)
        let title = switch picker.fieldKey {
        case DraftField.needs.rawValue: "Needs"
        case AssetField.categories.rawValue: "Categories"
        default: "Concern areas"
        }
        buffer.drawBox(panel, title: title + " (Space ticks, Enter done)")
        let inner = panel.inset(by: 1)
        let top = max(0, picker.cursor - inner.height + 2)
        for (offset, need) in all.enumerated().dropFirst(top).prefix(inner.height - 1).map({ $0 }) {
            let y = inner.y + offset - top
            let box = picker.chosen.contains(need) ? "[x] " : "[ ] "
            let style = offset == picker.cursor ? Style(.selected) : .normal
            buffer.write(box + need.label, x: inner.x + 1, y: y, maxWidth: inner.width - 2, style: style)
        }
        buffer.write("Esc cancels", x: inner.x + 1, y: inner.maxY - 1, style: Style(.muted))
    }
}
