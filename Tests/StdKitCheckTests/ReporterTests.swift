import Foundation
import Testing
import StdKitSyntax
@testable import StdKitCheck

@Suite("Reporters")
struct ReporterTests {
    static let result = CheckResult(diagnostics: [
        Diagnostic(rule: "unresolved-reference", file: "courses/robot-programming.md", location: SourceLocation(line: 23, column: 44),
                   message: Message("unresolved-reference.no-item", ["written": .verbatim("JOB-WELD-ROBOT#R9"), "suggestion": Message.didYouMean("R2")]),
                   notes: [Diagnostic.Note(file: "jobs/welding-robot-operator.md", location: SourceLocation(line: 18, column: 3),
                                           message: Message("unresolved-reference.items-here", ["target": .verbatim("JOB-WELD-ROBOT")]))],
                   hint: Message("unresolved-reference.declares", ["target": .verbatim("JOB-WELD-ROBOT"), "items": .list(["R1", "R2"], .and)])),
        Diagnostic(rule: "unknown-field", severity: .warning, file: "jobs/a.md", location: SourceLocation(line: 4, column: 1),
                   message: Message("unknown-field.message", [
                       "field": .verbatim("titel"), "kind": .message(Message("common.kind.job-profile")), "suggestion": Message.didYouMean("title"),
                   ])),
    ], fileCount: 14)

    @Test func compilerStyleText() {
        #expect(TextReporter().report(Self.result) == """
            courses/robot-programming.md:23:44: error: reference 'JOB-WELD-ROBOT#R9' matches no item; did you mean 'R2'? [unresolved-reference]
                hint: JOB-WELD-ROBOT declares R1, R2
            jobs/welding-robot-operator.md:18:3: note: items of JOB-WELD-ROBOT are declared here
            jobs/a.md:4:1: warning: field 'titel' is not a field of job-profile; did you mean 'title'? [unknown-field]
            checked 14 files: 1 error, 1 warning

            """)
    }

    /// A line break in a message or a path would end the workflow command, and what follows
    /// would be read as a command of its own — `"\r\n"` too, which is one `Character`.
    @Test func gitHubCommandsStayOnOneLine() {
        let result = CheckResult(diagnostics: [
            Diagnostic(rule: "front-matter-invalid", file: "a,b:c.md", location: SourceLocation(line: 2, column: 1),
                       message: .test("100% broken\r\n::add-mask::secret\n\"\u{301}")),
        ], fileCount: 1)
        let lines = GitHubReporter().report(result).split(separator: "\n")
        #expect(lines.count == 2)
        // Built outside `#expect`, whose expansion cannot hold a quote before a combining mark.
        let expected = "::error file=a%2Cb%3Ac.md,line=2,col=1,title=front-matter-invalid::100%25 broken%0D%0A::add-mask::secret%0A\"\u{301}"
        #expect(lines.first.map(String.init) == expected)
    }

    /// Each finding quotes its own line, with a caret under its column (two cells per Chinese
    /// character): lines end as cmark ends them (CRLF, a lone CR), and a file without a text
    /// (or a line past its end) is reported without a quote.
    @Test func findingsQuoteTheirLines() {
        let texts = ["a.md": "# 标题\r\n\r\n见 [x](y.md)\r\n", "b.md": "one\rtwo\rthree"]
        let result = CheckResult(diagnostics: [
            Diagnostic(rule: "broken-link", file: "a.md", location: SourceLocation(line: 3, column: 3), message: .test("m1")),
            Diagnostic(rule: "broken-link", file: "a.md", location: SourceLocation(line: 9, column: 1), message: .test("m2")),
            Diagnostic(rule: "broken-link", file: "b.md", location: SourceLocation(line: 2, column: 2), message: .test("m3")),
            Diagnostic(rule: "broken-link", file: "c.md", location: SourceLocation(line: 1, column: 1), message: .test("m4")),
        ], fileCount: 3)
        #expect(TextReporter(sourceTexts: { texts[$0] }).report(result) == """
            a.md:3:3: error: m1 [broken-link]
             3 | 见 [x](y.md)
               |    ^
            a.md:9:1: error: m2 [broken-link]
            b.md:2:2: error: m3 [broken-link]
             2 | two
               |  ^
            c.md:1:1: error: m4 [broken-link]
            checked 3 files: 4 errors

            """)
    }

    /// A report of thousands of findings, formatted in pieces on every core, is the same text,
    /// in the same order, as each finding written one after the other; it reaches `write` in
    /// several pieces, none of them the whole.
    @Test func largeReportInOrderFromPieces() {
        var diagnostics: [Diagnostic] = []
        var texts: [String: String] = [:]
        var expected = ""
        for file in 0..<40 {
            let name = "docs/file-\(file).md"
            let count = file == 7 ? 1_200 : (file * 37) % 300 + 1
            texts[name] = (1...count).map { "line \($0) of \(file)" }.joined(separator: "\n")
            for line in 1...count {
                diagnostics.append(Diagnostic(rule: "broken-link", file: name, location: SourceLocation(line: line, column: 1), message: .test("m\(file).\(line)")))
                let gutter = String(line)
                expected += "\(name):\(line):1: error: m\(file).\(line) [broken-link]\n"
                expected += " \(gutter) | line \(line) of \(file)\n \(String(repeating: " ", count: gutter.count)) | ^\n"
            }
        }
        expected += "checked 40 files: \(diagnostics.count) errors\n"
        let result = CheckResult(diagnostics: diagnostics, fileCount: 40)
        var written: [String] = []
        let sources = texts
        TextReporter(sourceTexts: { sources[$0] }).report(result) { written.append($0) }
        #expect(written.joined() == expected)
        #expect(written.count > 10)
        #expect(diagnostics.count > 5_000)

        let pieces = TextReporter.pieces(of: diagnostics, size: 256)
        #expect(pieces.flatMap { Array($0) } == Array(diagnostics.indices))
        for piece in pieces.dropLast() {
            #expect(piece.count >= 256)
            #expect(diagnostics[piece.upperBound].file != diagnostics[piece.upperBound - 1].file, "a piece ends with a file")
        }
        #expect(TextReporter.pieces(of: [], size: 256).isEmpty)
    }

    @Test func cleanSummary() {
        #expect(TextReporter().report(CheckResult(diagnostics: [], fileCount: 1)) == "checked 1 file: no problems\n")
        #expect(TextReporter(language: .zhCN).report(CheckResult(diagnostics: [], fileCount: 1)) == "已检查 1 个文件：未发现问题\n")
    }

    @Test func chineseText() {
        #expect(TextReporter(language: .zhCN).report(Self.result) == """
            courses/robot-programming.md:23:44: 错误: 引用“JOB-WELD-ROBOT#R9”找不到对应条目；是否想写“R2”？ [unresolved-reference]
                建议：JOB-WELD-ROBOT 声明的条目有 R1、R2
            jobs/welding-robot-operator.md:18:3: 附注: JOB-WELD-ROBOT 的条目在此声明
            jobs/a.md:4:1: 警告: “titel”不是岗位能力标准的字段；是否想写“title”？ [unknown-field]
            已检查 14 个文件：1 个错误、1 个警告

            """)
    }

    @Test func jsonEnvelope() throws {
        let json = JSONReporter().report(Self.result)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "1")
        #expect(object["summary"] as? [String: Int] == ["errors": 1, "warnings": 1, "notes": 1, "files": 14])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 2)
        #expect(diagnostics[0]["rule"] as? String == "unresolved-reference")
        #expect(diagnostics[0]["severity"] as? String == "error")
        #expect(diagnostics[0]["file"] as? String == "courses/robot-programming.md")
        #expect(diagnostics[0]["line"] as? Int == 23)
        #expect(diagnostics[0]["column"] as? Int == 44)
        let notes = try #require(diagnostics[0]["notes"] as? [[String: Any]])
        #expect(notes.first?["line"] as? Int == 18)
        #expect(notes.first?["file"] as? String == "jobs/welding-robot-operator.md")
        #expect(diagnostics[1]["hint"] == nil)
        #expect(json.contains("did you mean 'R2'?"), "non-ASCII and quotes are written as they are")
    }

    /// A finding with a fix on a Chinese line: `- **LO1** 会开机 → JOB-A#R3`, R3 at columns 23–25
    /// in characters (31 in UTF-8 bytes, 23 in UTF-16 code units: the line is in the BMP).
    static let fixed = CheckResult(diagnostics: [
        Diagnostic(rule: "unresolved-reference", file: "课程/c.md", location: SourceLocation(line: 7, column: 17),
                   message: Message("unresolved-reference.no-item", ["written": .verbatim("JOB-A#R3"), "suggestion": Message.didYouMean("R1")]),
                   fixes: [Fix(title: Message("common.fix.replace", ["old": .verbatim("R3"), "new": .verbatim("R1")]),
                               edits: [Fix.Edit(file: "课程/c.md", range: SourceLocation(line: 7, column: 23)..<SourceLocation(line: 7, column: 25), text: "R1")])]),
    ], fileCount: 2)

    @Test func jsonFixes() throws {
        let json = JSONReporter(language: .zhCN).report(Self.fixed)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let diagnostic = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        let fixes = try #require(diagnostic["fixes"] as? [[String: Any]])
        #expect(fixes.count == 1)
        #expect(fixes[0]["title"] as? String == "将“R3”改为“R1”")
        let edits = try #require(fixes[0]["edits"] as? [[String: Any]])
        #expect(edits.count == 1)
        #expect(edits[0]["file"] as? String == "课程/c.md")
        #expect(edits[0]["line"] as? Int == 7)
        #expect(edits[0]["column"] as? Int == 23)
        #expect(edits[0]["endLine"] as? Int == 7)
        #expect(edits[0]["endColumn"] as? Int == 25)
        #expect(edits[0]["text"] as? String == "R1")
        // Without fixes the key is left out, as `hint` is: the envelope is as it was.
        #expect(!JSONReporter().report(Self.result).contains("\"fixes\""))
    }

    @Test func sarifFixes() throws {
        let sarif = SARIFReporter(rules: [], toolVersion: "0", language: .en).report(Self.fixed)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        // The columns of the fix are the model's: the run counts code points.
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        let fixes = try #require(result["fixes"] as? [[String: Any]])
        #expect(fixes.count == 1)
        #expect((fixes[0]["description"] as? [String: Any])?["text"] as? String == "replace 'R3' with 'R1'")
        let changes = try #require(fixes[0]["artifactChanges"] as? [[String: Any]])
        #expect(changes.count == 1)
        #expect((changes[0]["artifactLocation"] as? [String: Any])?["uri"] as? String == "%E8%AF%BE%E7%A8%8B/c.md")
        let replacements = try #require(changes[0]["replacements"] as? [[String: Any]])
        #expect(replacements.count == 1)
        #expect(replacements[0]["deletedRegion"] as? [String: Int] == ["startLine": 7, "startColumn": 23, "endLine": 7, "endColumn": 25])
        #expect((replacements[0]["insertedContent"] as? [String: Any])?["text"] as? String == "R1")
        let plain = SARIFReporter(rules: [], toolVersion: "0").report(Self.result)
        #expect(!plain.contains("\"fixes\""))
    }
}
