extension String {
    /// Inserts `addition` before the grapheme at `offset` (at the end when past it) and returns the
    /// grapheme offset just after what was inserted. The addition may merge with its neighbours (a
    /// combining mark, a zero-width joiner between emoji), which can even lower the count, so the
    /// offset is counted rather than added: a cursor put there always lies within the text.
    mutating func insert(_ addition: String, atGrapheme offset: Int) -> Int {
        let start = index(startIndex, offsetBy: Swift.min(offset, count))
        let end = unicodeScalars.distance(from: startIndex, to: start) + addition.unicodeScalars.count
        insert(contentsOf: addition, at: start)
        // An end inside a merged grapheme counts up to that grapheme's start.
        return distance(from: startIndex, to: unicodeScalars.index(startIndex, offsetBy: end))
    }
}
