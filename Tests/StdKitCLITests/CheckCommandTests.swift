import Foundation
import Testing
@testable import StdKitCLI

@Suite("stdkit check")
struct CheckCommandTests {
    @Test func validProjectPrintsOnlyTheSummary() async {
        let run = await CLIRun.run(["check", CLIRun.allForms])
        #expect(run.status == 0)
        #expect(run.output == "checked 6 files: no problems\n")
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
                hint: check the document id, or add the document to the project
            \(base)/courses/robot-programming.md:10:26: error: reference 'JOB-WELD#R9' matches no item; did you mean 'R1'? [unresolved-reference]
                hint: JOB-WELD declares R1, R2
            \(base)/jobs/welding.md:12:5: note: items of JOB-WELD are declared here
            \(base)/courses/robot-programming.md:10:39: error: reference 'JOB-WLD#R1' matches no document; did you mean 'JOB-WELD'? [unresolved-reference]
                hint: check the document id, or add the document to the project
            \(base)/courses/robot-programming.md:10:51: error: reference '#LO3' matches no item; did you mean 'LO1'? [unresolved-reference]
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

    @Test func unknownFormatIsAUsageError() async {
        let run = await CLIRun.run(["check", "--format", "xml"])
        #expect(run.status == 2)
        #expect(run.errors.contains("xml"))
    }
}
