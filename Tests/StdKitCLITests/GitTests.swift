import Foundation
import Testing
@testable import StdKitCLI

/// `--staged` and `stdkit git install`, in real git repositories made in a temporary folder.
@Suite("Git: staged checks and the pre-commit hook")
struct GitTests {
    /// Runs git in `folder` with a fixed identity; returns its exit status and output.
    @discardableResult
    static func git(_ arguments: [String], in folder: URL, environment extra: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=测试", "-c", "user.email=test@example.invalid", "-c", "init.defaultBranch=main"] + arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static let job = "---\nid: JOB-A\nkind: job-profile\ntitle: 焊接机器人操作员\n---\n\n## 典型工作任务\n\n开机与点检。\n\n## 职业能力要求\n\n- **R1** 能完成开机。\n- **R2** 能调试焊接轨迹。\n"
    static let course = "---\nid: C1\nkind: course\ntitle: 编程\n---\n\n## 课程性质与任务\n\n核心课程。\n\n## 课程目标\n\n- **LO1** 能编程 → JOB-A#R1, JOB-A#R2\n\n## 课程内容与学时分配\n\n- **U1** 编程 {hours=8}\n\n## 考核评价\n\n实操。\n"

    /// A repository holding a valid project in `standards/`, committed.
    static func repository() throws -> URL {
        let folder = try CLIRun.temporaryFolder()
        try git(["init", "-q"], in: folder)
        let project = folder.appendingPathComponent("standards")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try "name: 测试标准\n".write(to: project.appendingPathComponent("stdkit.yml"), atomically: true, encoding: .utf8)
        try job.write(to: project.appendingPathComponent("job.md"), atomically: true, encoding: .utf8)
        try course.write(to: project.appendingPathComponent("course.md"), atomically: true, encoding: .utf8)
        try git(["add", "."], in: folder)
        try git(["commit", "-q", "-m", "初始"], in: folder)
        return folder
    }

    /// The staged content is checked, not the working tree: a fault staged and then fixed in
    /// the work tree still fails; a fault only in the work tree does not.
    @Test func stagedChecksTheIndexNotTheWorkTree() async throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let course = folder.appendingPathComponent("standards/course.md")
        let broken = Self.course.replacingOccurrences(of: "JOB-A#R2", with: "JOB-A#R9")

        try broken.write(to: course, atomically: true, encoding: .utf8)
        try Self.git(["add", "standards/course.md"], in: folder)
        try Self.course.write(to: course, atomically: true, encoding: .utf8)
        let stagedFault = await CLIRun.run(["check", "--staged", "standards"], in: folder)
        #expect(stagedFault.status == 1)
        #expect(stagedFault.output.contains("standards/course.md:13:27: error: reference 'JOB-A#R9' matches no item; did you mean 'R1'? [unresolved-reference]"))
        #expect(stagedFault.output.contains(" 13 | - **LO1** 能编程 → JOB-A#R1, JOB-A#R9"), "the snippet shows the staged line")
        let workTree = await CLIRun.run(["check", "standards"], in: folder)
        #expect(workTree.status == 0)

        try Self.git(["add", "standards/course.md"], in: folder)
        try broken.write(to: course, atomically: true, encoding: .utf8)
        let stagedClean = await CLIRun.run(["check", "--staged", "standards"], in: folder)
        #expect(stagedClean.status == 0)
        #expect(stagedClean.output.hasSuffix("checked 2 files: 1 note\n"), "only the note that no link is reviewed yet: \(stagedClean.output)")
        let workTreeFault = await CLIRun.run(["check", "standards"], in: folder)
        #expect(workTreeFault.status == 1)
    }

    @Test func revisionChecksACommit() async throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.course.replacingOccurrences(of: "JOB-A#R2", with: "JOB-A#R9")
            .write(to: folder.appendingPathComponent("standards/course.md"), atomically: true, encoding: .utf8)
        try Self.git(["commit", "-q", "-am", "坏的修改"], in: folder)
        let head = await CLIRun.run(["check", "--rev", "HEAD", "standards"], in: folder)
        #expect(head.status == 1)
        let previous = await CLIRun.run(["check", "--rev", "HEAD~1", "standards"], in: folder)
        #expect(previous.status == 0)
        let unknown = await CLIRun.run(["check", "--rev", "no-such-tag", "standards"], in: folder)
        #expect(unknown.status == 2)
        #expect(unknown.errors.hasPrefix("error: "))
    }

    @Test func stagedOutsideARepositoryIsAnIOFailure() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = await CLIRun.run(["check", "--staged"], in: folder)
        #expect(run.status == 2)
        #expect(run.errors.contains("not a git repository"))
    }

    /// The built `stdkit` beside the test bundle, for hooks that run it as git does.
    static func builtExecutable() -> URL? {
        let bundle = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        for candidate in [bundle.appendingPathComponent("stdkit"), CLIRun.repository.appendingPathComponent(".build/debug/stdkit")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return nil
    }

    @Test func installedHookRefusesACommitThatIntroducesAnError() async throws {
        guard let stdkit = Self.builtExecutable() else {
            print("skipped: the stdkit executable is not built beside the tests (run swift build first)")
            return
        }
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let install = await CLIRun.run(["git", "install", "standards", "--stdkit", stdkit.path], in: folder)
        #expect(install.status == 0)
        #expect(install.output.contains("installed the stdkit pre-commit hook"))

        let course = folder.appendingPathComponent("standards/course.md")
        try Self.course.replacingOccurrences(of: "JOB-A#R2", with: "JOB-A#R9").write(to: course, atomically: true, encoding: .utf8)
        try Self.git(["add", "standards/course.md"], in: folder)
        let refused = try Self.git(["commit", "-m", "引入错误"], in: folder)
        #expect(refused.status != 0)
        #expect(refused.output.contains("standards/course.md:13:27: error: reference 'JOB-A#R9' matches no item"))
        #expect(try Self.git(["rev-list", "--count", "HEAD"], in: folder).output.trimmingCharacters(in: .whitespacesAndNewlines) == "1")

        try Self.course.write(to: course, atomically: true, encoding: .utf8)
        try Self.git(["add", "standards/course.md"], in: folder)
        let accepted = try Self.git(["commit", "-m", "修正", "--allow-empty"], in: folder)
        #expect(accepted.status == 0, "\(accepted.output)")
    }

    @Test func installIsIdempotentAndKeepsAForeignHook() async throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hooks = folder.appendingPathComponent(".git/hooks")
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        let foreign = "#!/bin/sh\necho foreign hook ran\n"
        try foreign.write(to: hooks.appendingPathComponent("pre-commit"), atomically: true, encoding: .utf8)

        let first = await CLIRun.run(["git", "install", "standards", "--stdkit", "/usr/local/bin/stdkit"], in: folder)
        #expect(first.status == 0)
        #expect(first.output.contains("kept your existing pre-commit hook as .git/hooks/pre-commit.before-stdkit"))
        #expect(try String(contentsOf: hooks.appendingPathComponent("pre-commit.before-stdkit"), encoding: .utf8) == foreign)
        let hook = try String(contentsOf: hooks.appendingPathComponent("pre-commit"), encoding: .utf8)
        #expect(hook.contains(GitInstallCommand.marker))
        #expect(hook.contains("check --staged 'standards'"))
        let attributes = try FileManager.default.attributesOfItem(atPath: hooks.appendingPathComponent("pre-commit").path)
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o111 != 0 } == true)

        let second = await CLIRun.run(["git", "install", "standards", "--stdkit", "/usr/local/bin/stdkit"], in: folder)
        #expect(second.status == 0)
        #expect(second.output.contains("updated the stdkit pre-commit hook"))
        #expect(try String(contentsOf: hooks.appendingPathComponent("pre-commit"), encoding: .utf8) == hook)
        #expect(try String(contentsOf: hooks.appendingPathComponent("pre-commit.before-stdkit"), encoding: .utf8) == foreign)
    }
}
