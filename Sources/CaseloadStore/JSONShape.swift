/// What can be told about a file's text without parsing it as JSON: whether it is UTF-8, how deep
/// its brackets nest, whether it stops with something still open. Cheap scans, used to explain
/// why a file does not decode and to refuse text the decoder would let through.
enum JSONShape {
    /// How deep Foundation's JSON parser goes before giving up (it refuses rather than overflowing
    /// its stack); Caseload's own files nest a handful of levels.
    static let parserNestingLimit = 512

    /// The offset of the first byte that is not part of valid UTF-8; nil when all of it is.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
        // The standard library's check is fast; only a failure is walked again to find the place.
        guard String(validating: bytes, as: UTF8.self) == nil else { return nil }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    /// `tooDeep` when `[` and `{` outside strings nest deeper than `nestingLimit` anywhere (the scan
    /// stops there); `unfinished` when the text ends inside a string or with brackets still open.
    static func scan(_ bytes: [UInt8], nestingLimit: Int) -> (tooDeep: Bool, unfinished: Bool) {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                switch byte {
                case _ where escaped: escaped = false
                case UInt8(ascii: "\\"): escaped = true
                case UInt8(ascii: "\""): inString = false
                default: break
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > nestingLimit { return (true, true) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return (false, inString || depth > 0)
    }
}
