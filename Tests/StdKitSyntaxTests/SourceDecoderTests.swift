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
