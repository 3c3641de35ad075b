import Foundation
import TerminalUI

/// WCAG 2 contrast between a role's text and its background, where the colours are known.
public enum ThemeContrast {
    /// WCAG 2 AA minimum for ordinary text.
    public static let minimumTextRatio = 4.5
    /// Lines and bars rather than text to read, so they need no text contrast.
    public static let decorativeRoles: Set<Role> = [.border, .chartBar]

    /// The WCAG 2 contrast ratio (1 to 21) of two colours; nil when either depends on the terminal.
    public static func contrastRatio(_ a: Color, _ b: Color) -> Double? {
        guard let lighter = luminance(a), let darker = luminance(b) else { return nil }
        return (max(lighter, darker) + 0.05) / (min(lighter, darker) + 0.05)
    }

    /// The contrast of a style as drawn; reverse swaps the colours, which leaves the ratio the same.
    public static func contrastRatio(of style: RoleStyle) -> Double? {
        contrastRatio(style.foreground, style.background)
    }

    /// Warnings for text roles whose known colours fall below the minimum.
    static func warnings(for theme: Theme, file: String) -> [ThemeProblem] {
        Role.allCases.filter { !decorativeRoles.contains($0) }.compactMap { role in
            let style = theme.style(for: role)
            guard let ratio = contrastRatio(of: style), ratio < minimumTextRatio else { return nil }
            let shown = String(format: "%.1f", floor(ratio * 10) / 10)
            return ThemeProblem(file: file, key: "styles.\(role.themeKey)", problem:
                "text may be hard to read: contrast between \(written(style.foreground)) and \(written(style.background)) "
                + "is \(shown):1; aim for at least 4.5:1")
        }
    }

    /// Red, green and blue 0-255, for colours that look the same on every terminal: `#rrggbb` and
    /// the xterm cube and greys (16-255). The first 16 and the default are the terminal's choice.
    static func rgb(_ colour: Color) -> (red: Int, green: Int, blue: Int)? {
        switch colour {
        case .rgb(let red, let green, let blue):
            return (Int(red), Int(green), Int(blue))
        case .indexed(let index) where index >= 232:
            let grey = 8 + 10 * (Int(index) - 232)
            return (grey, grey, grey)
        case .indexed(let index) where index >= 16:
            let levels = [0, 95, 135, 175, 215, 255]
            let cube = Int(index) - 16
            return (levels[cube / 36], levels[cube / 6 % 6], levels[cube % 6])
        default:
            return nil
        }
    }

    /// WCAG 2 relative luminance.
    private static func luminance(_ colour: Color) -> Double? {
        guard let (red, green, blue) = rgb(colour) else { return nil }
        func linear(_ channel: Int) -> Double {
            let value = Double(channel) / 255
            return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    private static func written(_ colour: Color) -> String {
        switch colour {
        case .rgb(let red, let green, let blue):
            return "#" + [red, green, blue].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        case .indexed(let index), .ansi(let index):
            return "colour \(index)"
        case .terminalDefault:
            return "default"
        }
    }
}
