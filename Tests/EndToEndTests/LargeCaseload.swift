import Foundation

/// A caseload of many clients, for tests of scale. Each client is a copy of one demo client with
/// fresh ids (its own and those of its contacts, follow-ups, goals and steps), its own reference
/// and a name drawn from a mixed list. The files are written straight into `clients/`: saving
/// them through the app would fsync every one and take minutes.
struct LargeCaseload {
    struct Entry {
        let reference: String
        let name: String
    }

    let directory: URL
    /// Every client in the list's default order: by name ignoring case and accents, ties by
    /// reference number (see `CaseloadQuery`).
    let inNameOrder: [Entry]

    /// Writes `count` clients into a new data folder `<world.root>/<folder>`, copied from the demo
    /// client `template` (C-0001 has contacts, follow-ups, goals and connections: a full record of
    /// about 10 KB). The same seed gives the same names and references.
    static func make(count: Int, in world: EndToEnd, folder: String = "large", template: String = "C-0001",
                     seed: UInt64 = 1) throws -> LargeCaseload {
        let directory = try world.makeDemo(folder)
        let clients = directory.appendingPathComponent("clients", isDirectory: true)
        let demoClients = try ClientFile.all(in: directory)
        guard let templateFile = demoClients.first(where: { $0.reference == template }) else {
            throw HarnessError("the demo has no client \(template) to copy")
        }
        for file in demoClients { try FileManager.default.removeItem(at: file.url) }
        let assetIDs = Set(try FileManager.default.contentsOfDirectory(
            atPath: directory.appendingPathComponent("assets").path).map { $0.replacingOccurrences(of: ".json", with: "").uppercased() })
        let record = try RecordTemplate(templateFile.json, keeping: assetIDs)

        var random = SeededRandom(seed: seed)
        let references = Array(1...count).shuffled(using: &random).map(Self.reference)
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        for reference in references {
            let name = Self.name(using: &random)
            let (id, json) = record.instance(reference: reference, name: name)
            try json.write(to: clients.appendingPathComponent(id.uuidString.lowercased() + ".json"), atomically: false, encoding: .utf8)
            entries.append(Entry(reference: reference, name: name))
        }
        let inNameOrder = entries
            .map { (key: Self.fold($0.name), number: Int($0.reference.dropFirst(2))!, entry: $0) }
            .sorted { ($0.key, $0.number) < ($1.key, $1.number) }
            .map(\.entry)
        return LargeCaseload(directory: directory, inNameOrder: inNameOrder)
    }

    /// `C-0042`, as `ClientReference.make` writes it (at least four digits).
    static func reference(_ number: Int) -> String {
        let digits = String(number)
        return "C-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Entries whose name holds every word of `query` (folded), in list order: what `/` matches
    /// for a query of words.
    func matches(_ query: String) -> [Entry] {
        let words = Self.fold(query).split(separator: " ")
        return inNameOrder.filter { entry in
            let name = Self.fold(entry.name)
            return words.allSatisfy { name.contains($0) }
        }
    }

    // MARK: Names

    /// Mostly "given family", in several scripts and with accents, apostrophes and hyphens; now and
    /// then a whole name in a script without Latin letters. Names repeat, as in a real caseload.
    private static func name(using random: inout SeededRandom) -> String {
        if Int.random(in: 0..<20, using: &random) == 0 { return wholeNames.randomElement(using: &random)! }
        return givenNames.randomElement(using: &random)! + " " + familyNames.randomElement(using: &random)!
    }

    private static let givenNames = [
        "Abdirahman", "Agnieszka", "Ahmed", "Amara", "Anjali", "Aoife", "Ayşe", "Bernard", "Bogdan", "Chloé",
        "Dorothy", "Emily-Rose", "Fatima", "Françoise", "Grace", "Gurpreet", "Hana", "Harold", "Ioana", "José",
        "Jürgen", "Keisha", "Kwame", "Leila", "Łukasz", "Margaret", "Marie-Claire", "Mehmet", "Ngozi", "Oluwaseun",
        "Priya", "Rhiannon", "Samira", "Siân", "Siobhán", "Søren", "Tomáš", "Winston", "Yusuf", "Zoë",
    ]
    private static let familyNames = [
        "Adebayo", "Begum", "Bennett", "Chandran", "Clarke", "Demir", "Dubois", "Dvořák", "Evans", "Farah",
        "Gallagher", "Hassan", "Hughes", "Iqbal", "Kaur", "Kelly", "Kowalczyk", "Lemaître", "Madsen", "Mensah",
        "Murphy", "Ncube", "Nguyễn", "Nowak", "O'Brien", "O'Connor", "Okafor", "Öztürk", "Patel", "Popescu",
        "Price", "Radu", "Rahimi", "Rao", "Sharma", "Smith-Jones", "Thompson", "Weiß", "Wiśniewski", "Yılmaz",
    ]
    private static let wholeNames = ["陈伟", "王芳", "李娜", "Мария Иванова", "Ελένη Παππά", "Hana Kimura 木村"]

    /// The list's sort key, made as CaseloadKit's `SearchFolding.fold` makes it (these tests drive
    /// the binary and cannot import it): lowercase, marks and apostrophes dropped, a few letters
    /// spelt out, anything else between words a single space.
    static func fold(_ text: String) -> String {
        let letters: [Character: String] = [
            "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
        ]
        let stripped = String(String.UnicodeScalarView(
            text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                $0.properties.generalCategory != .nonspacingMark
            }))
        var result = ""
        var pendingSpace = false
        for character in stripped where !["'", "\u{2019}", "\u{2018}", "\u{02BC}"].contains(character) {
            guard character.isLetter || character.isNumber else {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result += letters[character] ?? String(character)
        }
        return result
    }
}

/// One client file cut into pieces around what each copy changes, so that writing thousands of
/// copies is string joining rather than JSON encoding.
private struct RecordTemplate {
    private enum Piece {
        case text(String)
        /// The n-th distinct id of the template; 0 is the client's own.
        case id(Int)
        case name
        case reference
    }

    private static let nameMarker = "\"@@NAME@@\"", referenceMarker = "\"@@REFERENCE@@\""
    private static let uuidPattern = try! NSRegularExpression(
        pattern: "\"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\"")

    private let pieces: [Piece]
    private let idCount: Int

    /// Ids in `kept` (the directory's assets, which connections point at) stay as they are.
    init(_ client: [String: Any], keeping kept: Set<String>) throws {
        guard let ownID = client["id"] as? String else { throw HarnessError("the template client has no id") }
        var json = client
        json["name"] = "@@NAME@@"
        json["reference"] = "@@REFERENCE@@"
        // A preferred name belongs to the person copied, and search would match it.
        json["preferredName"] = nil
        let text = String(decoding: try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys]),
                          as: UTF8.self)

        var numbers = [ownID.uppercased(): 0]
        var pieces: [Piece] = []
        var rest = text[...]
        let whole = NSRange(text.startIndex..., in: text)
        for match in Self.uuidPattern.matches(in: text, range: whole) {
            let range = Range(match.range, in: text)!
            let id = text[range].dropFirst().dropLast().uppercased()
            guard !kept.contains(id) else { continue }
            pieces += Self.markerPieces(in: String(text[rest.startIndex..<range.lowerBound]))
            let number = numbers[id] ?? numbers.count
            numbers[id] = number
            pieces.append(.id(number))
            rest = text[range.upperBound...]
        }
        pieces += Self.markerPieces(in: String(rest))
        self.pieces = pieces
        idCount = numbers.count
    }

    /// The text of one copy, and its id (the file is named after it).
    func instance(reference: String, name: String) -> (id: UUID, json: String) {
        let ids = (0..<idCount).map { _ in UUID() }
        var json = ""
        for piece in pieces {
            switch piece {
            case .text(let text): json += text
            case .id(let number): json += "\"\(ids[number].uuidString)\""
            case .name: json += Self.quoted(name)
            case .reference: json += Self.quoted(reference)
            }
        }
        return (ids[0], json)
    }

    private static func markerPieces(in text: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = text[...]
        while let marker = [nameMarker, referenceMarker].compactMap({ rest.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            pieces.append(.text(String(rest[..<marker.lowerBound])))
            pieces.append(rest[marker] == nameMarker ? .name : .reference)
            rest = rest[marker.upperBound...]
        }
        pieces.append(.text(String(rest)))
        return pieces
    }

    private static func quoted(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: text, options: .fragmentsAllowed), as: UTF8.self)
    }
}

/// A seeded random number generator (SplitMix64), so that a failing run can be repeated exactly.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

extension EndToEnd {
    /// Starts the caseload on a large folder and waits, up to `timeout`, for its list. Returns the
    /// pane and how long the list took to show.
    func openLarge(_ caseload: LargeCaseload, timeout: Duration = .seconds(180)) async throws -> (pane: Pane, startup: Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        let pane = try launch(["--data-dir", caseload.directory.path])
        try await pane.waitUntil("the list of \(caseload.inNameOrder.count) clients", timeout: timeout) { screen in
            !screen.listedReferences.isEmpty && screen.lines.last?.contains("q Quit") == true
        }
        return (pane, clock.now - start)
    }
}

extension Screen {
    /// The reference (`C-0042`) in the row marked as selected.
    var selectedReference: String? {
        selectedRow.flatMap(Self.reference(in:))
    }

    /// The references of the list rows on screen, top to bottom.
    var listedReferences: [String] {
        lines.compactMap(Self.reference(in:))
    }

    private static func reference(in row: String) -> String? {
        row.split(separator: " ").first { word in
            word.hasPrefix("C-") && word.count >= 6 && word.dropFirst(2).allSatisfy(\.isASCII) && Int(word.dropFirst(2)) != nil
        }.map(String.init)
    }
}
