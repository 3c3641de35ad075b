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
        // Plain ASCII words, most of any text here, fold by lowercasing alone; only words with other
        // characters take the full Unicode route. Both kinds end at ASCII punctuation or spaces,
        // which fold to a single space either way, so the result is the same as folding it all.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var word: [UInt8] = []
        var wordIsASCII = true
        func endWord() {
            let folded: [UInt8] = wordIsASCII ? word : Array(foldUnicode(String(decoding: word, as: UTF8.self)).utf8)
            if !folded.isEmpty {
                if !result.isEmpty { result.append(UInt8(ascii: " ")) }
                result += folded
            }
            word.removeAll(keepingCapacity: true)
            wordIsASCII = true
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 32)
            case UInt8(ascii: "'"): continue
            case 0x80...:
                word.append(byte)
                wordIsASCII = false
            default:
                endWord()
            }
        }
        endWord()
        return String(decoding: result, as: UTF8.self)
    }

    /// The whole Unicode route, for words that are not plain ASCII.
    static func foldUnicode(_ text: String) -> String {
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
