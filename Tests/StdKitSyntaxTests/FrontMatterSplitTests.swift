import Testing
@testable import StdKitSyntax

@Suite("Front matter split")
struct FrontMatterSplitTests {
    @Test func closedWithDashesKeepsLineNumbers() {
        let split = FrontMatterSplit("---\nid: A\ntitle: T\n---\n# Heading\n")
        #expect(split.state == .closed)
        #expect(split.yaml == "id: A\ntitle: T")
        #expect(split.yamlFirstLine == 2)
        #expect(split.closingLine == 4)
        #expect(split.body == "\n\n\n\n# Heading\n")
    }

    @Test func closedWithDots() {
        let split = FrontMatterSplit("---\nid: A\n...\nbody\n")
        #expect(split.state == .closed)
        #expect(split.yaml == "id: A")
        #expect(split.body == "\n\n\nbody\n")
    }

    @Test func crlfLineEndingsArePreservedInTheBody() {
        let split = FrontMatterSplit("---\r\nid: A\r\n---\r\n# H\r\n")
        #expect(split.state == .closed)
        #expect(split.yaml == "id: A")
        #expect(split.body == "\r\n\r\n\r\n# H\r\n")
    }

    @Test func laterDashLinesAreBody() {
        let split = FrontMatterSplit("---\nid: A\n---\n\ntext\n\n---\n\nmore\n")
        #expect(split.yaml == "id: A")
        #expect(split.body.hasSuffix("text\n\n---\n\nmore\n"))
    }

    @Test func noFrontMatterIsAPage() {
        let split = FrontMatterSplit("# Title\n---\n")
        #expect(split.state == .absent)
        #expect(split.body == "# Title\n---\n")
    }

    @Test func dashesNotOnTheFirstLineAreNotFrontMatter() {
        #expect(FrontMatterSplit("\n---\nid: A\n---\n").state == .absent)
    }

    @Test func unclosedFrontMatter() {
        let split = FrontMatterSplit("---\nid: A\ntitle: T\n")
        #expect(split.state == .unclosed)
        #expect(split.body == "---\nid: A\ntitle: T\n")
    }

    @Test func emptyFrontMatter() {
        let split = FrontMatterSplit("---\n---\nbody")
        #expect(split.state == .closed)
        #expect(split.yaml == "")
        #expect(split.body == "\n\nbody")
    }

    @Test func delimiterMayHaveTrailingSpaces() {
        #expect(FrontMatterSplit("---  \nid: A\n--- \n").state == .closed)
    }

    @Test func unclosedIsReportedAtLineOne() {
        let parsed = DocumentParser.parse(bytes: Array("---\nid: A\n\n# 标题\n".utf8), path: "a.md")
        #expect(parsed.diagnostics.map(\.rule) == ["front-matter-unclosed"])
        #expect(parsed.diagnostics.first?.location == StdKitSyntax.SourceLocation(line: 1, column: 1))
        #expect(parsed.frontMatter == nil)
    }

    @Test func byteOrderMarkAndCRLFAreRecordedAndPositionsStayTrue() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\nid: A\r\ntitle: 标题\r\n---\r\n\r\n# 标题\r\n".utf8)
        let parsed = DocumentParser.parse(bytes: bytes, path: "a.md")
        #expect(parsed.hasByteOrderMark)
        #expect(parsed.lineEnding == "\r\n")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.frontMatter?["id"]?.scalar == "A")
        #expect(parsed.frontMatter?["id"]?.location == StdKitSyntax.SourceLocation(line: 2, column: 5))
        #expect(parsed.frontMatter?["title"]?.location == StdKitSyntax.SourceLocation(line: 3, column: 8))
        let heading = parsed.body.children.first
        #expect(heading?.kind == .heading(level: 1))
        #expect(heading?.range?.lowerBound == StdKitSyntax.SourceLocation(line: 6, column: 1))
    }

    @Test func frontMatterThatIsAListIsAnError() {
        let parsed = DocumentParser.parse(bytes: Array("---\n- a\n- b\n---\n".utf8), path: "a.md")
        #expect(parsed.diagnostics.map(\.rule) == ["front-matter-invalid"])
        #expect(parsed.diagnostics.first?.location == StdKitSyntax.SourceLocation(line: 2, column: 1))
        #expect(parsed.diagnostics.first?.message.english == "front matter is a list, not a mapping of fields")
    }

    @Test func frontMatterThatIsAScalarIsAnError() {
        let parsed = DocumentParser.parse(bytes: Array("---\njust text\n---\n".utf8), path: "a.md")
        #expect(parsed.diagnostics.map(\.rule) == ["front-matter-invalid"])
        #expect(parsed.diagnostics.first?.message.english == "front matter is a single value, not a mapping of fields")
    }

    /// The split reads only up to the closing delimiter; on random texts of delimiters, YAML-ish
    /// lines and every kind of line ending it gives what splitting every line gives.
    @Test func readingUpToTheClosingLineIsSplittingEveryLine() {
        func reference(_ text: String) -> (FrontMatterSplit.State, String, Int?, String) {
            var lines: [(content: String, ending: String)] = []
            var content = String.UnicodeScalarView()
            var scalars = Array(text.unicodeScalars)[...]
            while let scalar = scalars.popFirst() {
                if scalar == "\n" || scalar == "\r" {
                    var ending = String(scalar)
                    if scalar == "\r", scalars.first == "\n" { scalars.removeFirst(); ending = "\r\n" }
                    lines.append((String(content), ending))
                    content = String.UnicodeScalarView()
                } else {
                    content.append(scalar)
                }
            }
            if !content.isEmpty || lines.isEmpty { lines.append((String(content), "")) }
            guard FrontMatterSplit.isDelimiter(Substring(lines[0].content), allowDots: false) else { return (.absent, "", nil, text) }
            guard let closing = lines.indices.dropFirst().first(where: { FrontMatterSplit.isDelimiter(Substring(lines[$0].content), allowDots: true) }) else {
                return (.unclosed, "", nil, text)
            }
            return (.closed, lines[1..<closing].map(\.content).joined(separator: "\n"), closing + 1,
                    lines[0...closing].map(\.ending).joined() + lines[(closing + 1)...].map { $0.content + $0.ending }.joined())
        }
        let pieces = ["---", "--- ", "...", "id: A", "标题: 课程", "", "# H", "- x"]
        let endings = ["\n", "\r\n", "\r", ""]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ count: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(count))
        }
        var kinds: Set<String> = []
        for _ in 0..<3_000 {
            let text = (0..<next(7)).map { _ in pieces[next(pieces.count)] + endings[next(endings.count)] }.joined()
            let split = FrontMatterSplit(text)
            let expected = reference(text)
            #expect(split.state == expected.0 && split.yaml == expected.1 && split.closingLine == expected.2 && split.body == expected.3, "\(text.debugDescription)")
            kinds.insert("\(split.state)")
        }
        #expect(kinds == ["absent", "closed", "unclosed"])
    }
}
