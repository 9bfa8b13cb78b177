import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

/// `requirement-without-task` and `task-without-requirement`: a job profile's requirements and
/// its typical work tasks linked both ways, and the links kept out of coverage.
@Suite("Task links of job profiles")
struct TaskLinkTests {
    static let profile = """
        ---
        id: JOB-BODY
        kind: job-profile
        title: 车身焊装线机器人操作员
        ---

        ## 典型工作任务

        ### **T1** 开班点检与安全确认

        ### **T2** 车型切换与程序微调

        ### **T3** 点焊质量巡检

        ## 职业能力要求

        - **R1** 能完成焊装线开班点检与急停测试 → #T1
        - **R2** 能调用车型程序并在授权范围内修改点位 → #T2, JOB-OTHER#T3
        - **R3** 能识读焊装线气动回路图
        - **R4** 能判断点焊焊点的外观缺陷 → JOB-OTHER#T3

        """

    static let other = "---\nid: JOB-OTHER\nkind: job-profile\ntitle: 另一岗位\n---\n\n- **T3** 别的任务\n- **R1** 要求 → #T3\n"
    static let course = "---\nid: C1\nkind: course\ntitle: 焊装线操作\n---\n\n- **LO1** 能完成点检 → JOB-BODY#R1, JOB-BODY#R2, JOB-BODY#R3, JOB-BODY#R4, JOB-OTHER#R1\n"

    static let settings = "profile: cn-vocational-higher\n"

    static func findings(settings: String? = settings) async throws -> [Diagnostic] {
        var files = ["job.md": profile, "other.md": other, "c1.md": course]
        if let settings { files["stdkit.yml"] = settings }
        return try await RuleCatalogueTests.findings(of: RuleExample(files))
    }

    /// A reviewer's rule: without a profile neither is checked.
    @Test func withoutAProfileNothingIsChecked() async throws {
        let rules = ["requirement-without-task", "task-without-requirement"]
        #expect(try await Self.findings(settings: nil).filter { rules.contains($0.rule) }.isEmpty)
        #expect(try await Self.findings().filter { rules.contains($0.rule) }.count == 3)
    }

    /// A requirement linked to no task of its own profile is reported at the requirement, even
    /// when it points at another profile's task; the Chinese message is exact.
    @Test func requirementsWithoutTaskOfTheirOwnProfile() async throws {
        let found = try await Self.findings().filter { $0.rule == "requirement-without-task" }
        #expect(found.map { "\($0.file):\($0.location)" } == ["job.md:19:5", "job.md:20:5"])
        #expect(found[0].message.text(in: .zhCN) == "岗位要求 JOB-BODY#R3 未关联 JOB-BODY 的任何典型工作任务")
        #expect(found[0].hint?.text(in: .zhCN) == "在要求的表述后加上“→ #T1”，写明它服务的工作任务（本岗位的任务：T1、T2、T3）")
        #expect(found[1].message.english == "requirement JOB-BODY#R4 serves no work task of JOB-BODY")
    }

    /// A link to a task that is not there is one fault, reported once: by unresolved-reference.
    @Test func aMissingTaskIsReportedOnce() async throws {
        let job = "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\n---\n\n- **T1** 开班点检\n- **R1** 能完成点检 → #T1\n- **R2** 能调用程序 → #T9\n"
        let found = try await RuleCatalogueTests.findings(of: RuleExample(["stdkit.yml": Self.settings, "job.md": job]))
            .filter { ["requirement-without-task", "task-without-requirement", "unresolved-reference"].contains($0.rule) }
        #expect(found.map { "\($0.rule) \($0.location)" } == ["unresolved-reference 9:18"])
    }

    /// A task that no requirement of its profile serves is reported at the task's heading; a
    /// requirement of another profile referencing it does not serve it.
    @Test func tasksServedByNoRequirement() async throws {
        let found = try await Self.findings().filter { $0.rule == "task-without-requirement" }
        #expect(found.map { "\($0.file):\($0.location)" } == ["job.md:13:7"])
        #expect(found[0].message.text(in: .zhCN) == "工作任务 JOB-BODY#T3 没有 JOB-BODY 的任何岗位要求与之关联")
        #expect(found[0].hint?.english == "add '→ #T3' to each requirement the task calls for")
    }

    /// Local task references resolve, and a requirement → task link is not coverage: the
    /// tasks are neither "covered" nor uncovered, the links are no coverage links to review.
    @Test func taskLinksAreResolvedButAreNotCoverage() async throws {
        let project = try await ProjectLoader.load(files: ["stdkit.yml": Array(Self.settings.utf8), "job.md": Array(Self.profile.utf8), "other.md": Array(Self.other.utf8), "c1.md": Array(Self.course.utf8)])
        let job = try #require(project.document("JOB-BODY"))
        let r2 = try #require(job.items.first { $0.id == "R2" })
        #expect(r2.references.map(\.resolution) == [.item(document: "JOB-BODY", item: "T2"), .item(document: "JOB-OTHER", item: "T3")])
        let result = Checker().check(project)
        #expect(!result.diagnostics.contains { ["unresolved-reference", "uncovered-requirement", "wrong-target-kind"].contains($0.rule) },
                "\(result.diagnostics.map { "\($0.rule) \($0.message.english)" })")
        #expect(LinkReview(project: project).entries.map(\.link.key.source) == Array(repeating: "C1#LO1", count: 5))
        let matrix = TraceMatrix(project)
        #expect(matrix.rows.map(\.fullID) == ["JOB-BODY#R1", "JOB-BODY#R2", "JOB-BODY#R3", "JOB-BODY#R4", "JOB-OTHER#R1"])
        #expect(matrix.rows.allSatisfy { $0.covers.map(\.outcome) == ["LO1"] })
    }
}
