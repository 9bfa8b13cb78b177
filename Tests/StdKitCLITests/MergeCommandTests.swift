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

    @Test func versionsThatAreNotUTF8AreMergedAsBytesAndBinaryOnesLeftAsOurs() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // GBK: 课程 is BF CE B3 CC, 目标 C4 BF B1 EA; é in Latin-1 is E9. None of it is UTF-8.
        let heading: [UInt8] = Array("# ".utf8) + [0xBF, 0xCE, 0xB3, 0xCC, 0x0A, 0x0A]
        let first: [UInt8] = [0xC4, 0xBF, 0xB1, 0xEA, 0x31, 0x0A, 0x0A], firstEdited: [UInt8] = [0xC4, 0xBF, 0xB1, 0xEA, 0x31, 0xE9, 0x0A, 0x0A]
        let second: [UInt8] = [0xC4, 0xBF, 0xB1, 0xEA, 0x32, 0x0A], secondEdited: [UInt8] = [0xC4, 0xBF, 0xB1, 0xEA, 0x32, 0x32, 0x0A]
        let write = { (name: String, bytes: [UInt8]) in try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        try write("base.md", heading + first + second)
        try write("ours.md", heading + firstEdited + second)
        try write("theirs.md", heading + first + secondEdited)
        let merged = await CLIRun.run(["merge", "base.md", "ours.md", "theirs.md", "-o", "out.md"], in: folder)
        #expect(merged.status == 0)
        #expect(Array(try Data(contentsOf: folder.appendingPathComponent("out.md"))) == heading + firstEdited + secondEdited)
        #expect(merged.errors.contains("not UTF-8 text; merged line by line, byte for byte"))

        // As the driver, a conflict's markers carry the labels in UTF-8 around the GBK lines.
        try write("theirs.md", heading + [0xC4, 0xBF, 0xB1, 0xEA, 0x33, 0x0A, 0x0A] + second)
        let driver = await CLIRun.run(["merge", "--git-driver", "base.md", "ours.md", "theirs.md", "7", "课程.md", "基线", "学校", "企业"], in: folder)
        #expect(driver.status == 1)
        let conflicted = Array(try Data(contentsOf: folder.appendingPathComponent("ours.md")))
        #expect(conflicted == heading + Array("<<<<<<< 学校\n".utf8) + firstEdited.dropLast() + Array("||||||| 基线\n".utf8) + first.dropLast()
            + Array("=======\n".utf8) + [0xC4, 0xBF, 0xB1, 0xEA, 0x33, 0x0A] + Array(">>>>>>> 企业\n".utf8) + [0x0A] + second)

        // UTF-16 holds NUL bytes: nothing is merged, and ours stays as it was.
        let utf16: [UInt8] = [0xFF, 0xFE, 0x23, 0x00, 0x0A, 0x00]
        try write("ours.md", heading + firstEdited + second)
        try write("theirs.md", utf16)
        let binary = await CLIRun.run(["merge", "--git-driver", "base.md", "ours.md", "theirs.md", "7", "a.md"], in: folder)
        #expect(binary.status == 1)
        #expect(Array(try Data(contentsOf: folder.appendingPathComponent("ours.md"))) == heading + firstEdited + second)
        #expect(binary.errors.contains("cannot be merged; ours is kept"))
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
    /// The example's output by step: the text after each `== …` heading, up to the next.
    static func steps(_ output: String) -> [String: String] {
        var steps: [String: String] = [:]
        var current = ""
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("== ") {
                current = String(line.dropFirst(3))
                steps[current] = ""
            } else {
                steps[current, default: ""] += line + "\n"
            }
        }
        return steps
    }

    /// From concurrent edits through the merge, the suspect link, its review and both approvals
    /// to an approved course that checks clean — each state asserted.
    @Test func fromConcurrentEditsToApproval() throws {
        guard let stdkit = GitTests.builtExecutable() else {
            print("skipped: the stdkit executable is not built beside the tests (run swift build first)")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [CLIRun.repository.appendingPathComponent("examples/review-cycle/run.sh").path, stdkit.path]
        process.currentDirectoryURL = CLIRun.repository
        // The example project is Chinese (`lang: zh-CN`); the steps below pin English messages.
        process.environment = ProcessInfo.processInfo.environment.merging(["STDKIT_LANG": "en"]) { _, new in new }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        if let folder = output.split(separator: "\n").last(where: { $0.hasPrefix("project left in ") }) {
            try? FileManager.default.removeItem(atPath: String(folder.dropFirst("project left in ".count)))
        }
        let steps = Self.steps(output)
        func step(_ prefix: String) -> String {
            let found = steps.first { $0.key.hasPrefix(prefix) }?.value
            #expect(found != nil, "the example has a step '\(prefix)': \(output)")
            return found ?? ""
        }

        #expect(step("the base revision checks clean").contains("checked 2 files: no problems"))
        // 1. The merge: one conflict, on the title; the rest merged.
        let merged = step("merging") + step("the merged course")
        #expect(merged.contains("stdkit merge: courses/welding-robot.md: both sides added an item LO3; theirs is now LO4"))
        #expect(merged.contains("stdkit merge: conflict in courses/welding-robot.md at line 4: front matter `title`"))
        #expect(merged.contains("<<<<<<< ours\ntitle: 焊接机器人示教与离线编程\n||||||| base\ntitle: 焊接机器人工艺与编程\n=======\ntitle: 焊接机器人编程与调试\n>>>>>>> theirs\n"))
        #expect(merged.contains("status: review\n"), "the enterprise's status merged cleanly")
        #expect(merged.contains("hours: {theory: 16, practice: 40}"))
        #expect(merged.contains("- **LO4** 能执行焊接安全防护 → JOB-WELD#R1 {level=2}"))
        let git = step("what git reports")
        #expect(git.contains("UU courses/welding-robot.md"))
        #expect(git.contains("M  jobs/welding.md"), "the enterprise's rewording of R2 merged cleanly")
        #expect(git.contains("M  .stdkit/links.lock") == false, "neither side changed the lock")
        #expect(step("the school resolves").contains("COURSE-WELD 1.0.0 → 1.1.0 (minor: LO4 was added"))

        // 2. The school's check: LO2 is suspect, with R2's change word by word; the new outcomes' links are unreviewed.
        let check = step("the school's check")
        #expect(check.contains("courses/welding-robot.md:23:21: warning: LO2 covers JOB-WELD#R2, which changed since the link was reviewed: 能设置焊接电流[-与-]{+、+}电压{+与焊接速度+}并判断焊缝{+成形+}质量。 {level=3} [suspect-link]"), "\(check)")
        #expect(check.contains("note: LO3 covers JOB-WELD#R1, a link not yet reviewed [unreviewed-link]"))
        #expect(check.contains("note: LO4 covers JOB-WELD#R1, a link not yet reviewed [unreviewed-link]"))
        #expect(check.contains("checked 2 files: 1 warning, 2 notes"))
        let school = step("what awaits the school")
        #expect(school.contains("links to review on documents school owns (3):\n  suspect: COURSE-WELD#LO2->JOB-WELD#R2  courses/welding-robot.md:23\n"), "\(school)")
        #expect(school.contains("documents to approve (2):"))
        #expect(step("what the enterprise waits for").contains("changes of company that others have still to review (1):\n  suspect, for school to review: COURSE-WELD#LO2->JOB-WELD#R2"))

        // 3. The school adapts LO2 and accepts its links.
        let adapt = step("the school adapts")
        #expect(adapt.contains("accepted COURSE-WELD#LO2->JOB-WELD#R2 (its target changed since the last review)\naccepted COURSE-WELD#LO3->JOB-WELD#R1 (new)\naccepted COURSE-WELD#LO4->JOB-WELD#R1 (new)\n"))
        #expect(adapt.contains("COURSE-WELD 1.1.0 → 1.1.1 (patch: LO2 was reworded)"))

        // 4. Both approve; approved; clean.
        let approve = step("both parties approve")
        #expect(approve.contains("COURSE-WELD 1.1.1 approved by school (李老师, 2026-11-28)"))
        #expect(approve.contains("COURSE-WELD 1.1.1 approved by company (王工, 2026-11-29)"))
        #expect(!approve.contains("warning") && !approve.contains("error"), "\(approve)")
        #expect(approve.components(separatedBy: "checked 2 files: no problems").count == 3, "the check, and the pre-commit hook's")
        let approved = step("the approved course")
        #expect(approved.contains("status: approved\n"))
        #expect(approved.contains("- **LO2** 能设置焊接电流、电压与焊接速度并判断焊缝成形 → JOB-WELD#R2 {level=3}"))
    }
}
