import Foundation
import Testing
import StdKitSyntax

/// `precedesInUTF8`, the order of every listing, held to the generic comparison of UTF-8 bytes
/// it replaces.
@Suite("Strings ordered by their UTF-8 bytes")
struct ByteOrderTests {
    /// Pieces that order differently by bytes, by scalars and by Swift's `<`: ASCII around the
    /// lead bytes, a precomposed letter and its decomposition, CJK, a scalar beyond the BMP, NUL.
    static let pieces = ["", "a", "B", "/", "-", "\u{0}", "\u{7F}", "é", "e\u{301}", "中", "课程", "\u{FF5E}", "😀", "z"]

    @Test func agreesWithTheGenericComparisonOnEveryPair() {
        // Every string of up to three pieces: short ones (stored inside the string) and, with a
        // long prefix, ones stored apart, so both storages meet on each side.
        var strings: [String] = [""]
        for _ in 0..<3 { strings = strings + strings.flatMap { string in Self.pieces.map { string + $0 } } }
        strings = Array(Set(strings))
        let long = "courses/专业核心课程/"
        let all = strings + strings.map { long + $0 }
        // Each string against 60 others spread over the list, and against itself.
        var before = 0, pairs = 0
        var differing: [String] = []
        for (position, a) in all.enumerated() {
            for step in 0...60 {
                let b = all[(position &* 7_919 &+ step &* 104_729) % all.count]
                let expected = a.utf8.lexicographicallyPrecedes(b.utf8)
                if a.precedesInUTF8(b) != expected { differing.append("\(a.debugDescription) < \(b.debugDescription)") }
                if expected { before += 1 }
                pairs += 1
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(20))")
        #expect(pairs > 200_000 && before > pairs / 3 && before < pairs * 2 / 3, "\(pairs) pairs, \(before) in order")
    }

    @Test func ordersByBytesNotByCharacters() {
        // Swift's `<` takes "é" and "e\u{301}" as equal, and orders a precomposed letter by its
        // decomposition; the bytes tell them apart, the same way on every platform.
        #expect("e\u{301}".precedesInUTF8("é"))
        #expect(!"é".precedesInUTF8("e\u{301}"))
        #expect("Z".precedesInUTF8("a"))
        #expect("a".precedesInUTF8("ab"))
        #expect(!"ab".precedesInUTF8("a"))
        #expect(!"a".precedesInUTF8("a"))
        #expect("".precedesInUTF8("\u{0}"))
        #expect("z".precedesInUTF8("中"))
        #expect("\u{FF5E}".precedesInUTF8("😀"))
    }

    @Test func stringsMadeFromSubstringsAndFromOtherEncodings() {
        let path = "materials/实训手册/第一章.md"
        let parts = path.split(separator: "/")
        let folder = String(parts[1])
        #expect(folder.precedesInUTF8(String(parts[2])) == folder.utf8.lexicographicallyPrecedes(parts[2].utf8))
        // A string decoded from UTF-16 (Foundation's `NSString` path on other platforms).
        let decoded = String(data: "实训手册".data(using: .utf16)!, encoding: .utf16)!
        #expect(decoded.precedesInUTF8("实训手册A"))
        #expect(!decoded.precedesInUTF8("实训手册"))
        // The order sorts a listing as the generic comparison does.
        let listing = ["b.md", "a/z.md", "a.md", "中.md", "a/中.md", "A.md", "a-b.md"]
        #expect(listing.sorted { $0.precedesInUTF8($1) } == listing.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }
}
