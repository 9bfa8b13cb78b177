import Testing
@testable import StdKitSyntax

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
        let pieces = ["a", "long ASCII run of text", "课程", "é", "\n", "\r\n", "\r", "|", " ", "😀", "能完成日常点检并填写记录"]
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

@Suite("Positioned text")
struct PositionedTextTests {
    /// Every scalar of a range has the line and column the file gives it — first and last lines
    /// cut at the range, line breaks just past their line's last character — counted here one
    /// scalar at a time over the file's lines.
    @Test func everyScalarAtItsPlaceInTheFile() {
        let text = "# 标题\n\n- **LO1** 能按照安全规程 → JOB-1#R2,\n  JOB-2#R3 {level=3}\n\n\tx → y\n末行 ünï\n"
        let source = SourceText(text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        var ranges: [StdKitSyntax.SourceRange] = []
        for startLine in 1...7 {
            for startColumn in 1...4 {
                for endLine in startLine...7 {
                    for endColumn in [1, 2, 5, 30] where endLine > startLine || endColumn > startColumn {
                        ranges.append(StdKitSyntax.SourceLocation(line: startLine, column: startColumn)..<StdKitSyntax.SourceLocation(line: endLine, column: endColumn))
                    }
                }
            }
        }
        for range in ranges {
            var scalars: [Unicode.Scalar] = []
            var places: [StdKitSyntax.SourceLocation] = []
            for line in range.lowerBound.line...range.upperBound.line {
                let row = lines[line - 1]
                for (offset, scalar) in row.enumerated() {
                    let column = offset + 1
                    if line == range.upperBound.line && column >= range.upperBound.column { break }
                    if line == range.lowerBound.line && column < range.lowerBound.column { continue }
                    scalars.append(scalar)
                    places.append(StdKitSyntax.SourceLocation(line: line, column: column))
                }
                if line < range.upperBound.line {
                    scalars.append("\n")
                    places.append(StdKitSyntax.SourceLocation(line: line, column: row.count + 1))
                }
            }
            let positioned = PositionedText(source: source, range: range)
            #expect(positioned.scalars == scalars, "\(range)")
            #expect((0..<scalars.count).map(positioned.location(at:)) == places, "\(range)")
            #expect(positioned.location(at: scalars.count) == range.upperBound)
            #expect(positioned.locations(from: 1, to: scalars.count + 3) == Array(places.dropFirst()), "\(range)")
        }
    }
}
