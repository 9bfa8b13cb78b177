import Testing
@testable import StdKitSyntax

@Suite("Decoding bytes")
struct SourceDecoderTests {
    @Test func validUTF8() {
        let decoded = DecodedSource(bytes: Array("标题\n正文".utf8))
        #expect(decoded.text == "标题\n正文")
        #expect(decoded.firstInvalidByte == nil)
        #expect(!decoded.hasByteOrderMark)
        #expect(decoded.lineEnding == "\n")
    }

    @Test func invalidByteIsLocatedByLineAndCharacter() {
        // Line 3 holds two Chinese characters, then GBK bytes for 标题.
        let bytes = Array("# 标题\n\n正文".utf8) + [0xB1, 0xEA, 0xCC, 0xE2] + Array("\n".utf8)
        let decoded = DecodedSource(bytes: bytes)
        #expect(decoded.firstInvalidByte == StdKitSyntax.SourceLocation(line: 3, column: 3))
        #expect(decoded.text.hasPrefix("# 标题\n\n正文\u{FFFD}"))
    }

    @Test func byteOrderMarkIsRemovedAndRemembered() {
        let decoded = DecodedSource(bytes: [0xEF, 0xBB, 0xBF] + Array("a\r\nb".utf8))
        #expect(decoded.hasByteOrderMark)
        #expect(decoded.text == "a\r\nb")
        #expect(decoded.lineEnding == "\r\n")
    }

    @Test func nulBytesAreNoticed() {
        #expect(DecodedSource(bytes: [0x61, 0x00, 0x62]).containsNUL)
    }

    @Test func invalidUTF8IsADiagnosticAndTheRestIsStillRead() throws {
        let bytes = Array("---\nid: A\ntitle: T\n---\n\n# 标".utf8) + [0xFF] + Array("\n".utf8)
        let parsed = DocumentParser.parse(bytes: bytes, path: "a.md")
        let diagnostic = try #require(parsed.diagnostics.first)
        #expect(diagnostic.rule == "invalid-utf8")
        #expect(diagnostic.location == StdKitSyntax.SourceLocation(line: 6, column: 4))
        #expect(parsed.frontMatter?["id"]?.scalar == "A")
    }

    @Test func sourceTextColumnsCountCharacters() {
        let text = SourceText("ab\n焊接x\r\n\u{1F600}y")
        #expect(text.lineCount == 3)
        #expect(text.column(line: 2, byteColumn: 7) == 3)  // 'x' after two 3-byte characters
        #expect(text.column(line: 3, byteColumn: 5) == 2)  // 'y' after a 4-byte emoji
        #expect(text.text(ofLine: 2) == "焊接x")
        #expect((1...3).map(text.scalarCount(ofLine:)) == [2, 3, 2], "scalars, not bytes, without the line ending")
        #expect(SourceText("e\u{301}\r").scalarCount(ofLine: 1) == 2)
        #expect(text.location(ofByte: 9) == StdKitSyntax.SourceLocation(line: 2, column: 3))
    }
}

@Suite("Source lines")
struct SourceLineTests {
    /// The line a finding points at, as the text reporter shows it: without its ending, with
    /// lines ending as cmark and libyaml end them (a lone `\r` too), so that the line shown is
    /// the line the finding's number names.
    @Test func linesWithoutTheirEndings() {
        let source = SourceText("第一行\r\n second\n\nlast 行")
        #expect(source.line(1) == "第一行")
        #expect(source.line(2) == " second")
        #expect(source.line(3) == "")
        #expect(source.line(4) == "last 行")
        #expect(source.line(5) == nil)
        #expect(source.line(0) == nil)
        #expect(SourceText("a\n").line(2) == "")
        #expect(SourceText("").line(1) == "")
        #expect(SourceText("old\rmac\rlines").line(2) == "mac")
    }
}

@Suite("Source positions")
struct SourcePositionTests {
    /// Line starts found with memchr and columns counted through each line's ASCII flag are
    /// what walking every byte gives, on random texts of every line ending, Chinese, long ASCII
    /// runs and columns past a line's end.
    @Test func theSameAsWalkingEveryByte() {
        func referenceStarts(_ bytes: [UInt8]) -> [Int] {
            var starts = [0]
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0x0A {
                    starts.append(index + 1)
                } else if bytes[index] == 0x0D {
                    if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                    starts.append(index + 1)
                }
                index += 1
            }
            return starts
        }
        func referenceColumn(_ bytes: [UInt8], _ starts: [Int], line: Int, byteColumn: Int) -> Int {
            guard line >= 1, line <= starts.count, byteColumn >= 1 else { return max(byteColumn, 1) }
            let start = starts[line - 1]
            let end = min(start + byteColumn - 1, bytes.count)
            return bytes[start..<end].filter { $0 & 0xC0 != 0x80 }.count + 1
        }
        let pieces = ["a", "long ASCII run of text", "课程", "é", "\n", "\r\n", "\r", "|", " "]
        var state: UInt64 = 0xA076_1D64_78BD_642F
        func next(_ count: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(count))
        }
        for _ in 0..<2_000 {
            let text = (0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined()
            let bytes = Array(text.utf8)
            let source = SourceText(bytes: bytes)
            let starts = referenceStarts(bytes)
            #expect(source.lineStarts == starts, "\(text.debugDescription)")
            for line in 0...(starts.count + 1) {
                for byteColumn in 0...(bytes.count + 2) where next(3) == 0 {
                    #expect(source.column(line: line, byteColumn: byteColumn) == referenceColumn(bytes, starts, line: line, byteColumn: byteColumn),
                            "\(text.debugDescription) line \(line) byte \(byteColumn)")
                }
                let range = source.byteRange(ofLine: line)
                #expect(source.scalarCount(ofLine: line) == bytes[range].filter { $0 & 0xC0 != 0x80 }.count, "\(text.debugDescription) line \(line)")
            }
        }
    }
}

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
