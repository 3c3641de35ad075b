/// A key binding as data: the keys, what they do, and how help names it. Help screens and the
/// hint bar are generated from these, so they can never disagree with what the keys really do.
public struct KeyBinding<Action: Sendable>: Sendable {
    public var keys: [Key]
    public var action: Action
    public var help: String
    /// Short text for the hint bar; nil keeps the binding out of the bar (still listed in help).
    public var hint: String?

    public init(_ keys: [Key], _ action: Action, help: String, hint: String? = nil) {
        self.keys = keys
        self.action = action
        self.help = help
        self.hint = hint
    }

    /// How help names the keys: `↑/k`.
    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}

extension KeyBinding {
    /// The keys every list moves with: arrows and j/k, PgUp/PgDn, Home/g and End/G. `item` names
    /// what the list holds in help ("First client").
    public static func listNavigation(up: Action, down: Action, pageUp: Action, pageDown: Action,
                                      top: Action, bottom: Action, item: String) -> [KeyBinding] {
        [
            KeyBinding([.up, .character("k")], up, help: "Move up"),
            KeyBinding([.down, .character("j")], down, help: "Move down"),
            KeyBinding([.pageUp], pageUp, help: "Page up"),
            KeyBinding([.pageDown], pageDown, help: "Page down"),
            KeyBinding([.home, .character("g")], top, help: "First \(item)"),
            KeyBinding([.end, .character("G")], bottom, help: "Last \(item)"),
        ]
    }
}

public struct KeyMap<Action: Sendable>: Sendable {
    public var bindings: [KeyBinding<Action>]

    public init(_ bindings: [KeyBinding<Action>]) {
        self.bindings = bindings
    }

    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    public var hints: [HintItem] {
        bindings.compactMap { binding in
            binding.hint.map { HintItem(key: binding.keys[0].label, text: $0) }
        }
    }

    public var helpLines: [HelpLine] {
        bindings.map { HelpLine(keys: $0.keyLabel, text: $0.help) }
    }
}

public struct HintItem: Hashable, Sendable {
    public var key: String
    public var text: String
    public init(key: String, text: String) {
        self.key = key
        self.text = text
    }
}

public struct HelpLine: Hashable, Sendable {
    public var keys: String
    public var text: String
    public init(keys: String, text: String) {
        self.keys = keys
        self.text = text
    }
}
