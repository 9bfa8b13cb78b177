import Testing
@testable import StdKitSyntax

/// Searches of item text done on UTF-8 bytes or without the Unicode tables, held to the
/// searches by scalars and characters they replace.
@Suite("Item text searched on bytes")
struct ItemTextOnBytesTests {
    @Test func whiteSpaceWithoutTheTablesForEveryScalar() {
        var differing: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isWhitespaceFast != scalar.properties.isWhitespace { differing.append(value) }
        }
        #expect(differing.isEmpty, "\(differing.map { String($0, radix: 16) })")
    }

    /// Every string made of one piece from each list, in order.
    static func combinations(_ lists: [[String]]) -> [String] {
        lists.reduce([""]) { strings, pieces in strings.flatMap { string in pieces.map { string + $0 } } }
    }

    static let pieces = ["", "{", "a", " ", "中", "\u{301}", "\u{600}", "\u{200D}", "\r", "\n", "}", "=", "\u{3000}", "→", ">", "-"]

    @Test func lastBraceOnBytesAsByCharacters() {
        let texts = Self.combinations([Self.pieces, Self.pieces, Self.pieces, Self.pieces])
        var found = 0
        for text in texts {
            let expected = text.lastIndex(of: "{")
            #expect(text.lastIndex(ofASCII: "{") == expected, "\(text.debugDescription)")
            if case .found(let index) = text.lastStandaloneByte(UInt8(ascii: "{")) {
                found += 1
                #expect(index == expected, "\(text.debugDescription)")
            }
        }
        #expect(found > 0)
        #expect("能编制计划 {level=3}".lastStandaloneByte(UInt8(ascii: "{")).isFound)
        #expect(!"能编制计划{\u{301}level=3}".lastStandaloneByte(UInt8(ascii: "{")).isFound)
    }

    /// The last character read on the bytes (`endsWithCharacter(ascii:)`, for the `}` that ends
    /// an item's attributes and the space between blocks of plain text) says what `hasSuffix`
    /// says by characters, on every text of four pieces.
    @Test func lastCharacterOnBytesAsByCharacters() {
        for text in Self.combinations([Self.pieces, Self.pieces, Self.pieces, Self.pieces]) {
            for character in ["}", " "] {
                #expect(text.endsWithCharacter(ascii: Character(character).asciiValue!) == text.hasSuffix(character),
                        "\(text.debugDescription) \(character)")
            }
            #expect(ItemExtractor.endsWithBrace(text) == text.trimmingWhitespace().hasSuffix("}"), "\(text.debugDescription)")
        }
    }

    @Test func arrowsOnBytesAsOnScalars() {
        for text in Self.combinations([Self.pieces, Self.pieces, Self.pieces]) + ["能编制 → JOB#R1", "a -> b", "\u{2191}\u{2193}", "\u{2192}"] {
            let expected = text.unicodeScalars.contains("→") || text.unicodeScalars.contains(">")
            #expect(ItemExtractor.mayHoldArrow(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test func trimmingKeepsWhatHasNothingToTrim() {
        for text in Self.combinations([Self.pieces, Self.pieces, Self.pieces]) {
            let scalars = text.unicodeScalars
            let expected: String
            if let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) {
                let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
                expected = String(text[first...last])
            } else {
                expected = ""
            }
            #expect(text.trimmingWhitespace() == expected, "\(text.debugDescription)")
            #expect(text[...].trimmingWhitespace() == expected, "\(text.debugDescription)")
        }
    }
}

extension StandaloneByte {
    var isFound: Bool {
        if case .found = self { return true }
        return false
    }
}
