import Foundation
import Testing
@testable import StdKitCLI

/// Suspect links and `stdkit review`, in real git repositories made in a temporary folder.
@Suite("stdkit review")
struct ReviewCommandTests {
    static let config = "name: 评审\nparties:\n  - {id: szpt, name: 深圳职院, kind: school}\n  - {id: acme, name: 艾克米汽车, kind: enterprise}\n"
    static let job = """
        ---
        id: JOB-A
        kind: job-profile
        title: 焊接机器人操作员
        version: 1.0.0
        status: review
        owner: acme
        parties: [szpt, acme]
        ---

        ## 典型工作任务

        开机与点检。

        ## 职业能力要求

        - **R1** 能完成开机与点检。 {level=2}
        - **R2** 能调试焊接轨迹。 {level=3}

        """
    static let course = """
        ---
        id: C1
        kind: course
        title: 焊接编程
        version: 1.0.0
        status: review
        owner: szpt
        parties: [szpt, acme]
        ---

        ## 课程性质与任务

        核心课程。

        ## 课程目标

        - **LO1** 能完成开机 → JOB-A#R1
        - **LO2** 能调试轨迹 → JOB-A#R2

        ## 课程内容与学时分配

        - **U1** 编程 {hours=8}

        ## 考核评价

        实操。

        """

    /// A repository with the project at its top, every link accepted, committed.
    static func repository() async throws -> URL {
        let folder = try CLIRun.temporaryFolder()
        try GitTests.git(["init", "-q"], in: folder)
        try config.write(to: folder.appendingPathComponent("stdkit.yml"), atomically: true, encoding: .utf8)
        try job.write(to: folder.appendingPathComponent("job.md"), atomically: true, encoding: .utf8)
        try course.write(to: folder.appendingPathComponent("course.md"), atomically: true, encoding: .utf8)
        let accept = await CLIRun.run(["review", "accept", "--all"], in: folder)
        #expect(accept.status == 0, "\(accept.errors)")
        #expect(accept.output.contains("accepted C1#LO1->JOB-A#R1 (new)"))
        #expect(accept.output.contains("wrote .stdkit/links.lock (2 links)"))
        try GitTests.git(["add", "."], in: folder)
        try GitTests.git(["commit", "-q", "-m", "初始"], in: folder)
        return folder
    }

    static func edit(_ file: String, in folder: URL, _ old: String, _ new: String) throws {
        let url = folder.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "\(file) has '\(old)'")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    static func lock(in folder: URL) throws -> [String] {
        try String(contentsOf: folder.appendingPathComponent(".stdkit/links.lock"), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func aReworedRequirementMakesItsOutcomesSuspectUntilAccepted() async throws {
        let folder = try await Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(await CLIRun.run(["check"], in: folder).output == "checked 2 files: no problems\n")
        let before = try Self.lock(in: folder)

        try Self.edit("job.md", in: folder, "能调试焊接轨迹。 {level=3}", "能示教并调试焊接轨迹。 {level=4}")
        let check = await CLIRun.run(["check"], in: folder)
        #expect(check.status == 0, "a suspect link is a warning")
        #expect(check.output.contains("course.md:18:19: warning: LO2 covers JOB-A#R2, which changed since the link was reviewed: 能{+示教并+}调试焊接轨迹。 {level=[-3-]{+4+}} [suspect-link]"), "\(check.output)")
        #expect(check.output.contains("hint: review LO2 against the new text and adapt it if needed, then: stdkit review accept C1#LO2->JOB-A#R2"))
        #expect(check.output.hasSuffix("checked 2 files: 1 warning\n"), "LO1's link is untouched")

        let list = await CLIRun.run(["review"], in: folder)
        #expect(list.status == 0)
        #expect(list.output.contains("szpt 深圳职院: 1 suspect, 0 unreviewed\n  suspect: C1#LO2->JOB-A#R2  course.md:18\n      JOB-A#R2: 能{+示教并+}调试焊接轨迹。 {level=[-3-]{+4+}}\n"), "\(list.output)")

        let school = await CLIRun.run(["review", "status", "--party", "szpt"], in: folder)
        #expect(school.output.contains("links to review on documents szpt owns (1):\n  suspect: C1#LO2->JOB-A#R2  course.md:18\n"), "\(school.output)")
        #expect(school.output.contains("documents to approve (2):"), "both documents are in review without szpt's approval")
        let enterprise = await CLIRun.run(["review", "status", "--party", "acme"], in: folder)
        #expect(enterprise.output.contains("changes of acme that others have still to review (1):\n  suspect, for szpt to review: C1#LO2->JOB-A#R2"), "\(enterprise.output)")
        #expect(!enterprise.output.contains("links to review on documents acme owns"))
        let json = await CLIRun.run(["review", "status", "--party", "szpt", "--json"], in: folder)
        let status = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        let links = status?["linksToReview"] as? [[String: Any]]
        #expect(links?.first?["link"] as? String == "C1#LO2->JOB-A#R2")
        #expect(links?.first?["change"] as? String == "能{+示教并+}调试焊接轨迹。 {level=[-3-]{+4+}}")

        // The school adapts LO2 and records its review: only that link's line changes.
        try Self.edit("course.md", in: folder, "- **LO2** 能调试轨迹", "- **LO2** 能示教并调试轨迹")
        let accept = await CLIRun.run(["review", "accept", "C1#LO2"], in: folder)
        #expect(accept.status == 0, "\(accept.errors)")
        #expect(accept.output == "accepted C1#LO2->JOB-A#R2 (its target changed since the last review)\nwrote .stdkit/links.lock (2 links)\n")
        let after = try Self.lock(in: folder)
        #expect(zip(before, after).filter { $0 != $1 }.map(\.1).map { $0.split(separator: " ").prefix(3).joined(separator: " ") } == ["C1#LO2 -> JOB-A#R2"])
        #expect(await CLIRun.run(["check"], in: folder).output == "checked 2 files: no problems\n")
        #expect(await CLIRun.run(["review"], in: folder).output == "every coverage link is reviewed (2 links)\n")
        let again = await CLIRun.run(["review", "accept", "C1#LO2->JOB-A#R2"], in: folder)
        #expect(again.output == "1 link was already reviewed\n", "nothing to write")
    }

    @Test func newLinksAreUnreviewedAndAcceptFormsSelectThem() async throws {
        let folder = try await Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.edit("course.md", in: folder, "- **LO2** 能调试轨迹 → JOB-A#R2\n", "- **LO2** 能调试轨迹 → JOB-A#R2\n- **LO3** 能点检 → JOB-A#R1, JOB-A#R2\n")
        let check = await CLIRun.run(["check"], in: folder)
        #expect(check.output.contains("course.md:19:17: note: LO3 covers JOB-A#R1, a link not yet reviewed [unreviewed-link]"), "\(check.output)")
        #expect(check.output.hasSuffix("checked 2 files: 2 notes\n"))

        let unknown = await CLIRun.run(["review", "accept", "C1#LO9"], in: folder)
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("no coverage link matches 'C1#LO9'"))
        let badParty = await CLIRun.run(["review", "accept", "--party", "nobody"], in: folder)
        #expect(badParty.status == 2)
        #expect(badParty.errors.contains("'nobody' is not a party declared in stdkit.yml (declared: szpt, acme)"))
        #expect(await CLIRun.run(["review", "accept"], in: folder).status == 2, "something to accept must be named")

        // acme owns no outcome: nothing of its to accept.
        let acme = await CLIRun.run(["review", "accept", "--party", "acme"], in: folder)
        #expect(acme.output == "")
        let one = await CLIRun.run(["review", "accept", "C1#LO3->JOB-A#R1"], in: folder)
        #expect(one.output == "accepted C1#LO3->JOB-A#R1 (new)\nwrote .stdkit/links.lock (3 links)\n")
        let party = await CLIRun.run(["review", "accept", "--party", "szpt"], in: folder)
        #expect(party.output == "accepted C1#LO3->JOB-A#R2 (new)\n3 links were already reviewed\nwrote .stdkit/links.lock (4 links)\n")

        // A removed link's line stays until --all drops it.
        try Self.edit("course.md", in: folder, "- **LO1** 能完成开机 → JOB-A#R1\n", "")
        let byDocument = await CLIRun.run(["review", "accept", "C1"], in: folder)
        #expect(byDocument.output == "3 links were already reviewed\n")
        #expect(try Self.lock(in: folder).count == 5)
        let all = await CLIRun.run(["review", "accept", "--all"], in: folder)
        #expect(all.output == "dropped 1 line of links that no longer exist\n3 links were already reviewed\nwrote .stdkit/links.lock (3 links)\n")
        #expect(try Self.lock(in: folder).count == 4)
    }

    @Test func withoutALockOneNoteSaysSo() async throws {
        let folder = try await Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent(".stdkit/links.lock"))
        let check = await CLIRun.run(["check"], in: folder)
        #expect(check.output.contains("course.md:17:19: note: no coverage link of this project has been reviewed yet: there is no .stdkit/links.lock (2 links, this is the first) [unreviewed-link]"), "\(check.output)")
        #expect(check.output.hasSuffix("checked 2 files: 1 note\n"))
        let list = await CLIRun.run(["review"], in: folder)
        #expect(list.output == "szpt 深圳职院: 0 suspect, 2 unreviewed\nno link has been reviewed yet: there is no .stdkit/links.lock\nafter reviewing, record the links: stdkit review accept LINK… (or --party ID, or --all)\n")
        let json = await CLIRun.run(["review", "--json"], in: folder)
        let links = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]]
        #expect(links?.map { $0["link"] as? String } == ["C1#LO1->JOB-A#R1", "C1#LO2->JOB-A#R2"])
        #expect(links?.allSatisfy { $0["status"] as? String == "unreviewed" && $0["owner"] as? String == "szpt" && $0["targetOwner"] as? String == "acme" } == true)
        #expect(await CLIRun.run(["review", "status", "--party", "szpt"], in: folder).output.contains("links to review") == false,
                "without a lock, unreviewed links do not crowd what awaits a party")
    }

    @Test func aDamagedLockIsAnErrorThatAcceptAllRepairs() async throws {
        let folder = try await Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try Self.lock(in: folder)
        let damaged = [lines[0], "<<<<<<< ours", lines[1], "=======", lines[1].replacingOccurrences(of: "a", with: "b"), ">>>>>>> theirs", lines[2]]
        try (damaged.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent(".stdkit/links.lock"), atomically: true, encoding: .utf8)
        let check = await CLIRun.run(["check"], in: folder)
        #expect(check.status == 1)
        #expect(check.output.contains(".stdkit/links.lock:2:1: error: a merge conflict is left in the lock here [links-lock-invalid]\n 2 | <<<<<<< ours\n"), "\(check.output)")
        let refused = await CLIRun.run(["review", "accept", "C1#LO1"], in: folder)
        #expect(refused.status == 2)
        #expect(refused.errors.contains(".stdkit/links.lock has 4 problems (first: line 2, a merge conflict is left in the lock here); repair it, or accept every link with --all"))
        let repaired = await CLIRun.run(["review", "accept", "--all"], in: folder)
        #expect(repaired.status == 0)
        #expect(try Self.lock(in: folder) == lines)
        #expect(await CLIRun.run(["check"], in: folder).output == "checked 2 files: no problems\n")
    }

    @Test func aStaleApprovalSaysWhatChangedSinceTheApprovedRevision() async throws {
        let folder = try await Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(await CLIRun.run(["approve", "course.md", "--party", "acme", "--by", "王工", "--date", "2026-11-20"], in: folder).status == 0)
        try GitTests.git(["commit", "-q", "-am", "企业审批"], in: folder)
        try Self.edit("course.md", in: folder, "- **LO1** 能完成开机", "- **LO1** 能独立完成开机")
        try Self.edit("course.md", in: folder, "- **LO2** 能调试轨迹 → JOB-A#R2\n", "- **LO2** 能调试轨迹 → JOB-A#R2\n- **LO3** 能点检 → JOB-A#R1\n")
        let check = await CLIRun.run(["check", "--only", "approval-stale"], in: folder)
        #expect(check.output.contains("warning: acme approved C1 1.0.0 on 2026-11-20; since then: LO3 was added; LO1 was reworded; LO3 now references JOB-A#R1 [approval-stale]"), "\(check.output)")
        let status = await CLIRun.run(["review", "status", "--party", "acme"], in: folder)
        #expect(status.output.contains("stale approvals — the document changed since acme approved it (1):\n  C1 approved 1.0.0, now 1.0.0  course.md\n      since then: LO3 was added; LO1 was reworded; LO3 now references JOB-A#R1\n"), "\(status.output)")
        #expect(status.output.contains("documents to approve (1):\n  JOB-A 1.0.0 (review)  job.md\n"))

        // Outside git the approved text cannot be found, and the message says so.
        let copy = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: copy) }
        for name in ["stdkit.yml", "job.md", "course.md"] {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: copy.appendingPathComponent(name))
        }
        let outside = await CLIRun.run(["check", "--only", "approval-stale"], in: copy)
        #expect(outside.output.contains("since then: the document changed (the approved revision is not in the git history here)"), "\(outside.output)")
    }

    @Test func theLockMergesByLinkUnderTheDriver() async throws {
        guard let stdkit = GitTests.builtExecutable() else {
            print("skipped: the stdkit executable is not built beside the tests (run swift build first)")
            return
        }
        let folder = try await Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(await CLIRun.run(["git", "install", "--stdkit", stdkit.path], in: folder).status == 0)
        try GitTests.git(["add", "."], in: folder)
        try GitTests.git(["commit", "-q", "-m", "驱动"], in: folder)
        // Each side rewords one requirement and accepts its link: adjacent lock lines, which
        // git's line merge would conflict on.
        try GitTests.git(["checkout", "-q", "-b", "enterprise"], in: folder)
        try Self.edit("job.md", in: folder, "能完成开机与点检。", "能完成开机、点检与交接班。")
        #expect(await CLIRun.run(["review", "accept", "C1#LO1"], in: folder).status == 0)
        try GitTests.git(["commit", "-q", "-am", "企业：改写 R1"], in: folder)
        try GitTests.git(["checkout", "-q", "main"], in: folder)
        try Self.edit("job.md", in: folder, "能调试焊接轨迹。", "能示教并调试焊接轨迹。")
        #expect(await CLIRun.run(["review", "accept", "C1#LO2"], in: folder).status == 0)
        try GitTests.git(["commit", "-q", "-am", "学校：改写 R2"], in: folder)
        let merge = try GitTests.git(["merge", "--no-edit", "enterprise"], in: folder)
        #expect(merge.status == 0, "\(merge.output)")
        #expect(await CLIRun.run(["check"], in: folder).output == "checked 2 files: no problems\n", "both reviews survive the merge")

        // Both sides accept one link against different texts: a conflict on that link's line.
        try GitTests.git(["checkout", "-q", "-b", "enterprise-2"], in: folder)
        try Self.edit("job.md", in: folder, "能示教并调试焊接轨迹。", "能示教、调试焊接轨迹。")
        #expect(await CLIRun.run(["review", "accept", "C1#LO2"], in: folder).status == 0)
        try GitTests.git(["commit", "-q", "-am", "企业"], in: folder)
        try GitTests.git(["checkout", "-q", "main"], in: folder)
        try Self.edit("job.md", in: folder, "能示教并调试焊接轨迹。", "能示教与调试焊接轨迹。")
        #expect(await CLIRun.run(["review", "accept", "C1#LO2"], in: folder).status == 0)
        try GitTests.git(["commit", "-q", "-am", "学校"], in: folder)
        let conflicted = try GitTests.git(["merge", "--no-edit", "enterprise-2"], in: folder)
        #expect(conflicted.status != 0)
        #expect(conflicted.output.contains("stdkit merge: conflict in .stdkit/links.lock at line 3: link C1#LO2->JOB-A#R2"), "\(conflicted.output)")
        let lock = try Self.lock(in: folder)
        #expect(lock.count == 9, "header, LO1's line, and the one link's conflict block of seven lines: \(lock)")
        #expect(lock[1].hasPrefix("C1#LO1 -> JOB-A#R1 "))
    }
}

/// The test of done: on the flagship, a planted change of an enterprise requirement makes
/// exactly the outcomes covering it await the school's review.
@Suite("Review status on the flagship")
struct FlagshipReviewTests {
    /// The outcomes whose item line references `target` after its arrow, read from the files
    /// with a regular expression — independently of stdkit's model.
    static func outcomesCovering(_ target: String, under folder: URL) throws -> Set<String> {
        var found: Set<String> = []
        let pattern = try NSRegularExpression(pattern: "^\\s*[-*+] \\*\\*(LO[0-9.]+)\\*\\*[^\\n]*(→|->)[^\\n]*" + NSRegularExpression.escapedPattern(for: target) + "(?![0-9])", options: [.anchorsMatchLines])
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where file.pathExtension == "md" {
            let text = try String(contentsOf: file, encoding: .utf8)
            guard let id = text.split(separator: "\n").first(where: { $0.hasPrefix("id: ") })?.dropFirst(4) else { continue }
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range(at: 1), in: text) else { continue }
                found.insert("\(id)#\(text[range])->\(target)")
            }
        }
        return found
    }

    @Test func aPlantedRequirementChangeAwaitsExactlyTheOutcomesCoveringIt() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = folder.appendingPathComponent("standards")
        try FileManager.default.copyItem(at: CLIRun.repository.appendingPathComponent("standards"), to: project)
        try GitTests.git(["init", "-q"], in: folder)
        try GitTests.git(["add", "."], in: folder)
        try GitTests.git(["commit", "-q", "-m", "旗舰标准"], in: folder)
        let clean = await CLIRun.run(["review", "status", "--party", "yhzy", "--json", "--project", "standards"], in: folder)
        let before = try JSONSerialization.jsonObject(with: Data(clean.output.utf8)) as? [String: Any]
        #expect((before?["linksToReview"] as? [Any])?.isEmpty == true, "the flagship's links are all reviewed")

        // The enterprise (hnauto owns the job profile) rewords requirement R2.
        let job = project.appendingPathComponent("jobs/welding-robot-programmer.md")
        let text = try String(contentsOf: job, encoding: .utf8)
        let old = "能根据焊接工艺卡示教编程并调试弧焊轨迹，包括摆焊与多层多道焊。"
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: "能根据焊接工艺卡示教编程并调试弧焊轨迹，包括摆焊、多层多道焊与焊缝跟踪。").write(to: job, atomically: true, encoding: .utf8)

        let expected = try Self.outcomesCovering("JOB-WELD-ROBOT#R2", under: project)
        #expect(expected.count >= 2, "the flagship covers R2 from several courses: \(expected)")
        let school = await CLIRun.run(["review", "status", "--party", "yhzy", "--json", "--project", "standards"], in: folder)
        let mine = (try JSONSerialization.jsonObject(with: Data(school.output.utf8)) as? [String: Any])?["linksToReview"] as? [[String: Any]] ?? []
        #expect(Set(mine.compactMap { $0["link"] as? String }) == expected)
        #expect(mine.allSatisfy { ($0["change"] as? String)?.contains("{+、+}多层多道焊{+与焊缝跟踪+}") == true || ($0["change"] as? String)?.contains("{+焊缝跟踪+}") == true }, "\(mine)")
        let enterprise = await CLIRun.run(["review", "status", "--party", "hnauto", "--project", "standards"], in: folder)
        let listed = enterprise.output.split(separator: "\n").filter { $0.hasPrefix("  suspect, for yhzy to review: ") }
            .map { String($0.dropFirst("  suspect, for yhzy to review: ".count).split(separator: " ")[0]) }
        #expect(Set(listed) == expected, "\(enterprise.output)")
        #expect(listed.count == expected.count)
        #expect(enterprise.output.contains("changes of hnauto that others have still to review (\(expected.count)):"))
    }
}
