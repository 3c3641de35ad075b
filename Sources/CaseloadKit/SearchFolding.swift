import Foundation

/// Folds text for searching and sorting so that a person can type plain ASCII: "zoe" finds "Zoë",
/// "lukasz" finds "Łukasz", "obrien" finds "O'Brien".
public enum SearchFolding {
    /// Letters that carry no combining mark to strip, so decomposition leaves them untouched.
    /// Only lowercase is needed: folding lowercases first.
    static let letters: [Character: String] = [
        "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    ]

    /// Apostrophes vanish so that "O'Brien" and "OBrien" fold alike.
    static let apostrophes: Set<Character> = ["'", "\u{2019}", "\u{2018}", "\u{02BC}"]

    /// Lowercase, without diacritics, apostrophes removed, any other punctuation or run of
    /// whitespace turned into a single space, trimmed. Scripts without case (Chinese) pass through.
    public static func fold(_ text: String) -> String {
        // Lowercase before decomposing so that "İ" becomes "i" plus a mark that is then dropped.
        let stripped = String(String.UnicodeScalarView(
            text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                $0.properties.generalCategory != .nonspacingMark
            }))
        var result = ""
        result.reserveCapacity(stripped.utf8.count)
        var pendingSpace = false
        for character in stripped {
            if apostrophes.contains(character) { continue }
            guard character.isLetter || character.isNumber else {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            if let replacement = letters[character] {
                result += replacement
            } else {
                result.append(character)
            }
        }
        return result
    }
}
