import Foundation
import Testing
@testable import StdKitCLI

/// `stdkit merge` as a command and as git's merge driver in a real repository.
@Suite("stdkit merge")
struct MergeCommandTests {
    static let base = "---\nid: C1\nkind: course\ntitle: 焊接编程\nversion: 1.0.0\nstatus: draft\ntags: [焊接]\n---\n\n# 焊接编程\n\n## 课程目标\n\n- **LO1** 能编程\n"

    @Test func mergesFilesAndReportsConflictsByPlace() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = [
            "base.md": Self.base,
            "ours.md": Self.base.replacingOccurrences(of: "status: draft", with: "status: review").replacingOccurrences(of: "tags: [焊接]", with: "tags: [焊接, 机器人]"),
            "theirs.md": Self.base.replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0").replacingOccurrences(of: "tags: [焊接]", with: "tags: [焊接, 实训]"),
        ]
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let clean = await CLIRun.run(["merge", "base.md", "ours.md", "theirs.md"], in: folder)
        #expect(clean.status == 0)
        #expect(clean.output == Self.base.replacingOccurrences(of: "status: draft", with: "status: review")
            .replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0").replacingOccurrences(of: "tags: [焊接]", with: "tags: [焊接, 机器人, 实训]"))

        try Self.base.replacingOccurrences(of: "status: draft", with: "status: withdrawn").write(to: folder.appendingPathComponent("theirs.md"), atomically: true, encoding: .utf8)
        let conflicted = await CLIRun.run(["merge", "base.md", "ours.md", "theirs.md", "-o", "out.md", "--json"], in: folder)
        #expect(conflicted.status == 1)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(conflicted.errors.utf8)) as? [String: Any])
        #expect((summary["conflicts"] as? [[String: Any]])?.map { $0["place"] as? String } == ["front matter `status`"])
        let out = try String(contentsOf: folder.appendingPathComponent("out.md"), encoding: .utf8)
        #expect(out.contains("<<<<<<< ours.md\nstatus: review\n||||||| base.md\nstatus: draft\n=======\nstatus: withdrawn\n>>>>>>> theirs.md\n"))
        #expect(out.contains("tags: [焊接, 机器人]"), "the rest merges cleanly around the conflict")
    }

    @Test func driverNeverFailsAboveOne() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = await CLIRun.run(["merge", "--git-driver", "no-base", "no-ours", "no-theirs", "7", "a.md"], in: folder)
        #expect(missing.status == 1)
    }

    @Test func gitMergeUsesTheDriver() async throws {
        guard let stdkit = GitTests.builtExecutable() else {
            print("skipped: the stdkit executable is not built beside the tests (run swift build first)")
            return
        }
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try GitTests.git(["init", "-q"], in: folder)
        try "name: 合并\n".write(to: folder.appendingPathComponent("stdkit.yml"), atomically: true, encoding: .utf8)
        try Self.base.write(to: folder.appendingPathComponent("course.md"), atomically: true, encoding: .utf8)
        let install = await CLIRun.run(["git", "install", "--stdkit", stdkit.path], in: folder)
        #expect(install.status == 0)
        try GitTests.git(["add", "."], in: folder)
        try GitTests.git(["commit", "-q", "-m", "初始"], in: folder)
        try GitTests.git(["checkout", "-q", "-b", "enterprise"], in: folder)
        try Self.base.replacingOccurrences(of: "tags: [焊接]", with: "tags: [焊接, 企业]").write(to: folder.appendingPathComponent("course.md"), atomically: true, encoding: .utf8)
        #expect(try GitTests.git(["commit", "-q", "-am", "企业修改"], in: folder).status == 0)
        try GitTests.git(["checkout", "-q", "main"], in: folder)
        try Self.base.replacingOccurrences(of: "tags: [焊接]", with: "tags: [焊接, 学校]").write(to: folder.appendingPathComponent("course.md"), atomically: true, encoding: .utf8)
        #expect(try GitTests.git(["commit", "-q", "-am", "学校修改"], in: folder).status == 0)
        // Plain git conflicts on the one changed line; the driver merges the tags as a set.
        let merge = try GitTests.git(["merge", "-q", "--no-edit", "enterprise"], in: folder)
        #expect(merge.status == 0, "\(merge.output)")
        let merged = try String(contentsOf: folder.appendingPathComponent("course.md"), encoding: .utf8)
        #expect(merged.contains("tags: [焊接, 学校, 企业]"))
    }
}

@Suite("The review-cycle example")
struct ReviewCycleExampleTests {
    @Test func branchesMergeWithOneConflict() throws {
        guard let stdkit = GitTests.builtExecutable() else {
            print("skipped: the stdkit executable is not built beside the tests (run swift build first)")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [CLIRun.repository.appendingPathComponent("examples/review-cycle/run.sh").path, stdkit.path]
        process.currentDirectoryURL = CLIRun.repository
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("stdkit merge: courses/welding-robot.md: both sides added an item LO3; theirs is now LO4"))
        #expect(output.contains("stdkit merge: conflict in courses/welding-robot.md at line 4: front matter `title`"))
        #expect(output.contains("<<<<<<< ours\ntitle: 焊接机器人示教与离线编程\n||||||| base\ntitle: 焊接机器人工艺与编程\n=======\ntitle: 焊接机器人编程与调试\n>>>>>>> theirs\n"))
        #expect(output.contains("status: review\n"), "the enterprise's status merged cleanly")
        #expect(output.contains("hours: {theory: 16, practice: 40}"))
        #expect(output.contains("- **LO4** 能执行焊接安全防护 → JOB-WELD#R1 {level=2}"))
        #expect(output.contains("UU courses/welding-robot.md"))
        #expect(output.contains("M  jobs/welding.md"), "the enterprise's rewording of R2 merged cleanly")
        if let folder = output.split(separator: "\n").last(where: { $0.hasPrefix("project left in ") }) {
            try? FileManager.default.removeItem(atPath: String(folder.dropFirst("project left in ".count)))
        }
    }
}
