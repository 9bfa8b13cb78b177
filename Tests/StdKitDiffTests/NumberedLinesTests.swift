import Foundation
import StdKitSyntax
import Testing
@testable import StdKitDiff

/// The merge's lines as numbered byte ranges: the same lines as `TextLines`, and the same number
/// exactly when the bytes are the same.
@Suite("Numbered lines")
struct NumberedLinesTests {
    @Test func linesAreTextLinesAndNumbersFollowTheBytes() {
        let base = "甲\r\n乙\n甲\n", ours = "乙\n甲\r\nCaf\u{E9}\n甲", theirs = ""
        let lines = NumberedLines([base[...], ours[...], theirs[...]])
        // The same lines as `TextLines.split`, each as a byte range of its text.
        for (text, string) in [base, ours, theirs].enumerated() {
            #expect(lines.lines(text, 0..<lines.count(text)) == TextLines.split(string))
        }
        #expect(lines.starts == [[0, 5, 9, 13], [0, 4, 9, 15, 18], [0]])
        // 甲 with CRLF, with LF and without an ending are three different lines.
        #expect(lines.numbers == [[0, 1, 2], [1, 0, 3, 4], []])
        #expect(lines.distinct == 5)
        #expect(lines.substring(1, 1..<3) == "甲\r\nCaf\u{E9}\n")
        let endings = [(0, 0), (1, 0), (1, 3)].map { lines.ending($0.0, $0.1) }
        #expect(endings.map(\.lineFeed) == [true, true, false])
        #expect(endings.map(\.carriageReturn) == [true, false, false])
    }

    @Test func aBodyIsReadInPlaceWithOffsetsFromItsStart() {
        // A document's body after its front matter: offsets and pieces count from the body.
        let document = "---\nid: 甲\n---\n乙\r\n丙"
        let body = document[document.index(document.startIndex, offsetBy: 14)...]
        #expect(body == "乙\r\n丙")
        let lines = NumberedLines([body])
        #expect(lines.starts == [[0, 5, 8]])
        #expect(lines.substring(0, 1..<2) == "丙")
        #expect(lines.lines(0, 0..<2) == ["乙\r\n", "丙"])
        #expect(lines.ending(0, 0).carriageReturn)
    }

    @Test func unicodeNormalisationIsADifferentLine() {
        let lines = NumberedLines(["Caf\u{65}\u{301}\n", "Caf\u{E9}\n", "Caf\u{65}\u{301}\n"])
        #expect(lines.numbers == [[0], [1], [0]])
    }

    @Test func theTableGrowsPastItsCapacityAndKeepsItsNumbers() {
        let text = (0..<300).map { "第 \($0 % 150) 行\n" }.joined()
        let lines = NumberedLines([text[...]])
        // Sized for one string, it must grow to hold 150 and find each again.
        var table = ByteLineTable(capacity: 1)
        var text2 = text
        let numbers = text2.withUTF8 { bytes in
            (0..<lines.count(0)).map { line -> Int in
                let range = lines.starts[0][line]..<lines.starts[0][line + 1]
                let hash = LineKey.hash(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[range]))
                return table.number(hash: hash, text: 0, bytes: range, in: [bytes])
            }
        }
        #expect(numbers == (0..<300).map { $0 % 150 })
        #expect(table.count == 150)
        #expect(lines.numbers[0] == numbers)
    }

    @Test func contentLineBoundsAreTheTrimmedLines() {
        var text = "  ---\n\t甲 \r\n\n甲\n...\n-- -\n\r x"
        let bounds = text.withUTF8(Verifier.contentLineBounds)
        #expect(bounds == [7..<10, 14..<17, 22..<26, 27..<30])
    }
}
