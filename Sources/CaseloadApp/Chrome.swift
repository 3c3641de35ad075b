import CaseloadKit
import TerminalUI

/// The parts of the screen every view shares: a title row, an optional read-only banner, the body,
/// the message line and the hint bar.
struct Chrome {
    var title: Rect
    var banner: Rect?
    var body: Rect
    var message: Rect
    var hints: Rect

    init(size: Size, hasBanner: Bool) {
        let all = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let (title, afterTitle) = all.splitTop(1)
        var rest = afterTitle
        if hasBanner {
            let (banner, afterBanner) = rest.splitTop(1)
            self.banner = banner
            rest = afterBanner
        } else {
            self.banner = nil
        }
        let (bodyAndMessage, hints) = rest.splitBottom(1)
        let (body, message) = bodyAndMessage.splitBottom(1)
        self.title = title
        self.body = body
        self.message = message
        self.hints = hints
    }
}

extension AppState {
    var chrome: Chrome { Chrome(size: size, hasBanner: readOnlyReason != nil) }

    /// A client as headings name them: `Zoë Ærø (C-0042)`.
    func label(_ client: Client) -> String {
        "\(client.name) (\(client.reference))"
    }

    /// The read-only reason as a sentence start: "Read-only: open in another window (pid 7)".
    var readOnlySentence: String? {
        readOnlyReason.map { $0.prefix(1).uppercased() + $0.dropFirst() }
    }
}

extension Buffer {
    mutating func drawChrome(_ chrome: Chrome, title: String, state: AppState, hints: [HintItem]) {
        fill(chrome.title, style: Style(.heading, [.reverse]))
        write(" " + title, x: 0, y: chrome.title.y, style: Style(.heading, [.reverse]))
        if let banner = chrome.banner, let reason = state.readOnlySentence {
            fill(banner, style: Style(.banner))
            write(" \(reason). Nothing can be changed in this window.", x: 0, y: banner.y, style: Style(.banner))
        }
        if let message = state.message {
            let style = message.kind == .error ? Style(.error) : Style(.message)
            write(" " + message.text + " ", x: 0, y: chrome.message.y, style: style)
        }
        drawHintBar(hints, in: chrome.hints)
    }
}
