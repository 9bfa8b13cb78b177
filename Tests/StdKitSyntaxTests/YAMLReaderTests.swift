import Testing
@testable import StdKitSyntax

@Suite("YAML with positions")
struct YAMLReaderTests {
    /// Scalars that YAML 1.1 would mistype stay the text written.
    @Test(arguments: [
        ("version: 1.10", "version", "1.10"),
        ("code: 0012", "code", "0012"),
        ("flag: no", "flag", "no"),
        ("flag: yes", "flag", "yes"),
        ("date: 2026-11-20", "date", "2026-11-20"),
        ("occupation: 6-31-01-10", "occupation", "6-31-01-10"),
        ("octal: 0o17", "octal", "0o17"),
        ("hex: 0x1F", "hex", "0x1F"),
        ("quoted: '1.10'", "quoted", "1.10"),
        ("tilde: ~", "tilde", "~"),
    ])
    func scalarsStayAsWritten(yaml: String, key: String, expected: String) throws {
        let result = YAMLReader.read(yaml, file: "a.md")
        #expect(result.diagnostics.isEmpty)
        #expect(result.root?[key]?.scalar == expected)
    }

    @Test func nullIsRecognisedOnlyUnquoted() {
        let root = YAMLReader.read("a: ~\nb: ''\nc:\nd: null\ne: 'null'", file: "a.md").root
        #expect(root?["a"]?.isNull == true)
        #expect(root?["b"]?.isNull == false)
        #expect(root?["c"]?.isNull == true)
        #expect(root?["d"]?.isNull == true)
        #expect(root?["e"]?.isNull == false)
    }

    @Test func positionsAreFileLinesAndCharacterColumns() {
        let root = YAMLReader.read("title: 焊接机器人\nparties: [szpt, acme-auto]\nmajor:\n  name: 工业机器人技术\n  code: \"460305\"", file: "a.md", firstLine: 2).root
        #expect(root?.pair("title")?.key.location == StdKitSyntax.SourceLocation(line: 2, column: 1))
        #expect(root?["title"]?.location == StdKitSyntax.SourceLocation(line: 2, column: 8))
        #expect(root?["parties"]?.sequence?.map(\.location) == [StdKitSyntax.SourceLocation(line: 3, column: 11), StdKitSyntax.SourceLocation(line: 3, column: 17)])
        #expect(root?["major"]?["code"]?.location == StdKitSyntax.SourceLocation(line: 6, column: 9))
        #expect(root?["major"]?["code"]?.value == .scalar("460305", .doubleQuoted))
    }

    @Test func syntaxErrorIsReportedWhereTheReaderStopped() throws {
        let result = YAMLReader.read("id: A\ntitle: \"unclosed\nkind: course", file: "a.md", firstLine: 2)
        #expect(result.root == nil)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.rule == "front-matter-invalid")
        #expect(diagnostic.location.line >= 3)
        #expect(diagnostic.message.english.hasPrefix("front matter is not valid YAML"))
    }

    @Test func tabIndentationHasItsOwnHint() throws {
        let result = YAMLReader.read("major:\n\tname: x", file: "a.md", firstLine: 2)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.rule == "front-matter-invalid")
        #expect(diagnostic.location == StdKitSyntax.SourceLocation(line: 3, column: 1))
        #expect(diagnostic.hint?.english == "indent YAML with spaces, not tabs")
    }

    @Test func duplicateKeyNamesBothLines() throws {
        let result = YAMLReader.read("id: A\ntitle: 一\nversion: 1.0.0\ntitle: 二", file: "a.md", firstLine: 2)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.rule == "duplicate-key")
        #expect(diagnostic.location == StdKitSyntax.SourceLocation(line: 5, column: 1))
        #expect(diagnostic.message.english == "key 'title' is defined more than once (lines 3, 5)")
        #expect(diagnostic.notes.map(\.location) == [StdKitSyntax.SourceLocation(line: 3, column: 1)])
    }

    @Test func aliasExpansionIsBounded() throws {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g"] {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        let result = YAMLReader.read(yaml, file: "a.md")
        #expect(result.root == nil)
        #expect(result.diagnostics.map(\.rule) == ["resource-limit"])
    }

    @Test func nestingIsBounded() throws {
        let deep = "id: A\nx: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let result = YAMLReader.read(deep, file: "a.md", firstLine: 2)
        #expect(result.root == nil)
        #expect(result.diagnostics.map(\.rule) == ["resource-limit"])
        #expect(result.diagnostics.first?.message.english == "front matter is nested more than 1000 levels deep; it is not read")
        let fine = "x: " + String(repeating: "[", count: 900) + String(repeating: "]", count: 900) + "\n"
        #expect(YAMLReader.read(fine, file: "a.md").diagnostics.isEmpty, "900 levels are read")
    }
}
