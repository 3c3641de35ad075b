/// Messages for a name that is not one of those allowed, pointing at the likely intended one.
enum NameAdvice {
    /// Suggestions go no further than two edits, so "selectd" finds "selected" but "fg" is not
    /// offered for "background".
    static let maximumSuggestionDistance = 2

    /// Explains an unknown name: a case-only slip, else the closest allowed name, else `otherwise`.
    static func unknown(_ kind: String, _ value: String, allowed: [String], otherwise: String) -> String {
        if let exact = allowed.first(where: { $0.lowercased() == value.lowercased() }) {
            return "\(kind) names are lowercase: use \(quoted(exact)), not \(quoted(value))"
        }
        if let near = closest(to: value, among: allowed) {
            return "unknown \(kind) \(quoted(value)); did you mean \(quoted(near))?"
        }
        return "unknown \(kind) \(quoted(value)); \(otherwise)"
    }

    /// The allowed name fewest edits away (ignoring case), if it is close enough to be a typo.
    static func closest(to value: String, among allowed: [String]) -> String? {
        let scored = allowed.map { (name: $0, distance: editDistance(value.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.distance < $1.distance }),
              best.distance <= maximumSuggestionDistance else { return nil }
        return best.name
    }

    /// Levenshtein distance: insertions, deletions and substitutions of characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, charA) in a.enumerated() {
            var current = [i + 1]
            for (j, charB) in b.enumerated() {
                let substitution = previous[j] + (charA == charB ? 0 : 1)
                current.append(min(substitution, previous[j + 1] + 1, current[j] + 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// "a, b and c" for a message.
    static func list(_ names: [String]) -> String {
        guard let last = names.last else { return "" }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last
    }
}
