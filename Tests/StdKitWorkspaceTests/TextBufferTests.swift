import StdKitSyntax
import Testing
@testable import StdKitWorkspace

@Suite struct TextBufferTests {
    // 培 is one scalar of 3 UTF-8 bytes and 1 UTF-16 unit; 🤖 (U+1F916) is 4 bytes, 2 units.
    let buffer = TextBuffer("id: A\r\n- **O1** 培训🤖 → JOB#R3\nlast")

    @Test func linesEndAtCRLFAndLF() {
        #expect(buffer.lineCount == 3)
        #expect(buffer.lineText(0) == "id: A")
        #expect(buffer.lineText(1) == "- **O1** 培训🤖 → JOB#R3")
        #expect(buffer.lineText(2) == "last")
        #expect(buffer.lineText(3) == nil)
    }

    @Test func aColumnAfterChineseAndAnEmojiIsTheSameCharacterInEveryUnit() {
        // "→" follows "- **O1** 培训🤖 ": 9 ASCII scalars, 培, 训, 🤖, a space.
        let scalars = TextPosition(line: 1, column: 13)
        let location = buffer.location(of: scalars, unit: .scalars)!
        #expect(location == SourceLocation(line: 2, column: 14))
        #expect(buffer.position(of: location, unit: .utf16) == TextPosition(line: 1, column: 14))
        #expect(buffer.position(of: location, unit: .utf8) == TextPosition(line: 1, column: 9 + 3 + 3 + 4 + 1))
        #expect(buffer.location(of: TextPosition(line: 1, column: 14), unit: .utf16) == location)
        #expect(buffer.location(of: TextPosition(line: 1, column: 20), unit: .utf8) == location)
    }

    @Test func aColumnInsideACharacterIsItsStartAndPastTheLineIsItsEnd() {
        // UTF-16 column 12 is the second half of 🤖's surrogate pair.
        #expect(buffer.location(of: TextPosition(line: 1, column: 12), unit: .utf16) == SourceLocation(line: 2, column: 12))
        #expect(buffer.location(of: TextPosition(line: 0, column: 99), unit: .utf16) == SourceLocation(line: 1, column: 6))
        #expect(buffer.location(of: TextPosition(line: 3, column: 0), unit: .utf16) == SourceLocation(line: 3, column: 5))
        #expect(buffer.location(of: TextPosition(line: 4, column: 0), unit: .utf16) == nil)
    }

    @Test func changesReplaceTheirRangeAndRefuseOnesOutsideTheText() throws {
        var text = buffer
        try text.apply(TextChange(range: TextPosition(line: 1, column: 11)..<TextPosition(line: 1, column: 13), text: "🚀🚀"), unit: .utf16)
        #expect(text.lineText(1) == "- **O1** 培训🚀🚀 → JOB#R3")
        #expect(throws: TextBuffer.OutOfRange.self) {
            try text.apply(TextChange(range: TextPosition(line: 7, column: 0)..<TextPosition(line: 7, column: 1), text: "x"), unit: .utf16)
        }
        #expect(text.lineText(1) == "- **O1** 培训🚀🚀 → JOB#R3")
        try text.apply(TextChange(range: nil, text: "whole"), unit: .utf8)
        #expect(text.text == "whole" && text.lineCount == 1)
    }
}
