import Foundation

/// Full-text search over contact notes: clients whose notes, taken together, hold every word of
/// the query, ignoring case, accents and apostrophes as the list's search does for names.
public enum NoteSearch {
    /// Ids of the matching clients, in the order given.
    public static func matching(_ query: String, in clients: [Client]) -> [UUID] {
        let words = SearchFolding.fold(query).split(separator: " ").map { Array($0.utf8) }
        guard !words.isEmpty else { return [] }
        return clients.filter { client in
            words.allSatisfy { word in client.contacts.contains { contains(word, in: $0.notes) } }
        }.map(\.id)
    }

    /// Whether the folded `text` holds `word` (folded, without spaces). Folding a note costs far
    /// more than scanning it, so plain ASCII without apostrophes, most notes, is scanned as it is:
    /// there folding only lowercases and turns punctuation into spaces, which cannot make or break
    /// a match for a word of letters and digits.
    static func contains(_ word: [UInt8], in text: String) -> Bool {
        if word.allSatisfy({ $0 < 0x80 }),
           let scanned = text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool? in
               guard bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "'") }) else { return nil }
               return containsIgnoringASCIICase(word, in: bytes)
           }), let scanned {
            return scanned
        }
        return SearchFolding.fold(text).utf8.firstRange(of: word) != nil
    }

    private static func containsIgnoringASCIICase(_ word: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = word.first, word.count <= bytes.count else { return false }
        var index = 0
        let last = bytes.count - word.count
        while index <= last {
            if lower(bytes[index]) == first {
                var offset = 1
                while offset < word.count && lower(bytes[index + offset]) == word[offset] { offset += 1 }
                if offset == word.count { return true }
            }
            index += 1
        }
        return false
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
