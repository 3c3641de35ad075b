#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Whether one run of bytes holds another, by `memchr` and `memcmp`: the generic `firstRange(of:)`
/// costs many times more, which tells on every search key and over every note.
enum ByteSearch {
    static func contains(_ needle: [UInt8], in haystack: some StringProtocol) -> Bool {
        var text = String(haystack)
        return text.withUTF8 { contains(needle, in: $0) }
    }

    static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { contains(needle, in: $0) }
    }

    static func contains(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty else { return true }
        guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
        return needle.withUnsafeBufferPointer { pattern in
            let last = haystack.count - pattern.count
            var start = 0
            while start <= last {
                guard let hit = memchr(base + start, Int32(pattern[0]), last - start + 1) else { return false }
                let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + index, pattern.baseAddress!, pattern.count) == 0 { return true }
                start = index + 1
            }
            return false
        }
    }
}
