import Testing
@testable import StdKitSyntax

@Suite("Searching bytes")
struct ByteSearchTests {
    /// The disable marker is found (or not) as a plain search finds it, marker cut short at the
    /// end of the text included; and `withoutWideRows` without copying gives what it gives
    /// with copying, on random bodies of pipes, Chinese and line endings.
    @Test func theSameAsPlainSearches() {
        var state: UInt64 = 0xE703_7ED1_A0B4_28DB
        func next(_ count: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(count))
        }
        let marker = Array("stdkit-disable".utf8)
        let pieces = ["s", "std", "stdkit-", "stdkit-disable", "stdkit-disabl", "课", "x", "|", "| a |", "\n", "\r\n"]
        var found = 0, wide = 0
        for _ in 0..<3_000 {
            let text = (0..<next(10)).map { _ in pieces[next(pieces.count)] }.joined()
            let bytes = Array(text.utf8)
            let plain = bytes.count >= marker.count
                && (0...(bytes.count - marker.count)).contains { bytes[$0..<($0 + marker.count)].elementsEqual(marker) }
            #expect(DocumentParser.contains(marker, in: bytes) == plain, "\(text.debugDescription)")
            if plain { found += 1 }

            let limit = next(4)
            let (body, row) = DocumentParser.withoutWideRows(text, limit: limit)
            // The reference: every line (up to its `\n`) with more than limit + 1 pipes blanked,
            // the first named.
            var lines: [String] = []
            var first: (Int, Int)?
            for (index, line) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
                let pipes = line.filter { $0 == UInt8(ascii: "|") }.count
                if pipes > limit + 1 {
                    if first == nil { first = (index + 1, pipes - 1) }
                    lines.append(String(repeating: " ", count: line.count))
                } else {
                    lines.append(String(decoding: line, as: UTF8.self))
                }
            }
            #expect(body == lines.joined(separator: "\n"), "\(text.debugDescription) limit \(limit)")
            #expect(row?.line == first?.0 && row?.cells == first?.1, "\(text.debugDescription) limit \(limit)")
            if row != nil { wide += 1 }
        }
        #expect(found > 100 && wide > 100)
    }
}
