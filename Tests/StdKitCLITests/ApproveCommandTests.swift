import Foundation
import Testing
@testable import StdKitCLI

/// `stdkit approve` and the approval rules, on a copy of a small project.
@Suite("stdkit approve")
struct ApproveCommandTests {
    static let config = """
        # 试点项目
        parties:
          - {id: school, name: 学院, kind: school}
          - {id: company, name: 企业, kind: enterprise}
          - {id: bureau, name: 教育局, kind: authority}

        """

    static let course = """
        ---
        id: COURSE-WELD
        kind: course
        title: 焊接机器人编程   # 暂定名
        version: 1.2.0
        status: review
        parties: [school, company]
        tags: [焊接]
        ---

        # 焊接机器人编程

        ## 课程目标

        - **LO1** 能示教编程完成角焊缝焊接

        """

    static func project(course: String = Self.course) throws -> URL {
        let folder = try CLIRun.temporaryFolder()
        try config.write(to: folder.appendingPathComponent("stdkit.yml"), atomically: true, encoding: .utf8)
        try course.write(to: folder.appendingPathComponent("course.md"), atomically: true, encoding: .utf8)
        return folder
    }

    static func read(_ folder: URL) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("course.md"), encoding: .utf8)
    }

    @Test func approvingChangesOnlyTheApprovals() async throws {
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = await CLIRun.run(["approve", "course.md", "--party", "company", "--by", "王工", "--date", "2026-11-20", "--note", "已审：工艺要求"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("course.md: COURSE-WELD 1.2.0 approved by company (王工, 2026-11-20), digest "))
        let approved = try Self.read(folder)
        let digest = try #require(approved.split(separator: "digest: ").dropFirst().first?.prefix(64))
        #expect(approved == Self.course.replacingOccurrences(of: "tags: [焊接]\n", with: """
            tags: [焊接]
            approvals:
              - {party: company, version: 1.2.0, digest: \(digest), by: 王工, date: 2026-11-20, note: 已审：工艺要求}

            """))
        // A second party's approval is added; approving again replaces the party's own, in its place.
        _ = await CLIRun.run(["approve", "course.md", "--party", "school", "--by", "李老师", "--date", "2026-11-21"], in: folder)
        _ = await CLIRun.run(["approve", "course.md", "--party", "company", "--by", "张工", "--date", "2026-11-22"], in: folder)
        let twice = try Self.read(folder)
        #expect(twice.contains("""
            approvals:
              - {party: company, version: 1.2.0, digest: \(digest), by: 张工, date: 2026-11-22}
              - {party: school, version: 1.2.0, digest: \(digest), by: 李老师, date: 2026-11-21}
            ---
            """))
        #expect(twice.contains("title: 焊接机器人编程   # 暂定名\n"), "comments and spacing elsewhere are kept")
    }

    @Test func refusesUnknownPartiesAndDocumentsWithErrors() async throws {
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let unknown = await CLIRun.run(["approve", "course.md", "--party", "acme", "--by", "X"], in: folder)
        #expect(unknown.status == 1)
        #expect(unknown.errors == "stdkit approve: course.md: 'acme' is not a party declared in stdkit.yml (declared: school, company, bureau)\n")
        let outsider = await CLIRun.run(["approve", "course.md", "--party", "bureau", "--by", "X"], in: folder)
        #expect(outsider.errors.contains("bureau is not among the parties of COURSE-WELD (parties: [school, company]); add it to `parties` first"))
        try Self.course.replacingOccurrences(of: "version: 1.2.0", with: "version: 1.2").write(to: folder.appendingPathComponent("course.md"), atomically: true, encoding: .utf8)
        let broken = await CLIRun.run(["approve", "course.md", "--party", "school", "--by", "X"], in: folder)
        #expect(broken.status == 1)
        #expect(broken.errors.contains("COURSE-WELD has 1 error (first: line 5,"))
        for date in ["2026-13-01", "2026-02-30", "20261120"] {
            let badDate = await CLIRun.run(["approve", "course.md", "--party", "school", "--by", "X", "--date", date], in: folder)
            #expect(badDate.status == 2, "\(date)")
            #expect(badDate.errors.contains("--date '\(date)' is not a date YYYY-MM-DD"))
        }
        #expect(try Self.read(folder) == Self.course.replacingOccurrences(of: "version: 1.2.0", with: "version: 1.2"), "nothing was written")
    }

    @Test func anEditMakesApprovalsStaleAndApprovedNeedsEveryParty() async throws {
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = await CLIRun.run(["approve", "course.md", "--party", "school", "--by", "李老师"], in: folder)
        let url = folder.appendingPathComponent("course.md")
        // Approved by one party of two: not yet `approved` (setting the status leaves the
        // school's approval current: the status is not part of the digest).
        try Self.read(folder).replacingOccurrences(of: "status: review", with: "status: approved").write(to: url, atomically: true, encoding: .utf8)
        let one = await CLIRun.run(["check", "."], in: folder)
        #expect(one.status == 1)
        #expect(one.output.contains("error: COURSE-WELD is approved but has no current approval from company [approval-missing]"))
        // The company approves despite that error (its approval is what resolves it): clean.
        let company = await CLIRun.run(["approve", "course.md", "--party", "company", "--by", "王工"], in: folder)
        #expect(company.status == 0, "\(company.errors)")
        let both = await CLIRun.run(["check", "."], in: folder)
        #expect(both.status == 0, "\(both.output)")
        // An edit after the approvals: both stale, and approved no longer holds.
        try Self.read(folder).replacingOccurrences(of: "角焊缝焊接", with: "角焊缝与对接焊缝焊接").write(to: url, atomically: true, encoding: .utf8)
        let edited = await CLIRun.run(["check", "."], in: folder)
        #expect(edited.status == 1)
        #expect(edited.output.components(separatedBy: "[approval-stale]").count == 3)
        #expect(edited.output.contains("has no current approval from school (its approval is stale), company (its approval is stale)"))
    }
}
