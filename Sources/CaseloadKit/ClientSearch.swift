import Foundation

/// What a person typed into the search box, read once rather than once per client.
///
/// - Words (anything with a letter) must each appear somewhere in the name or preferred name,
///   ignoring case, accents and apostrophes: "zoe whit" finds "Zoë Whitfield".
/// - A reference (`C-0042`, `c42`) finds that client by number.
/// - Bare digits, spaces and hyphens allowed (`42`, `0042`, `943 476 5919`, `943476`), find the
///   client whose reference has that number, and, from three digits on, every client whose NHS
///   number starts with them. Fewer than three digits would match NHS numbers too loosely.
/// Identifiers are searched on their own: "zoe 42" looks for both words in the name.
public struct SearchQuery: Hashable, Sendable {
    public static let minimumNHSPrefix = 3

    public let text: String
    /// Folded words as UTF-8, each of which must occur in the folded names.
    let words: [[UInt8]]
    /// The reference number asked for, if the query has the form of a reference or bare digits.
    let referenceNumber: Int?
    /// The start of an NHS number, if the query is bare digits long enough.
    let nhsPrefix: String?

    public init(_ text: String) {
        self.text = text
        let compact = text.filter { !$0.isWhitespace && $0 != "-" }
        let isDigits = !compact.isEmpty && compact.allSatisfy { $0.isASCII && $0.isWholeNumber }
        if isDigits {
            words = []
            referenceNumber = ClientReference.digitsValue(Substring(compact))
            nhsPrefix = compact.count >= SearchQuery.minimumNHSPrefix ? compact : nil
        } else if let number = ClientReference.number(in: compact) {
            words = []
            referenceNumber = number
            nhsPrefix = nil
        } else {
            words = SearchFolding.fold(text).split(separator: " ").map { Array($0.utf8) }
            referenceNumber = nil
            nhsPrefix = nil
        }
    }

    /// Nothing typed: every client matches.
    public var isEmpty: Bool { words.isEmpty && referenceNumber == nil && nhsPrefix == nil }
}

/// A client's searchable fields, folded once so that searching a caseload on every keystroke is cheap.
public struct ClientSearchKey: Hashable, Sendable {
    /// As UTF-8: searching bytes is many times quicker than searching a String, on every key.
    let names: [UInt8]
    let referenceNumber: Int?
    let nhsDigits: String?

    public init(_ client: Client) {
        self = client.summary.searchKey
    }

    /// From a name already folded (see `ClientSummary.foldedName`).
    init(foldedName: String, preferredName: String?, reference: String, nhsNumber: NHSNumber?) {
        let preferred = SearchFolding.fold(preferredName ?? "")
        let folded = foldedName.isEmpty || preferred.isEmpty ? foldedName + preferred : foldedName + " " + preferred
        names = Array(folded.utf8)
        referenceNumber = ClientReference.number(in: reference)
        nhsDigits = nhsNumber?.digits
    }

    public func matches(_ query: SearchQuery) -> Bool {
        if query.isEmpty { return true }
        if !query.words.isEmpty { return query.words.allSatisfy { ByteSearch.contains($0, in: names) } }
        if let number = query.referenceNumber, number == referenceNumber { return true }
        if let prefix = query.nhsPrefix, let nhsDigits, nhsDigits.hasPrefix(prefix) { return true }
        return false
    }
}
