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

    /// Whether the folded `text` holds `word` (folded, without spaces).
    static func contains(_ word: [UInt8], in text: String) -> Bool {
        ByteSearch.contains(word, in: SearchFolding.fold(text))
    }
}
