import Testing
@testable import CaseloadKit

@Suite struct ByteSearchTests {
    @Test func findsWhatFirstRangeFinds() {
        let haystacks = ["", "a", "abc", "zoë whitfield", "陈伟 chen", "aaab"]
        let needles = ["", "a", "b", "abc", "abcd", "whit", "ë", "陈", "chen", "aab", "x"]
        for haystack in haystacks {
            for needle in needles {
                let bytes = Array(needle.utf8)
                let expected = needle.isEmpty || haystack.utf8.firstRange(of: bytes) != nil
                #expect(ByteSearch.contains(bytes, in: haystack) == expected, "\(needle) in \(haystack)")
                #expect(ByteSearch.contains(bytes, in: Array(haystack.utf8)) == expected, "\(needle) in \(haystack)")
            }
        }
    }
}
