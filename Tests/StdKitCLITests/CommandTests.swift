import Foundation
import Testing
@testable import StdKitCLI

@Suite("stdkit model, init, version, completions")
struct CommandTests {
    @Test func version() async {
        let run = await CLIRun.run(["--version"])
        #expect(run.status == 0)
        #expect(run.output == "\(StdKit.version)\n")
    }

    @Test func helpListsTheCommands() async {
        let run = await CLIRun.run(["--help"])
        #expect(run.status == 0)
        for command in ["check", "model", "init"] {
            #expect(run.output.contains("  \(command) "), "\(command) missing from help")
        }
    }

    @Test func helpOfACommandIsThatCommandsHelp() async {
        for arguments in [["check", "--help"], ["help", "check"], ["check", "-h"]] {
            let run = await CLIRun.run(arguments)
            #expect(run.status == 0)
            #expect(run.output.hasPrefix("OVERVIEW: Parse and validate a standards project."), "\(arguments)")
        }
        let nested = await CLIRun.run(["help", "version", "bump"])
        #expect(nested.output.hasPrefix("OVERVIEW: Raise the version of each changed document"))
        let group = await CLIRun.run(["version"])
        #expect(group.output.hasPrefix("OVERVIEW: Work with document versions."))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScripts(shell: String) async {
        let run = await CLIRun.run(["--generate-completion-script", shell])
        #expect(run.status == 0)
        #expect(run.output.contains("stdkit"))
        #expect(run.output.contains("check"))
    }

    @Test func modelJSONResolvesEveryReference() async throws {
        let run = await CLIRun.run(["model", "--json", CLIRun.allForms])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let project = try #require(object["project"] as? [String: Any])
        #expect(project["name"] as? String == "全形式测试项目")
        let documents = try #require(object["documents"] as? [[String: Any]])
        #expect(documents.compactMap { $0["id"] as? String } == [
            "COURSE-BASICS", "COURSE-ROBOT-PROG", "JOB-MAINT", "JOB-WELD-ROBOT", "PROG-ROBOT",
        ])
        let items = documents.flatMap { ($0["items"] as? [[String: Any]]) ?? [] }
        let references = items.flatMap { ($0["references"] as? [[String: Any]]) ?? [] }
            + documents.flatMap { ($0["references"] as? [[String: Any]]) ?? [] }
        #expect(references.count == 19)
        #expect(references.allSatisfy { $0["resolved"] as? Bool == true })
        let r1 = try #require(items.first { $0["fullId"] as? String == "JOB-WELD-ROBOT#R1" })
        let coveredBy = try #require(r1["referencedBy"] as? [[String: Any]])
        #expect(coveredBy.map { $0["item"] as? String } == ["LO1", "LO3"])
    }

    @Test func modelJSONMarksUnresolvedReferences() async throws {
        let run = await CLIRun.run(["model", "--json", "\(CLIRun.checkFixtures)/unresolved-reference"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let documents = try #require(object["documents"] as? [[String: Any]])
        let course = try #require(documents.first { $0["id"] as? String == "COURSE-ROBOT-PROG" })
        let lo1 = try #require((course["items"] as? [[String: Any]])?.first)
        let references = try #require(lo1["references"] as? [[String: Any]])
        #expect(references.map { $0["target"] as? String } == ["JOB-WELD#R9", "JOB-WLD#R1", "#LO3"])
        #expect(references.map { $0["resolved"] as? Bool } == [false, false, false])
        let prerequisites = try #require(course["references"] as? [[String: Any]])
        #expect(prerequisites.map { $0["field"] as? String } == ["prerequisites[0]"])
        #expect(prerequisites.map { $0["resolved"] as? Bool } == [false])
    }

    @Test func modelTextSummary() async {
        let run = await CLIRun.run(["model", "examples/minimal"])
        #expect(run.status == 0)
        #expect(run.output.contains("machine-operator.md  JOB-MACHINE-OPERATOR  [job-profile v1.0.0]  Packaging machine operator"))
        #expect(run.output.contains("  R1  Start up, home and stop the machine following the safety procedure.  ← COURSE-MACHINE-OPERATION#LO1"))
    }

    @Test(arguments: ["zh-CN", "en"])
    func initMakesAProjectThatPassesTheCheck(lang: String) async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let created = await CLIRun.run(["init", "new-standard", "--lang", lang], in: folder)
        #expect(created.status == 0)
        #expect(created.output.contains("+ stdkit.yml"))
        let project = folder.appendingPathComponent("new-standard")
        let check = await CLIRun.run(["check"], in: project)
        #expect(check.status == 0)
        // A Chinese project (`lang: zh-CN`) is checked in Chinese unless told otherwise.
        #expect(check.output == (lang == "zh-CN" ? "已检查 5 个文件：未发现问题\n" : "checked 5 files: no problems\n"))
        let model = await CLIRun.run(["model", "--json"], in: project)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(model.output.utf8)) as? [String: Any])
        let kinds = (object["documents"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }.sorted()
        #expect(kinds == ["certificate", "course", "job-profile", "material", "programme"])
        let attributes = try String(contentsOf: project.appendingPathComponent(".gitattributes"), encoding: .utf8)
        #expect(attributes.contains("*.md diff=stdkit merge=stdkit"))
    }

    @Test func initRefusesAnExistingProjectAndKeepsItsFiles() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "name: 已有\n".write(to: folder.appendingPathComponent("stdkit.yml"), atomically: true, encoding: .utf8)
        let run = await CLIRun.run(["init", "."], in: folder)
        #expect(run.status == 2)
        #expect(run.errors.contains("already has a stdkit.yml; nothing was changed"))
        #expect(try String(contentsOf: folder.appendingPathComponent("stdkit.yml"), encoding: .utf8) == "name: 已有\n")
    }

    @Test func initKeepsExistingDocuments() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("jobs"), withIntermediateDirectories: true)
        try "我的文字\n".write(to: folder.appendingPathComponent("jobs/example-job.md"), atomically: true, encoding: .utf8)
        let run = await CLIRun.run(["init", "."], in: folder)
        #expect(run.status == 0)
        #expect(run.output.contains("= jobs/example-job.md (exists, kept)"))
        #expect(try String(contentsOf: folder.appendingPathComponent("jobs/example-job.md"), encoding: .utf8) == "我的文字\n")
    }
}
