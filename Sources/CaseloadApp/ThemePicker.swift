import Foundation
import CaseloadKit
import TerminalUI

/// A colour theme the picker offers.
public struct ThemeOption: Hashable, Sendable {
    public var name: String
    public var description: String
    /// Where it comes from, as shown: "shipped", "yours", "built in".
    public var origin: String
    /// Nil when the theme cannot be used; `problem` then says why.
    public var theme: Theme?
    public var problem: String?
    /// What the settings keep to choose it again: its name, or the path of a file given by path.
    public var setting: String

    public init(name: String, description: String, origin: String, theme: Theme?, problem: String? = nil, setting: String? = nil) {
        self.name = name
        self.setting = setting ?? name
        self.description = description
        self.origin = origin
        self.theme = theme
        self.problem = problem
    }
}

/// The themes on offer and the one the screen is drawn with.
public struct ThemeChoices: Sendable {
    public var options: [ThemeOption]
    /// Drawn with now; the app loop hands it to the terminal whenever it changes.
    public var current: Theme
    /// The `setting` of the option drawn with now, so the picker opens on it.
    public var currentSetting: String
    /// Said in the picker when the start theme is not simply the saved one (NO_COLOR, a terminal
    /// without colour).
    public var note: String?
    /// What chooses the theme at the next start over a saved choice ("NO_COLOR", "CASELOAD_THEME").
    public var startOverride: String?

    public init(options: [ThemeOption] = [], current: Theme = .builtInDefault, currentSetting: String? = nil,
                note: String? = nil, startOverride: String? = nil) {
        self.options = options
        self.current = current
        self.currentSetting = currentSetting ?? current.name
        self.note = note
        self.startOverride = startOverride
    }
}

/// Choosing a colour theme: every move previews it on the whole screen; Enter keeps and saves
/// it, Esc puts back the one in use before.
public struct ThemePicker: Sendable {
    var selection: Int
    let original: Theme
    let originalSetting: String

    init(selection: Int, original: Theme, originalSetting: String) {
        self.selection = selection
        self.original = original
        self.originalSetting = originalSetting
    }
}

extension AppState {
    mutating func openThemePicker() {
        guard !themes.options.isEmpty else {
            message = Message(error: "No themes to choose from")
            return
        }
        let current = themes.options.firstIndex { $0.setting == themes.currentSetting } ?? 0
        modal = .themePicker(ThemePicker(selection: current, original: themes.current, originalSetting: themes.currentSetting))
    }

    mutating func updateThemePicker(_ key: Key, _ picker: ThemePicker) -> [Effect] {
        var picker = picker
        let options = themes.options
        switch key {
        case .up, .character("k"): picker.selection = max(0, picker.selection - 1)
        case .down, .character("j"): picker.selection = min(options.count - 1, picker.selection + 1)
        case .home: picker.selection = 0
        case .end: picker.selection = options.count - 1
        case .escape:
            modal = nil
            themes.current = picker.original
            message = Message("Theme not changed")
            return []
        case .enter:
            return keepTheme(options[picker.selection], picker: picker)
        default:
            break
        }
        if let theme = options[picker.selection].theme { themes.current = theme }
        modal = .themePicker(picker)
        return []
    }

    private mutating func keepTheme(_ option: ThemeOption, picker: ThemePicker) -> [Effect] {
        guard let theme = option.theme else {
            message = Message(error: "“\(option.name)” cannot be used: \(option.problem ?? "it has problems")")
            modal = .themePicker(picker)
            return []
        }
        modal = nil
        themes.current = theme
        guard option.setting != picker.originalSetting else {
            message = Message("Theme not changed")
            return []
        }
        themes.currentSetting = option.setting
        if isReadOnly {
            message = Message("Theme “\(option.name)” for this window only: the caseload folder is read-only, so it is not saved")
            return []
        }
        if settingsUnreadable {
            // Saving would write over the details in a file that could not be read.
            message = Message(error: "Theme “\(option.name)” for this window only: settings.json could not be read (press !)")
            return []
        }
        var saving = settings
        saving.theme = option.setting
        guard saving != settings else {
            message = Message("Theme “\(option.name)” kept")
            return []
        }
        savedMessage = themes.startOverride.map { "Theme “\(option.name)” saved, but \($0) still decides at the next start" }
            ?? "Theme “\(option.name)” saved: Caseload starts with it from now on"
        return [.saveSettings(saving)]
    }

    func renderThemePicker(_ picker: ThemePicker, into buffer: inout Buffer) {
        let options = themes.options
        let width = min(chrome.body.width - 4, 76)
        let noteLines = themes.note.map { TextWidth.wrap($0, width: width - 4) } ?? []
        // Below the list: the chosen theme's origin or problem, a sample of every role, the note, the keys.
        let fixedRows = 5 + noteLines.count
        let listRows = max(1, min(options.count, chrome.body.height - 2 - fixedRows))
        let panel = chrome.body.centred(width: width, height: listRows + fixedRows + 2)
        buffer.drawBox(panel, title: "Colour theme")
        let inner = panel.inset(by: 1)
        let top = RowWindow.scrollTop(0, showing: picker.selection, count: options.count, page: listRows)
        let nameWidth = min(max(10, (inner.width - 4) / 2), (options.map { TextWidth.of($0.name) }.max() ?? 0) + 2)
        for row in 0..<min(listRows, options.count - top) {
            let option = options[top + row]
            let chosen = top + row == picker.selection
            let mark = option.theme == nil ? "✗ " : (chosen ? "▶ " : "  ")
            let description = option.theme == nil ? "cannot be used" : option.description
            let name = TextWidth.fit(option.name, to: nameWidth - 1) + " "
            let line = TextWidth.fit(mark + name + description, to: inner.width - 2)
            buffer.write(line, x: inner.x + 1, y: inner.y + row,
                         maxWidth: inner.width - 2, style: chosen ? Style(.focusedField) : .normal)
        }
        var y = inner.y + listRows + 1
        let chosen = options[picker.selection]
        if let problem = chosen.problem {
            buffer.write("Cannot be used: " + problem, x: inner.x + 1, y: y, maxWidth: inner.width - 2, style: Style(.error))
        } else {
            buffer.write("\(chosen.name) · \(chosen.origin)", x: inner.x + 1, y: y, maxWidth: inner.width - 2, style: Style(.muted))
        }
        y += 1
        renderRoleSample(into: &buffer, x: inner.x + 1, y: y, width: inner.width - 2)
        y += 1
        for line in noteLines {
            buffer.write(line, x: inner.x + 1, y: y, maxWidth: inner.width - 2, style: Style(.muted))
            y += 1
        }
        buffer.write("↑/↓ preview · Enter keep · Esc put back", x: inner.x + 1, y: inner.maxY - 1,
                     maxWidth: inner.width - 2, style: Style(.muted))
    }

    /// One word in each role that matters, so a theme can be judged without hunting for a risk flag.
    private func renderRoleSample(into buffer: inout Buffer, x: Int, y: Int, width: Int) {
        let samples: [(String, Role)] = [
            ("Selected", .selected), ("Field", .focusedField), ("⚠ Overdue", .warning), ("! Risk", .risk),
            ("Error", .error), ("Done", .success), ("Match", .searchMatch), ("Heading", .heading), ("Muted", .muted),
        ]
        var column = x
        for (text, role) in samples {
            let used = buffer.write(" \(text) ", x: column, y: y, maxWidth: max(0, x + width - column), style: Style(role))
            column += used + 1
            if column >= x + width { break }
        }
    }
}
