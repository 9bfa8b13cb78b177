import Foundation
import Testing
import StdKitSyntax
@testable import StdKitCLI

/// The language of `stdkit check`'s findings, chosen as DESIGN §18 says.
@Suite("Message language")
struct MessageLanguageTests {
    /// A small Chinese project with planted faults: an unresolved reference with a near miss,
    /// an unknown field, a missing section of a course and a duplicate item id.
    static func plantedProject(lang: String? = "zh-CN") throws -> URL {
        let folder = try CLIRun.temporaryFolder()
        let files = [
            "stdkit.yml": "name: 焊接专业\n" + (lang.map { "lang: \($0)\n" } ?? ""),
            "job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 焊接岗位\n---\n\n## 典型工作任务\n\n- **T1** 焊接\n\n## 职业能力要求\n\n- **R1** 能编程\n- **R2** 能调试\n- **R2** 能维护\n",
            "course.md": "---\nid: C1\nkind: course\ntitle: 机器人编程\ntitel: 多余\n---\n\n## 课程目标\n\n- **LO1** 会编程 → JOB-A#R1, JOB-A#R3\n- **LO2** 会调试 → JOB-A#R2\n",
        ]
        for (path, text) in files {
            try text.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// The finding lines (`file:line:column: severity: message [rule]`) of a text report.
    static func findingLines(_ output: String) -> [Substring] {
        output.split(separator: "\n").filter { $0.hasSuffix("]") && $0.contains(".md:") }
    }

    @Test func langZhCNPrintsEveryFindingInChinese() async throws {
        let project = try Self.plantedProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let run = await CLIRun.run(["check", "--lang", "zh-CN", project.path])
        #expect(run.status == 1)
        let lines = Self.findingLines(run.output)
        #expect(lines.count >= 4, "\(run.output)")
        for line in lines {
            let message = line.split(separator: ": ", maxSplits: 2).last ?? ""
            #expect(message.unicodeScalars.contains { $0.isCJK }, "\(line)")
            #expect(!line.contains(" is ") && !line.contains(" not ") && !line.contains(" no "), "\(line)")
        }
        #expect(run.output.contains("course.md:10:27: 错误: 引用“JOB-A#R3”找不到对应条目；是否想写“R1”？ [unresolved-reference]"), "\(run.output)")
        #expect(run.output.contains("    建议：JOB-A 声明的条目有 T1、R1、R2、R2"), "\(run.output)")
        #expect(run.output.contains("job.md:15:5: 错误: 条目 id“R2”在本文档中已被使用 [duplicate-item-id]"), "\(run.output)")
        #expect(run.output.contains("job.md:14:5: 附注: “R2”首次声明于此"), "\(run.output)")
        #expect(run.output.contains("course.md:5:1: 警告: “titel”不是课程标准的字段；是否想写“title”？ [unknown-field]"), "\(run.output)")
        #expect(run.output.contains("\n已检查 2 个文件："), "\(run.output)")
    }

    @Test func theProjectsLangChoosesChineseWithoutAnOption() async throws {
        let project = try Self.plantedProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let run = await CLIRun.run(["check", project.path])
        #expect(run.output.contains("错误: 条目 id“R2”在本文档中已被使用 [duplicate-item-id]"), "\(run.output)")
    }

    @Test func stdkitLangOverridesTheProjectsLang() async throws {
        let project = try Self.plantedProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let run = await CLIRun.run(["check", project.path], variables: ["STDKIT_LANG": "en", "LANG": "zh_CN.UTF-8"])
        #expect(run.output.contains("error: item id 'R2' is already used in this document [duplicate-item-id]"), "\(run.output)")
        // Headings quoted from the documents are Chinese; the words of stdkit are not.
        #expect(!run.output.contains("错误") && !run.output.contains("警告") && !run.output.contains("建议"), "\(run.output)")
        // --lang outranks STDKIT_LANG.
        let chinese = await CLIRun.run(["check", "--lang", "zh-CN", project.path], variables: ["STDKIT_LANG": "en"])
        #expect(chinese.output.contains("错误: 条目 id“R2”在本文档中已被使用"), "\(chinese.output)")
    }

    @Test func withoutLangTheLocaleChooses() async throws {
        let project = try Self.plantedProject(lang: nil)
        defer { try? FileManager.default.removeItem(at: project) }
        let chinese = await CLIRun.run(["check", project.path], variables: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.output.contains("错误: 条目 id“R2”在本文档中已被使用"), "\(chinese.output)")
        let english = await CLIRun.run(["check", project.path], variables: [:])
        #expect(english.output.contains("error: item id 'R2' is already used in this document"), "\(english.output)")
    }

    @Test func everyFormatSpeaksTheChosenLanguageButKeepsItsKeys() async throws {
        let project = try Self.plantedProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let json = await CLIRun.run(["check", "--format", "json", "--only", "duplicate-item-id", project.path])
        #expect(json.output.contains(#""message" : "条目 id“R2”在本文档中已被使用""#), "\(json.output)")
        #expect(json.output.contains(#""rule" : "duplicate-item-id""#))
        #expect(json.output.contains(#""hint" : "给此条目重新编号""#))
        let github = await CLIRun.run(["check", "--format", "github", "--only", "duplicate-item-id", project.path])
        #expect(github.output.contains("title=duplicate-item-id::条目 id“R2”在本文档中已被使用%0A建议：给此条目重新编号%0A"), "\(github.output)")
        let sarif = await CLIRun.run(["check", "--format", "sarif", "--lang", "en", "--only", "duplicate-item-id", project.path])
        #expect(sarif.output.contains(#""text" : "item id 'R2' is already used in this document. Hint: renumber this item""#), "\(sarif.output)")
        let sarifChinese = await CLIRun.run(["check", "--format", "sarif", "--only", "duplicate-item-id", project.path])
        #expect(sarifChinese.output.contains(#""text" : "条目 id“R2”在本文档中已被使用。建议：给此条目重新编号""#), "\(sarifChinese.output)")
        #expect(sarifChinese.output.contains(#""text" : "文档中有两个条目的 id 相同""#))
    }

    @Test func anUnknownLanguageIsAUsageError() async {
        let run = await CLIRun.run(["check", "--lang", "fr", "examples/minimal"])
        #expect(run.status == 2)
        #expect(run.errors.contains("--lang"), "\(run.errors)")
    }

    @Test func rulesListsInTheChosenLanguage() async {
        let run = await CLIRun.run(["rules", "--lang", "zh-CN"])
        #expect(run.output.contains("  引用找不到对应的文档或条目\n"), "\(run.output)")
        let english = await CLIRun.run(["rules", "--lang", "en"])
        #expect(english.output.contains("  a reference matches no document or item\n"))
    }
}
