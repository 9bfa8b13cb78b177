import Foundation
import Testing
@testable import StdKitCLI

/// `stdkit check --staged` with its cache, in a real repository: after each edit, staged or
/// committed, it reports exactly what `--no-cache` reports, and the cache stays out of git.
@Suite("check --staged and its cache")
struct StagedCacheTests {
    @Test func reportsWhatAFullCheckReports() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try GitTests.git(["init", "-q"], in: folder)
        try FileManager.default.copyItem(at: CLIRun.repository.appendingPathComponent("standards"), to: folder.appendingPathComponent("standards"))
        try GitTests.git(["add", "."], in: folder)
        try GitTests.git(["-c", "user.name=测试", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "初始"], in: folder)
        let course = folder.appendingPathComponent("standards/courses/professional-core/machine-vision.md")
        let original = try String(contentsOf: course, encoding: .utf8)

        func compare(_ step: String) async throws {
            for format in ["text", "json"] {
                let cached = await CLIRun.run(["check", "--staged", "--format", format, "standards"], in: folder)
                let full = await CLIRun.run(["check", "--staged", "--no-cache", "--format", format, "standards"], in: folder)
                #expect(cached.status == full.status, "\(step)")
                #expect(cached.output == full.output, "\(step), \(format)")
            }
        }
        try await compare("no cache yet")
        let cacheFile = folder.appendingPathComponent("standards/.stdkit/cache/check-staged")
        #expect(FileManager.default.fileExists(atPath: cacheFile.path))
        try await compare("nothing changed")

        // A paragraph: the version rule now asks for a bump; the line numbers below move.
        try original.replacingOccurrences(of: "## 课程目标", with: "补充说明：本课程按企业反馈修订。\n\n## 课程目标").write(to: course, atomically: true, encoding: .utf8)
        try GitTests.git(["add", "standards"], in: folder)
        try await compare("a paragraph staged")
        // An outcome pointing at a requirement that does not exist: an error of another rule.
        let broken = original.replacingOccurrences(of: "JOB-ROBOT-OPERATOR#R6", with: "JOB-ROBOT-OPERATOR#R99")
        try broken.write(to: course, atomically: true, encoding: .utf8)
        try GitTests.git(["add", "standards"], in: folder)
        try await compare("a reference broken")
        // Then a paragraph above it: the finding moves with its line.
        try broken.replacingOccurrences(of: "## 课程目标", with: "补充说明。\n\n## 课程目标").write(to: course, atomically: true, encoding: .utf8)
        try GitTests.git(["add", "standards"], in: folder)
        try await compare("a paragraph above the broken reference")
        // Committed: the base moves.
        try GitTests.git(["-c", "user.name=测试", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "修订"], in: folder)
        try await compare("committed")
        // Only in the work tree: what is staged did not change.
        try original.write(to: course, atomically: true, encoding: .utf8)
        try await compare("unstaged edit")
        // A cache that is damaged is not used.
        try Data("stdkit check cache 2\nkey\tx\n".utf8).write(to: cacheFile)
        try await compare("damaged cache")

        try Self.expectIgnored(folder)
    }

    /// A project staged before any commit holds it: no base revision to compare versions with.
    @Test func aProjectNotYetCommitted() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try GitTests.git(["init", "-q"], in: folder)
        try "说明\n".write(to: folder.appendingPathComponent("README"), atomically: true, encoding: .utf8)
        try GitTests.git(["add", "README"], in: folder)
        try GitTests.git(["-c", "user.name=测试", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "初始"], in: folder)
        try FileManager.default.copyItem(at: CLIRun.repository.appendingPathComponent("standards"), to: folder.appendingPathComponent("standards"))
        try GitTests.git(["add", "standards"], in: folder)
        let course = folder.appendingPathComponent("standards/courses/professional-core/machine-vision.md")
        let original = try String(contentsOf: course, encoding: .utf8)
        for step in ["staged", "a paragraph added", "its version raised"] {
            if step == "a paragraph added" {
                try original.replacingOccurrences(of: "## 课程目标", with: "补充说明。\n\n## 课程目标").write(to: course, atomically: true, encoding: .utf8)
            } else if step == "its version raised" {
                try original.replacingOccurrences(of: "\nversion: 1.", with: "\nversion: 2.").write(to: course, atomically: true, encoding: .utf8)
            }
            try GitTests.git(["add", "standards"], in: folder)
            let cached = await CLIRun.run(["check", "--staged", "--format", "json", "standards"], in: folder)
            let full = await CLIRun.run(["check", "--staged", "--no-cache", "--format", "json", "standards"], in: folder)
            #expect(cached.output == full.output, "\(step)")
            #expect(cached.status == full.status, "\(step)")
        }
        try Self.expectIgnored(folder)
    }

    /// The cache is ignored by git, and its folder holds the .gitignore that says so.
    static func expectIgnored(_ folder: URL) throws {
        let status = try GitTests.git(["status", "--porcelain", "--untracked-files=all"], in: folder)
        #expect(!status.output.contains(".stdkit/cache"), "\(status.output)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("standards/.stdkit/cache/.gitignore").path))
    }
}
