import Foundation
import TerminalUI

/// One style as a file writes it, before inheritance and palette names are resolved.
struct StyleDeclaration: Sendable {
    /// nil means "as the normal role's".
    var foreground: ColourReference?
    var background: ColourReference?
    var attributes: Attributes
    /// Where the style was written, so a palette name that fails only after merging is reported
    /// against the file and key that used it.
    var file: String
    var foregroundKey: String
    var backgroundKey: String
}

/// A theme file as written: what it says, not yet merged with what it inherits.
struct ThemeDocument: Sendable {
    var description: String?
    var inherits: String?
    var palette: [String: Color] = [:]
    var styles: [Role: StyleDeclaration] = [:]

    static let topLevelKeys = ["description", "inherits", "palette", "styles"]
    static let styleKeys = ["fg", "bg", "attributes"]
    static let attributeNames: [(name: String, attribute: Attributes)] = [
        ("bold", .bold), ("dim", .dim), ("underline", .underline), ("reverse", .reverse), ("italic", .italic),
    ]

    /// Reads a whole file, collecting every problem rather than stopping at the first. Returns nil
    /// only when nothing of it can be used (not JSON, or not an object).
    static func parse(_ data: Data, file: String) -> (document: ThemeDocument?, problems: [ThemeProblem]) {
        var reader = Reader(file: file)
        let document = reader.document(from: data)
        return (document, reader.problems)
    }

    /// A built-in theme in the same shape, so files can inherit from it. Its terminal-default colours
    /// become "as normal", as a shipped file leaves them out, so a child's dark normal background
    /// reaches every role whichever of the two it inherits.
    init(builtIn theme: Theme) {
        func reference(_ colour: Color) -> ColourReference? {
            colour == .terminalDefault ? nil : .literal(colour)
        }
        for role in Role.allCases {
            let style = theme.style(for: role)
            styles[role] = StyleDeclaration(
                foreground: reference(style.foreground), background: reference(style.background),
                attributes: style.attributes, file: "", foregroundKey: "", backgroundKey: "")
        }
    }

    init() {}
}

/// Walks the parsed JSON, noting problems with their file and key as it goes.
private struct Reader {
    let file: String
    var problems: [ThemeProblem] = []

    init(file: String) {
        self.file = file
    }

    mutating func note(_ key: String, _ problem: String) {
        problems.append(ThemeProblem(file: file, key: key, problem: problem))
    }

    mutating func document(from data: Data) -> ThemeDocument? {
        let json: JSONValue
        do {
            json = try JSONValue.parse(data)
        } catch {
            note("", error.text)
            return nil
        }
        guard case .object(let object) = json else {
            note("", "a theme file must hold one JSON object, such as { \"inherits\": \"default\", \"styles\": { } }")
            return nil
        }
        var document = ThemeDocument()
        for key in object.keys.sorted() where !ThemeDocument.topLevelKeys.contains(key) {
            note(key, NameAdvice.unknown("key", key, allowed: ThemeDocument.topLevelKeys,
                                         otherwise: "use description, inherits, palette, styles"))
        }
        switch object["description"] {
        case nil: break
        // Shown in the picker and printed by `themes list`: no control characters reach the terminal.
        case .string(let text): document.description = String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
        default: note("description", "must be text in quotes")
        }
        switch object["inherits"] {
        case nil: break
        case .string(let name): document.inherits = name
        default: note("inherits", "must be a theme name in quotes, such as \"default\"")
        }
        if let palette = object["palette"] { document.palette = readPalette(palette) }
        if let styles = object["styles"] { document.styles = readStyles(styles) }
        return document
    }

    mutating func readPalette(_ value: JSONValue) -> [String: Color] {
        guard case .object(let entries) = value else {
            note("palette", "must be an object of names and colours, such as { \"ink\": \"#d4d4d4\" }")
            return [:]
        }
        var palette: [String: Color] = [:]
        let names = Set(entries.keys)
        for (name, value) in entries.sorted(by: { $0.key < $1.key }) {
            let key = "palette.\(name)"
            if ColourSyntax.names.contains(name) {
                note(key, "\(quoted(name)) is already a colour name; give the palette entry another name")
            } else if name.isEmpty || name.hasPrefix("#") {
                note(key, "palette names must not be empty or start with #")
            }
            do {
                palette[name] = try ColourSyntax.paletteColour(value, paletteNames: names)
            } catch {
                note(key, error.text)
                // A placeholder, so uses of this name are not reported a second time.
                palette[name] = .terminalDefault
            }
        }
        return palette
    }

    mutating func readStyles(_ value: JSONValue) -> [Role: StyleDeclaration] {
        guard case .object(let entries) = value else {
            note("styles", "must be an object of roles and styles, such as { \"normal\": { \"fg\": \"white\" } }")
            return [:]
        }
        var styles: [Role: StyleDeclaration] = [:]
        for (roleKey, value) in entries.sorted(by: { $0.key < $1.key }) {
            let key = "styles.\(roleKey)"
            guard let role = Role(themeKey: roleKey) else {
                note(key, NameAdvice.unknown("role", roleKey, allowed: Role.allCases.map(\.themeKey),
                                             otherwise: "roles are " + NameAdvice.list(Role.allCases.map(\.themeKey))))
                continue
            }
            styles[role] = readStyle(value, key: key)
        }
        return styles
    }

    mutating func readStyle(_ value: JSONValue, key: String) -> StyleDeclaration {
        var style = StyleDeclaration(attributes: [], file: file, foregroundKey: key + ".fg", backgroundKey: key + ".bg")
        switch value {
        case .string, .number:
            style.foregroundKey = key
            style.foreground = readColour(value, key: key)
        case .object(let fields):
            for field in fields.keys.sorted() where !ThemeDocument.styleKeys.contains(field) {
                note("\(key).\(field)", NameAdvice.unknown("key", field, allowed: ThemeDocument.styleKeys,
                                                           otherwise: "use fg, bg, attributes"))
            }
            style.foreground = fields["fg"].flatMap { readColour($0, key: style.foregroundKey) }
            style.background = fields["bg"].flatMap { readColour($0, key: style.backgroundKey) }
            if let attributes = fields["attributes"] {
                style.attributes = readAttributes(attributes, key: key + ".attributes")
            }
        default:
            note(key, "must be a colour, or an object with fg, bg and attributes")
        }
        return style
    }

    mutating func readColour(_ value: JSONValue, key: String) -> ColourReference? {
        do {
            return try ColourSyntax.styleColour(value)
        } catch {
            note(key, error.text)
            return nil
        }
    }

    mutating func readAttributes(_ value: JSONValue, key: String) -> Attributes {
        let names = ThemeDocument.attributeNames.map(\.name)
        guard case .array(let items) = value else {
            note(key, "must be a list such as [\"bold\", \"underline\"]")
            return []
        }
        var attributes: Attributes = []
        for item in items {
            guard case .string(let name) = item else {
                note(key, "each attribute must be a name in quotes: " + names.joined(separator: ", "))
                continue
            }
            if let known = ThemeDocument.attributeNames.first(where: { $0.name == name }) {
                attributes.insert(known.attribute)
            } else {
                note(key, NameAdvice.unknown("attribute", name, allowed: names, otherwise: "use " + names.joined(separator: ", ")))
            }
        }
        return attributes
    }
}
