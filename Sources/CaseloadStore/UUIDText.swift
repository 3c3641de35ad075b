import Foundation

/// Record file names (`<uuid lowercased>.json`) written and read without Foundation's formatter and
/// parser, which go through printf and scanf: a large caseload names tens of thousands of files.
enum UUIDText {
    private static let hexDigits = Array("0123456789abcdef".utf8)
    /// Where the dashes go in the 36 characters.
    private static let dashes: Set<Int> = [8, 13, 18, 23]

    static func lowercased(_ id: UUID) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(36)
        withUnsafeBytes(of: id.uuid) { bytes in
            for (index, byte) in bytes.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
                text.append(hexDigits[Int(byte >> 4)])
                text.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The id of exactly what `lowercased` writes, and nil for anything else (capitals included), so
    /// that a name that parses is the name its id gives.
    static func parseLowercased(_ text: some Collection<UInt8>) -> UUID? {
        guard text.count == 36 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        var high: UInt8?
        for (index, character) in text.enumerated() {
            if dashes.contains(index) {
                guard character == UInt8(ascii: "-") else { return nil }
                continue
            }
            let value: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = character - UInt8(ascii: "a") + 10
            default: return nil
            }
            if let first = high {
                bytes.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        return bytes.withUnsafeBytes { raw in UUID(uuid: raw.loadUnaligned(as: uuid_t.self)) }
    }
}
