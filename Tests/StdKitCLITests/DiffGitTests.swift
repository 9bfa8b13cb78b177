import Foundation
import Testing
@testable import StdKitCLI

/// Revisions in a real repository: diff forms, the diff driver, the version line, version rules
/// and `stdkit version bump`.
@Suite("Diff, log and versions in git")
struct DiffGitTests {
    static let job = GitTests.job.replacingOccurrences(of: "title: 焊接机器人操作员\n", with: "title: 焊接机器人操作员\nversion: 1.0.0\n")

    /// v1: the job profile at 1.0.0; v2: R2 reworded, version 1.0.1.
    static func repository() throws -> URL {
        let folder = try CLIRun.temporaryFolder()
        try GitTests.git(["init", "-q"], in: folder)
        let project = folder.appendingPathComponent("standards")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try "name: 测试标准\n".write(to: project.appendingPathComponent("stdkit.yml"), atomically: true, encoding: .utf8)
        try job.write(to: project.appendingPathComponent("job.md"), atomically: true, encoding: .utf8)
        try GitTests.course.write(to: project.appendingPathComponent("course.md"), atomically: true, encoding: .utf8)
        try GitTests.git(["add", "."], in: folder)
        try GitTests.git(["commit", "-q", "-m", "初始"], in: folder)
        try GitTests.git(["tag", "v1"], in: folder)
        try job.replacingOccurrences(of: "能调试焊接轨迹", with: "能示教并调试焊接轨迹").replacingOccurrences(of: "version: 1.0.0", with: "version: 1.0.1")
            .write(to: project.appendingPathComponent("job.md"), atomically: true, encoding: .utf8)
        try GitTests.git(["commit", "-q", "-am", "改写 R2"], in: folder)
        try GitTests.git(["tag", "v2"], in: folder)
        return folder
    }

    @Test func revisionRangeAndWorkTree() async throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let range = await CLIRun.run(["diff", "v1..v2", "standards", "--format", "json"], in: folder)
        #expect(range.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(range.output.utf8)) as? [String: Any])
        let documents = try #require(object["documents"] as? [[String: Any]])
        #expect(documents.map { $0["id"] as? String } == ["JOB-A"])
        #expect(documents.first?["requiredBump"] as? String == "patch")
        #expect(documents.first?["declaredBump"] as? String == "patch")
        #expect((documents.first?["impact"] as? [String]) == ["C1", "C1#LO1"])

        let clean = await CLIRun.run(["diff", "v2", "standards"], in: folder)
        #expect(clean.output == "no semantic changes between v2 and working tree\n")

        let job = folder.appendingPathComponent("standards/job.md")
        let text = try String(contentsOf: job, encoding: .utf8)
        try text.replacingOccurrences(of: "- **R2**", with: "- **R3** 能更换导电嘴。\n- **R2**").write(to: job, atomically: true, encoding: .utf8)
        let work = await CLIRun.run(["diff", "v2", "standards"], in: folder)
        #expect(work.output.contains("  + R3 能更换导电嘴。"))
        #expect(work.output.contains("requires minor: R3 was added"))
        try GitTests.git(["add", "standards/job.md"], in: folder)
        let staged = await CLIRun.run(["diff", "--staged", "standards", "--format", "markdown"], in: folder)
        #expect(staged.output.contains("- **R3** added: 能更换导电嘴。"))
    }

    @Test func versionRulesAndBump() async throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let job = folder.appendingPathComponent("standards/job.md")
        let before = try String(contentsOf: job, encoding: .utf8)
        try before.replacingOccurrences(of: "- **R2**", with: "- **R3** 能更换导电嘴。\n- **R2**").write(to: job, atomically: true, encoding: .utf8)
        let check = await CLIRun.run(["check", "--base", "v2", "--only", "version-not-bumped", "--warnings-as-errors", "standards"], in: folder)
        #expect(check.status == 1)
        #expect(check.output.contains("standards/job.md:5:10: warning: JOB-A changed but its version is still 1.0.1; the change requires a minor bump (R3 was added) [version-not-bumped]"))
        let bump = await CLIRun.run(["version", "bump", "--base", "v2", "standards/job.md"], in: folder)
        #expect(bump.status == 0)
        #expect(bump.output == "standards/job.md: JOB-A 1.0.1 → 1.1.0 (minor: R3 was added)\n")
        let after = try String(contentsOf: job, encoding: .utf8)
        #expect(after == before.replacingOccurrences(of: "- **R2**", with: "- **R3** 能更换导电嘴。\n- **R2**").replacingOccurrences(of: "version: 1.0.1", with: "version: 1.1.0"),
                "only the version value is rewritten")
        let again = await CLIRun.run(["check", "--base", "v2", "--only", "version-not-bumped", "--only", "version-bump-too-small", "--warnings-as-errors", "standards"], in: folder)
        #expect(again.status == 0)
    }

    @Test func bumpNeverRewritesAFileThatIsNotUTF8() async throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let job = folder.appendingPathComponent("standards/job.md")
        // R3 added, with a note whose last word is GBK (焊接: BA B8 BD D3), not UTF-8.
        let text = try String(contentsOf: job, encoding: .utf8).replacingOccurrences(of: "- **R2**", with: "- **R3** 能更换导电嘴。\n- **R2**")
        let bytes = Array(text.utf8) + Array("\n附注：".utf8) + [0xBA, 0xB8, 0xBD, 0xD3, 0x0A]
        try Data(bytes).write(to: job)
        let bump = await CLIRun.run(["version", "bump", "--base", "v2", "standards/job.md"], in: folder)
        #expect(bump.status == 1)
        #expect(bump.errors.contains("standards/job.md is not UTF-8 (line "))
        #expect(bump.errors.contains("left as it is"))
        #expect(Array(try Data(contentsOf: job)) == bytes, "the user's bytes are untouched")
    }

    @Test func versionLine() async throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = await CLIRun.run(["log", "JOB-A", "--project", "standards"], in: folder)
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("1.0.1 "))
        #expect(lines[0].hasSuffix("测试  R2 was reworded"))
        #expect(lines[1].hasPrefix("1.0.0 "))
        #expect(lines[1].hasSuffix("测试  created"))
    }

    @Test func gitDiffUsesTheSemanticDriver() async throws {
        guard let stdkit = GitTests.builtExecutable() else {
            print("skipped: the stdkit executable is not built beside the tests (run swift build first)")
            return
        }
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let install = await CLIRun.run(["git", "install", "standards", "--stdkit", stdkit.path], in: folder)
        #expect(install.status == 0)
        #expect(install.output.contains("wrote '*.md diff=stdkit merge=stdkit' and '**/.stdkit/links.lock merge=stdkit' to .gitattributes"))
        let course = folder.appendingPathComponent("standards/course.md")
        try GitTests.course.replacingOccurrences(of: "能编程", with: "能编写焊接程序").write(to: course, atomically: true, encoding: .utf8)
        let diff = try GitTests.git(["diff"], in: folder)
        #expect(diff.status == 0)
        #expect(diff.output.contains("stdkit semantic diff: standards/course.md"))
        #expect(diff.output.contains("~ LO1 能编{+写焊接+}程{+序+}"), "\(diff.output)")
        let log = try GitTests.git(["log", "-p", "--ext-diff", "-1", "--", "standards/job.md"], in: folder)
        #expect(log.output.contains("~ R2 能{+示教并+}调试焊接轨迹"), "\(log.output)")
    }
}

@Suite("Bare repositories and the driver's arguments")
struct BareRepositoryTests {
    @Test func revisionsReadFromABareRepository() async throws {
        let work = try DiffGitTests.repository()
        defer { try? FileManager.default.removeItem(at: work) }
        let bare = try CLIRun.temporaryFolder().appendingPathComponent("standards.git")
        defer { try? FileManager.default.removeItem(at: bare.deletingLastPathComponent()) }
        try GitTests.git(["clone", "-q", "--bare", work.path, bare.path], in: work)
        let check = await CLIRun.run(["check", "--rev", "v2", "standards"], in: bare)
        #expect(check.status == 0, "\(check.errors)")
        // The project has no links lock: one note says so, and nothing else is found.
        #expect(check.output.hasSuffix("checked 2 files: 1 note\n"), "\(check.output)")
        #expect(check.output.contains("no coverage link of this project has been reviewed yet"))
        let model = await CLIRun.run(["model", "--rev", "v1", "standards"], in: bare)
        #expect(model.output.contains("  R2  能调试焊接轨迹。"))
        let diff = await CLIRun.run(["diff", "v1..v2", "standards"], in: bare)
        #expect(diff.output.contains("~ R2 能{+示教并+}调试焊接轨迹。"))
        let staged = await CLIRun.run(["check", "--staged", "standards"], in: bare)
        #expect(staged.status == 2)
    }

    @Test func driverWithARenameAndWithNewAndDeletedFiles() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try DiffGitTests.job.write(to: folder.appendingPathComponent("old.md"), atomically: true, encoding: .utf8)
        try DiffGitTests.job.replacingOccurrences(of: "能完成开机", with: "能安全开机").write(to: folder.appendingPathComponent("new.md"), atomically: true, encoding: .utf8)
        let renamed = await CLIRun.run(["diff", "--git-driver", "jobs/a.md", "old.md", "aaaa", "100644", "new.md", "bbbb", "100644",
                                        "jobs/b.md", "similarity index 90%\nrename from jobs/a.md\nrename to jobs/b.md\n"], in: folder)
        #expect(renamed.status == 0)
        #expect(renamed.output.hasPrefix("stdkit semantic diff: jobs/a.md → jobs/b.md\n"))
        #expect(renamed.output.contains("~ R1 能{+安全+}完成开机") || renamed.output.contains("能[-完成-]{+安全+}开机"), "\(renamed.output)")
        let added = await CLIRun.run(["diff", "--git-driver", "jobs/c.md", "/dev/null", ".", ".", "new.md", "bbbb", "100644"], in: folder)
        #expect(added.status == 0)
        #expect(added.output.contains("JOB-A  added"))
        let nonsense = await CLIRun.run(["diff", "--git-driver", "only-one"], in: folder)
        #expect(nonsense.status == 0, "a driver never makes git fail")
    }
}
