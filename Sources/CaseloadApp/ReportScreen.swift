import Foundation
import CaseloadKit
import CaseloadReports
import TerminalUI

/// The caseload report on screen: a month at a time (last month first), for all practices or one,
/// with each count drawn as a horizontal bar. The report is worked out when the period or practice
/// changes, not on every frame.
public struct ReportViewState: Sendable {
    var report: CaseloadReport
    /// The first line shown.
    var scroll = 0
}

enum ReportAction: Sendable {
    case back, previousMonth, nextMonth, cyclePractice, write, up, down, pageUp, pageDown, top, bottom, help
}

enum ReportScreen {
    static let keys = KeyMap<ReportAction>([
        KeyBinding([.escape, .character("q")], .back, help: "Back", hint: "Back"),
        KeyBinding([.left, .character("[")], .previousMonth, help: "Previous month", hint: "Earlier"),
        KeyBinding([.right, .character("]")], .nextMonth, help: "Next month", hint: "Later"),
        KeyBinding([.character("p")], .cyclePractice, help: "One practice at a time, then all (cycles)", hint: "Practice"),
        KeyBinding([.character("w")], .write, help: "Write the report to exports/: Markdown, text, CSV or JSON", hint: "Write"),
        KeyBinding([.character("?"), .function(1)], .help, help: "Show this help", hint: "Help"),
    ] + KeyBinding.listNavigation(up: .up, down: .down, pageUp: .pageUp, pageDown: .pageDown,
                                  top: .top, bottom: .bottom, item: "line"))
}

/// A line of the report screen.
enum ReportLine: Equatable {
    case heading(String)
    case fact(String, String)
    /// A bar scaled against the largest count of its chart.
    case bar(label: String, count: Int, largest: Int, labelWidth: Int)
    case note(String)
    case blank
}

extension AppState {
    mutating func openReport() {
        let period = ReportPeriod.lastCalendarMonth(before: today)
        stack.append(.report(ReportViewState(report: makeReport(period, practice: list.practiceFilter))))
    }

    private func makeReport(_ period: ReportPeriod, practice: String?) -> CaseloadReport {
        CaseloadReport(clients: Array(clients.values), assets: assets, period: period, practice: practice, timeZone: timeZone)
    }

    mutating func updateReportView(_ key: Key, _ view: ReportViewState) -> [Effect] {
        guard let action = ReportScreen.keys.action(for: key) else { return [] }
        var view = view
        let page = max(1, chrome.body.height - 3)
        let lastScroll = max(0, reportLines(view.report, width: chrome.body.width).count - page)
        switch action {
        case .back:
            stack.removeLast()
            return []
        case .previousMonth, .nextMonth:
            let period = view.report.period.shifted(months: action == .nextMonth ? 1 : -1)
            guard period.from <= today else {
                message = Message("No later month: this report runs to \(DateStyle.screen(view.report.period.to))")
                return []
            }
            view = ReportViewState(report: makeReport(period, practice: view.report.practice))
        case .cyclePractice:
            let practice = cycled(view.report.practice, through: practices)
            view = ReportViewState(report: makeReport(view.report.period, practice: practice))
            message = Message("Practice: \(practice ?? "all")")
        case .write:
            openReportExportMenu()
        case .help: modal = .help(scroll: 0)
        case .up: view.scroll = max(0, view.scroll - 1)
        case .down: view.scroll = min(lastScroll, view.scroll + 1)
        case .pageUp: view.scroll = max(0, view.scroll - page)
        case .pageDown: view.scroll = min(lastScroll, view.scroll + page)
        case .top: view.scroll = 0
        case .bottom: view.scroll = lastScroll
        }
        stack[stack.count - 1] = .report(view)
        return []
    }

    func reportLines(_ report: CaseloadReport, width: Int) -> [ReportLine] {
        var lines: [ReportLine] = [
            .fact("Period", report.period.text),
            .fact("Practice", report.practiceText),
            .blank,
        ]
        for section in report.sections {
            lines.append(.heading(section.title))
            lines += section.facts.map { .fact($0.label, $0.value) }
            if !section.bars.isEmpty {
                let largest = section.bars.map(\.count).max() ?? 0
                let labelWidth = min(max(12, section.bars.map { TextWidth.of($0.label) }.max() ?? 0), max(12, width / 2 - 4))
                lines += section.bars.map { .bar(label: $0.label, count: $0.count, largest: largest, labelWidth: labelWidth) }
            }
            if let note = section.note {
                lines += TextWidth.wrap(note, width: max(10, width - 4)).map(ReportLine.note)
            }
            lines.append(.blank)
        }
        lines += [CaseloadReport.barOrder, ONS4.citation, SWEMWBS.copyright]
            .flatMap { TextWidth.wrap($0, width: max(10, width - 4)) }.map(ReportLine.note)
        return lines
    }

    func renderReportView(_ view: ReportViewState, into buffer: inout Buffer) {
        let chrome = self.chrome
        let practice = view.report.practice.map { " · \($0)" } ?? ""
        buffer.drawChrome(chrome, title: "Caseload report · \(DateStyle.screen(view.report.period.from)) to "
                          + DateStyle.screen(view.report.period.to) + practice + (isDemo ? " · DEMO" : ""),
                          state: self, hints: ReportScreen.keys.hints)
        let area = chrome.body
        let lines = reportLines(view.report, width: area.width)
        let factLabels = lines.compactMap { if case .fact(let label, _) = $0 { TextWidth.of(label) } else { nil } }
        let factLabelWidth = min(factLabels.max() ?? 0, area.width / 2)
        let hasMore = lines.count > view.scroll + area.height
        let shown = area.height - (hasMore ? 1 : 0)
        for (offset, line) in lines.dropFirst(view.scroll).prefix(shown).enumerated() {
            let y = area.y + offset
            switch line {
            case .heading(let text):
                buffer.write(text, x: 1, y: y, style: Style(.heading))
            case .fact(let label, let value):
                buffer.writeField(label, value, x: 2, y: y, labelWidth: factLabelWidth + 1, width: area.width - 3)
            case .bar(let label, let count, let largest, let labelWidth):
                let countText = String(count)
                buffer.write(TextWidth.fit(label, to: labelWidth), x: 2, y: y, style: .normal)
                let countX = 2 + labelWidth + 1
                buffer.write(String(repeating: " ", count: max(0, 5 - countText.count)) + countText, x: countX, y: y)
                // Long bars are hard to compare by eye; 50 cells is plenty.
                let room = max(1, min(50, area.width - countX - 8))
                // Every non-zero count shows at least one block, so a small number never looks like none.
                let length = largest == 0 ? 0 : max(count > 0 ? 1 : 0, count * room / largest)
                buffer.write(String(repeating: "█", count: length), x: countX + 6, y: y, style: Style(.chartBar))
            case .note(let text):
                buffer.write(text, x: 2, y: y, maxWidth: area.width - 3, style: Style(.muted))
            case .blank:
                break
            }
        }
        if hasMore {
            buffer.write("↓ more (↓/PgDn)", x: 2, y: area.maxY - 1, style: Style(.muted))
        }
    }
}
