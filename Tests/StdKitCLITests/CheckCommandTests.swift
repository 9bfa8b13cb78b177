import Foundation
import Testing
import StdKitCheck
import StdKitSyntax
@testable import StdKitCLI

@Suite("stdkit check")
struct CheckCommandTests {
    @Test func validProjectPrintsOnlyTheSummary() async {
        let run = await CLIRun.run(["check", CLIRun.allForms])
        #expect(run.status == 0)
        // all-forms says `lang: zh-CN`: its check speaks Chinese unless told otherwise.
        #expect(run.output == "已检查 6 个文件：未发现问题\n")
        #expect(await CLIRun.run(["check", "--lang", "en", CLIRun.allForms]).output == "checked 6 files: no problems\n")
        #expect(run.errors == "")
    }

    @Test func minimalExamplePasses() async {
        let run = await CLIRun.run(["check", "examples/minimal"])
        #expect(run.status == 0)
        #expect(run.output == "checked 2 files: no problems\n")
    }

    @Test func brokenFixturePrintsCompilerStyleLinesAndExitsOne() async {
        let run = await CLIRun.run(["check", "\(CLIRun.checkFixtures)/unresolved-reference"])
        #expect(run.status == 1)
        let base = "\(CLIRun.checkFixtures)/unresolved-reference"
        #expect(run.output == """
            \(base)/courses/robot-programming.md:5:17: error: reference 'COURSE-BASIC' matches no document [unresolved-reference]
             5 | prerequisites: [COURSE-BASIC]
               |                 ^
                hint: check the document id, or add the document to the project
            \(base)/courses/robot-programming.md:10:26: error: reference 'JOB-WELD#R9' matches no item; did you mean 'R1'? [unresolved-reference]
             10 | - **LO1** 能编写并调试弧焊轨迹程序 → JOB-WELD#R9, JOB-WLD#R1, #LO3
                |                                      ^
                hint: JOB-WELD declares R1, R2
            \(base)/jobs/welding.md:12:5: note: items of JOB-WELD are declared here
            \(base)/courses/robot-programming.md:10:39: error: reference 'JOB-WLD#R1' matches no document; did you mean 'JOB-WELD'? [unresolved-reference]
             10 | - **LO1** 能编写并调试弧焊轨迹程序 → JOB-WELD#R9, JOB-WLD#R1, #LO3
                |                                                   ^
                hint: check the document id, or add the document to the project
            \(base)/courses/robot-programming.md:10:51: error: reference '#LO3' matches no item; did you mean 'LO1'? [unresolved-reference]
             10 | - **LO1** 能编写并调试弧焊轨迹程序 → JOB-WELD#R9, JOB-WLD#R1, #LO3
                |                                                               ^
                hint: COURSE-ROBOT-PROG declares LO1
            \(base)/courses/robot-programming.md:10:5: note: items of COURSE-ROBOT-PROG are declared here
            checked 2 files: 4 errors

            """)
    }

    @Test func pathsAreShownRelativeToTheCurrentFolder() async {
        let folder = CLIRun.repository.appendingPathComponent("\(CLIRun.checkFixtures)/invalid-utf8")
        let run = await CLIRun.run(["check"], in: folder)
        #expect(run.status == 1)
        #expect(run.output.hasPrefix("course.md:7:4: error: file is not valid UTF-8 [invalid-utf8]\n"))
    }

    @Test func everyBrokenFixtureExitsOne() async throws {
        let names = try FileManager.default.contentsOfDirectory(
            atPath: CLIRun.repository.appendingPathComponent(CLIRun.checkFixtures).path)
        #expect(names.count >= 15)
        for name in names {
            let run = await CLIRun.run(["check", "\(CLIRun.checkFixtures)/\(name)"])
            #expect(run.status == 1, "\(name) should fail the check")
        }
    }

    @Test func warningsAloneExitZeroUnlessAskedOtherwise() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "---\nid: C1\nkind: course\ntitle: 课程\ntitel: 拼错\n---\n".write(
            to: folder.appendingPathComponent("c.md"), atomically: true, encoding: .utf8)
        let plain = await CLIRun.run(["check", folder.path])
        #expect(plain.status == 0)
        #expect(plain.output.contains("warning: field 'titel' is not a field of course; did you mean 'title'? [unknown-field]"))
        let strict = await CLIRun.run(["check", "--warnings-as-errors", folder.path])
        #expect(strict.status == 1)
    }

    @Test func jsonFormat() async throws {
        let run = await CLIRun.run(["check", "--format", "json", "\(CLIRun.checkFixtures)/duplicate-item-id"])
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "1")
        #expect(object["summary"] as? [String: Int] == ["errors": 1, "warnings": 0, "notes": 1, "files": 1])
        let diagnostic = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(diagnostic["file"] as? String == "\(CLIRun.checkFixtures)/duplicate-item-id/job.md")
        #expect(diagnostic["line"] as? Int == 14)
        #expect(diagnostic["column"] as? Int == 5)
        #expect(diagnostic["rule"] as? String == "duplicate-item-id")
    }

    @Test func aSingleFileIsCheckedInItsProject() async {
        let run = await CLIRun.run(["check", "\(CLIRun.checkFixtures)/unresolved-reference/jobs/welding.md"])
        #expect(run.status == 0)
        #expect(run.output == "checked 1 file: no problems\n")
    }

    @Test func missingPathIsAnIOFailure() async {
        let run = await CLIRun.run(["check", "no/such/folder"])
        #expect(run.status == 2)
        #expect(run.errors == "error: no such file or folder: no/such/folder\n")
        #expect(run.output == "")
    }

    @Test func unknownOptionIsAUsageError() async {
        let run = await CLIRun.run(["check", "--colour"])
        #expect(run.status == 2)
        #expect(run.errors.contains("Unknown option '--colour'"))
    }

    /// The caret stands under the column by display width: each Chinese character takes two
    /// cells of the terminal.
    @Test func caretIsPlacedByDisplayWidth() async throws {
        let run = await CLIRun.run(["check", "\(CLIRun.checkFixtures)/unresolved-reference"])
        let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let source = try #require(lines.firstIndex { $0.hasPrefix(" 10 | - **LO1**") })
        let caret = lines[source + 1]
        let cells = TerminalText.width(of: caret.prefix(while: { $0 != "^" }))
        let target = lines[source].prefix(while: { $0 != "J" })
        #expect(cells == TerminalText.width(of: target), "the first caret must stand under 'JOB-WELD#R9'")
    }

    @Test func colourOnlyWhenAskedAndNotUnderNoColor() async throws {
        let path = "\(CLIRun.checkFixtures)/duplicate-key"
        let plain = await CLIRun.run(["check", path])
        #expect(!plain.output.contains("\u{1B}["))
        let coloured = await CLIRun.run(["check", "--color", "always", path])
        #expect(coloured.output.contains("\u{1B}[1;31merror\u{1B}[0m"))
        let vetoed = await CLIRun.run(["check", "--color", "always", path], variables: ["NO_COLOR": "1"])
        #expect(!vetoed.output.contains("\u{1B}["))
        let terminal = await CLIRun.run(["check", path], outputIsTerminal: true)
        #expect(terminal.output.contains("\u{1B}[1;31merror"))
        let terminalNoColor = await CLIRun.run(["check", path], outputIsTerminal: true, variables: ["NO_COLOR": "yes"])
        #expect(!terminalNoColor.output.contains("\u{1B}["))
    }

    @Test func onlyReportsTheNamedRules() async {
        let run = await CLIRun.run(["check", "--only", "unresolved-reference", "--only", "duplicate-key", "\(CLIRun.checkFixtures)/one-bad-file-does-not-stop-others"])
        #expect(run.status == 1)
        #expect(run.output.contains("[unresolved-reference]"))
        #expect(!run.output.contains("[front-matter-invalid]"))
        let unknown = await CLIRun.run(["check", "--only", "unresolved-refrence"])
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("'unresolved-refrence' is not a rule; did you mean 'unresolved-reference'?"))
    }

    @Test func githubWorkflowCommands() async {
        let run = await CLIRun.run(["check", "--format", "github", "\(CLIRun.checkFixtures)/duplicate-key"])
        #expect(run.status == 1)
        let first = run.output.split(separator: "\n").first.map(String.init)
        #expect(first == "::error file=\(CLIRun.checkFixtures)/duplicate-key/course.md,line=5,col=1,title=duplicate-key::key 'title' is defined more than once (lines 4, 5)%0Ahint: keep one 'title' and delete the other%0A\(CLIRun.checkFixtures)/duplicate-key/course.md:4:1: 'title' is first defined here")
    }

    /// The properties SARIF 2.1.0 requires, and those code-scanning services read.
    @Test func sarifHasTheRequiredProperties() async throws {
        let run = await CLIRun.run(["check", "--format", "sarif", "\(CLIRun.checkFixtures)/unresolved-reference"])
        #expect(run.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.hasSuffix("sarif-2.1.0.json") == true)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let sarifRun = runs[0]
        #expect(sarifRun["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((sarifRun["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "stdkit")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == RuleCatalogue.all.count)
        for rule in rules {
            #expect(rule["id"] is String)
            #expect((rule["shortDescription"] as? [String: Any])?["text"] is String)
            #expect(["error", "warning", "note"].contains((rule["defaultConfiguration"] as? [String: Any])?["level"] as? String ?? ""))
        }
        let results = try #require(sarifRun["results"] as? [[String: Any]])
        #expect(results.count == 4)
        for result in results {
            #expect((result["message"] as? [String: Any])?["text"] is String, "a result needs a message")
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
            let ruleIndex = try #require(result["ruleIndex"] as? Int)
            #expect(rules[ruleIndex]["id"] as? String == result["ruleId"] as? String)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect((location["artifactLocation"] as? [String: Any])?["uri"] is String)
            let region = try #require(location["region"] as? [String: Int])
            #expect(region["startLine"]! >= 1 && region["startColumn"]! >= 1)
        }
        let second = try #require((results[1]["relatedLocations"] as? [[String: Any]])?.first)
        #expect((second["message"] as? [String: Any])?["text"] as? String == "items of JOB-WELD are declared here")
    }

    /// Fixes name their files as the findings do (relative to the current folder), at the
    /// characters of the Chinese line they replace.
    @Test func jsonFixesNameFilesAsFindingsDo() async throws {
        let run = await CLIRun.run(["check", "--format", "json", "\(CLIRun.checkFixtures)/unresolved-reference"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        let file = "\(CLIRun.checkFixtures)/unresolved-reference/courses/robot-programming.md"
        let edits = diagnostics.filter { $0["line"] as? Int == 10 }.compactMap { ($0["fixes"] as? [[String: Any]])?.first?["edits"] as? [[String: Any]] }.flatMap { $0 }
        #expect(edits.map { "\($0["file"] as? String ?? ""):\($0["line"] as? Int ?? 0):\($0["column"] as? Int ?? 0)-\($0["endColumn"] as? Int ?? 0) \($0["text"] as? String ?? "")" }
                == ["\(file):10:35-37 R1", "\(file):10:39-46 JOB-WELD"])
        // `#LO3` has a did-you-mean (LO1) but no fix: an outcome may not point at an outcome of
        // its own course, so the fixed reference would only be another finding.
    }

    @Test func sarifPercentEncodesChineseFileNames() {
        #expect(SARIFReporter.uri("课程/焊接 机器人.md") == "%E8%AF%BE%E7%A8%8B/%E7%84%8A%E6%8E%A5%20%E6%9C%BA%E5%99%A8%E4%BA%BA.md")
    }

    @Test func unknownFormatIsAUsageError() async {
        let run = await CLIRun.run(["check", "--format", "xml"])
        #expect(run.status == 2)
        #expect(run.errors.contains("xml"))
    }
}
