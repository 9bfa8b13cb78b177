import Testing
@testable import StdKitSyntax

@Suite("Front matter")
struct FrontMatterTests {
    @Test func closedWithDashesKeepsLineNumbers() {
        let split = FrontMatter("---\nid: A\ntitle: T\n---\n# Heading\n")
        #expect(split.state == .closed)
        #expect(split.yaml == "id: A\ntitle: T")
        #expect(split.yamlFirstLine == 2)
        #expect(split.closingLine == 4)
        #expect(split.body == "\n\n\n\n# Heading\n")
    }

    @Test func closedWithDots() {
        let split = FrontMatter("---\nid: A\n...\nbody\n")
        #expect(split.state == .closed)
        #expect(split.yaml == "id: A")
        #expect(split.body == "\n\n\nbody\n")
    }

    @Test func crlfLineEndingsArePreservedInTheBody() {
        let split = FrontMatter("---\r\nid: A\r\n---\r\n# H\r\n")
        #expect(split.state == .closed)
        #expect(split.yaml == "id: A")
        #expect(split.body == "\r\n\r\n\r\n# H\r\n")
    }

    @Test func laterDashLinesAreBody() {
        let split = FrontMatter("---\nid: A\n---\n\ntext\n\n---\n\nmore\n")
        #expect(split.yaml == "id: A")
        #expect(split.body.hasSuffix("text\n\n---\n\nmore\n"))
    }

    @Test func noFrontMatterIsAPage() {
        let split = FrontMatter("# Title\n---\n")
        #expect(split.state == .absent)
        #expect(split.body == "# Title\n---\n")
    }

    @Test func dashesNotOnTheFirstLineAreNotFrontMatter() {
        #expect(FrontMatter("\n---\nid: A\n---\n").state == .absent)
    }

    @Test func unclosedFrontMatter() {
        let split = FrontMatter("---\nid: A\ntitle: T\n")
        #expect(split.state == .unclosed)
        #expect(split.body == "---\nid: A\ntitle: T\n")
    }

    @Test func emptyFrontMatter() {
        let split = FrontMatter("---\n---\nbody")
        #expect(split.state == .closed)
        #expect(split.yaml == "")
        #expect(split.body == "\n\nbody")
    }

    /// The YAML and the blanked body are what the lines give, read one by one: for front matter
    /// all in LF (read without keeping its lines) and in CRLF, CR or a mix (read line by line).
    @Test func yamlAndBodyAreTheLinesOneByOne() {
        func expected(_ text: String) -> (yaml: String, body: String, closingLine: Int)? {
            var reader = LineReader(text)
            var lines: [(content: Substring, ending: Substring)] = []
            while let line = reader.next() { lines.append(line) }
            guard let first = lines.first, FrontMatter.isDelimiter(first.content, allowDots: false),
                  let close = lines.indices.dropFirst().first(where: { FrontMatter.isDelimiter(lines[$0].content, allowDots: true) })
            else { return nil }
            let yaml = lines[1..<close].map(\.content).joined(separator: "\n")
            let endings = lines[...close].map(\.ending).joined()
            let rest = lines[(close + 1)...].map { $0.content + $0.ending }.joined()
            return (yaml, endings + rest, close + 1)
        }
        let texts = [
            "---\nid: A\ntitle: 课程\n---\n# H\n", "---\n---\n", "---\n---", "---\nid: A\n---", "---\nid: A\n...  \nbody",
            "---\r\nid: A\r\n---\r\nbody\r\n", "---\rid: A\r---\rbody", "---\nid: A\r\ntitle: T\n---\nbody",
            "---\r\nid: A\ntitle: T\n---\r\nbody", "---\nid: A\ntitle: T\n---\r\nbody\n", "--- \t\nid: A\n\n\nk: v\n---\n\n---\nx\n",
            "\u{FEFF}---\nid: A\n---\nbody\n",
        ]
        for text in texts {
            let split = FrontMatter(text)
            let unmarked = text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.dropFirst()) : text
            guard let wanted = expected(unmarked) else {
                Issue.record("not closed: \(text.debugDescription)")
                continue
            }
            #expect(split.state == .closed, "\(text.debugDescription)")
            #expect(split.yaml == wanted.yaml, "\(text.debugDescription)")
            #expect(split.body == wanted.body, "\(text.debugDescription)")
            #expect(split.closingLine == wanted.closingLine, "\(text.debugDescription)")
            #expect(split.text == text, "\(text.debugDescription)")
        }
    }

    /// The delimiter read on bytes is the delimiter read as characters: `---` or `...`, then only
    /// spaces and tabs — a combining mark or a full-width space after it is not.
    @Test func delimitersOnBytesAsByCharacters() {
        func byCharacters(_ line: Substring, allowDots: Bool) -> Bool {
            var trimmed = line
            while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
            return trimmed == "---" || (allowDots && trimmed == "...")
        }
        let marks = ["---", "...", "--", "----", "-.-", "..", "—", "- --", "", "x---"]
        let tails = ["", " ", "\t", " \t ", "\u{301}", " \u{301}", "\u{3000}", "x", " -", "\u{200B}"]
        for mark in marks {
            for tail in tails {
                for line in [mark + tail, " " + mark + tail] {
                    for allowDots in [false, true] {
                        #expect(FrontMatter.isDelimiter(Substring(line), allowDots: allowDots) == byCharacters(Substring(line), allowDots: allowDots),
                                "\(line.debugDescription) allowDots: \(allowDots)")
                    }
                }
            }
        }
    }

    @Test func delimiterMayHaveTrailingSpaces() {
        #expect(FrontMatter("---  \nid: A\n--- \n").state == .closed)
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
        func reference(_ text: String) -> (FrontMatter.State, String, Int?, String) {
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
            guard FrontMatter.isDelimiter(Substring(lines[0].content), allowDots: false) else { return (.absent, "", nil, text) }
            guard let closing = lines.indices.dropFirst().first(where: { FrontMatter.isDelimiter(Substring(lines[$0].content), allowDots: true) }) else {
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
            let split = FrontMatter(text)
            let expected = reference(text)
            #expect(split.state == expected.0 && split.yaml == expected.1 && split.closingLine == expected.2 && split.body == expected.3, "\(text.debugDescription)")
            kinds.insert("\(split.state)")
        }
        #expect(kinds == ["absent", "closed", "unclosed"])
    }

    // MARK: One rule for what is front matter, and the parts as written

    /// An indented first line is no delimiter: Jekyll, Hugo and pandoc want `---` at the first
    /// byte, and CommonMark reads ` ---` as a thematic break.
    @Test func anIndentedFirstLineIsNotFrontMatter() {
        let text = " ---\nid: A\n---\n# H\n"
        let split = FrontMatter(text)
        #expect(split.state == .absent)
        #expect(split.block == nil)
        #expect(split.body == text)
        #expect(split.rest == Substring(text))
        #expect(DocumentParser.parse(bytes: Array(text.utf8), path: "a.md").frontMatter == nil)
    }

    /// Spaces and tabs after a delimiter are allowed and kept as written; anything else is not.
    @Test func trailingSpacesAreKeptAsWritten() {
        let split = FrontMatter("---  \nid: A\n---\t \nbody")
        #expect(split.state == .closed)
        #expect(split.opening == "---  \n")
        #expect(split.content == "id: A\n")
        #expect(split.closing == "---\t \n")
        #expect(split.rest == "body")
        #expect(split.body == "\n\n\nbody")
        #expect(FrontMatter("---x\nid: A\n---\n").state == .absent)
        #expect(FrontMatter("--- #\nid: A\n---\n").state == .absent)
    }

    /// A byte-order mark is recorded and kept out of every part; the first line after it opens.
    @Test func aByteOrderMarkIsNotPartOfTheFirstLine() {
        let text = "\u{FEFF}---\r\nid: A\r\n...\r\n# 标题\r\n"
        let split = FrontMatter(text)
        #expect(split.hasByteOrderMark)
        #expect(split.state == .closed)
        #expect(split.opening == "---\r\n")
        #expect(split.content == "id: A\r\n")
        #expect(split.closing == "...\r\n")
        #expect(split.rest == "# 标题\r\n")
        #expect(split.yaml == "id: A")
        #expect(split.yamlFirstLine == 2)
        #expect(split.closingLine == 3)
        #expect(split.body == "\r\n\r\n\r\n# 标题\r\n")
        #expect(split.text == text)
        #expect(FrontMatter("\u{FEFF} ---\nid: A\n---\n").state == .absent)
    }

    @Test func unclosedAndAbsentKeepTheWholeTextAsRest() {
        for text in ["---\nid: A\n", "# H\n---\nx: 1\n---\n", "", "\u{FEFF}---"] {
            let split = FrontMatter(text)
            #expect(split.text == text)
            #expect(split.opening.isEmpty && split.content.isEmpty && split.closing.isEmpty)
            #expect(split.block == nil)
            #expect(split.read(file: "a.md") == nil)
        }
        #expect(FrontMatter("---\nid: A\n").state == .unclosed)
        #expect(FrontMatter("\u{FEFF}---").state == .unclosed)
    }

    @Test func entriesKeepTheirTextKeysAndLines() throws {
        let text = "---\n# 说明\nid: C1\ntitle: 焊接\ntags:\n  - a\n  - b\n\n# 以下\nstatus: draft\n---\n正文\n"
        let split = FrontMatter(text)
        let entries = try #require(split.entries(file: "a.md"))
        #expect(entries.header == "# 说明\n")
        #expect(entries.entries.map(\.key) == ["id", "title", "tags", "status"])
        #expect(entries.entries.map(\.keyLocation) == [SourceLocation(line: 3, column: 1), SourceLocation(line: 4, column: 1),
                                                       SourceLocation(line: 5, column: 1), SourceLocation(line: 10, column: 1)])
        #expect(entries.entries.map(\.text) == ["id: C1\n", "title: 焊接\n", "tags:\n  - a\n  - b\n\n# 以下\n", "status: draft\n"])
        #expect(entries["title"]?.node.scalar == "焊接")
        #expect(entries["title"]?.node.location == SourceLocation(line: 4, column: 8))
        #expect(split.opening + entries.header + entries.entries.map(\.text).joined() + split.closing + split.rest == text)
        // Read once, passed on: the same entries from the parser's reading.
        let read = try #require(split.read(file: "a.md"))
        #expect(split.entries(of: read) == entries)
    }

    @Test func entriesAreNilWhereKeysCannotBeToldApart() {
        #expect(FrontMatter("---\nid: A\nid: B\n---\n").entries(file: "a.md") == nil, "a duplicated key")
        #expect(FrontMatter("---\nid: [A\n---\n").entries(file: "a.md") == nil, "invalid YAML")
        #expect(FrontMatter("---\n- a\n---\n").entries(file: "a.md") == nil, "a list")
        #expect(FrontMatter("---\n? [a, b]\n: c\n---\n").entries(file: "a.md") == nil, "a key that is not a scalar")
        #expect(FrontMatter("# H\n").entries(file: "a.md") == nil, "no front matter")
        #expect(FrontMatter("---\n# only a comment\n---\n").entries(file: "a.md") == FrontMatter.Entries(header: "# only a comment\n", entries: []))
    }
}
