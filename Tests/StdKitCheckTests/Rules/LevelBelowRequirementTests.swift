import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

@Suite("level-below-requirement")
struct LevelBelowRequirementTests {
    /// The findings of the rule in `files`, under `cn-vocational-higher` unless `profile` is nil.
    static func findings(_ files: [String: String], profile: String? = "cn-vocational-higher") async throws -> [Diagnostic] {
        var files = files
        if let profile { files["stdkit.yml"] = "profile: \(profile)\n" }
        return try await RuleCatalogueTests.findings(of: RuleExample(files)).filter { $0.rule == "level-below-requirement" }
    }

    static let job = """
        ---
        id: JOB-WELD
        kind: job-profile
        title: 焊接机器人编程调试员
        ---

        ## 职业能力要求

        - **R1** 能根据焊接工艺卡示教编程并调试焊接轨迹。 {level=4}
        - **R2** 能分析焊缝缺陷并调整焊接参数。 {level=4}
        - **R3** 能完成焊接工作站开机点检。 {level=3}
        - **R4** 能完成离线编程与仿真。 {level=4}

        """

    /// The planted fault of issue 21: three requirements at level 4 reached only by level-3
    /// outcomes give three findings, one at each requirement, naming the outcomes.
    @Test func oneFindingPerRequirementReachedOnlyByLowerOutcomes() async throws {
        let found = try await Self.findings([
            "job.md": Self.job,
            "c1.md": "---\nid: C1\nkind: course\ntitle: 机器人编程\n---\n\n- **LO1** 能编写弧焊程序 → JOB-WELD#R1, JOB-WELD#R2 {level=3}\n- **LO2** 能完成点检 → JOB-WELD#R3 {level=3}\n",
            "c2.md": "---\nid: C2\nkind: course\ntitle: 离线编程\n---\n\n- **LO1** 能完成离线编程 → JOB-WELD#R4 {level=3}\n- **LO2** 能调试焊缝参数 → JOB-WELD#R2 {level=2}\n",
        ])
        #expect(found.map(\.file) == ["job.md", "job.md", "job.md"])
        #expect(found.map(\.location) == [SourceLocation(line: 9, column: 5), SourceLocation(line: 10, column: 5), SourceLocation(line: 12, column: 5)])
        #expect(found.map(\.severity) == [.warning, .warning, .warning])
        #expect(found[1].message.text(in: .zhCN) == "岗位要求 JOB-WELD#R2 要求达到等级 4，但对应它的学习成果均未达到：C1#LO1（等级 3）、C2#LO2（等级 2）")
        #expect(found[1].message.english == "requirement JOB-WELD#R2 is at level 4, but no outcome that covers it reaches that level: C1#LO1 (level 3), C2#LO2 (level 2)")
        #expect(found[1].notes.map { "\($0.file):\($0.location.line)" } == ["c1.md:7", "c2.md:8"])
        #expect(found[1].notes[0].message.text(in: .zhCN) == "C1#LO1 的等级为 3")
        #expect(found[0].hint?.text(in: .zhCN) == "将对应它的一条学习成果提高到等级 4，或在要求的属性中用 `reached_by=课程 id` 注明由哪门后续课程或岗位实习达到")
    }

    /// A reviewer's rule: without a profile the same project is not checked; any profile checks it.
    @Test func onlyUnderAProfile() async throws {
        let files = [
            "job.md": Self.job,
            "c1.md": "---\nid: C1\nkind: course\ntitle: 机器人编程\n---\n\n- **LO1** 能编写弧焊程序 → JOB-WELD#R1, JOB-WELD#R2, JOB-WELD#R4 {level=3}\n- **LO2** 能完成点检 → JOB-WELD#R3 {level=3}\n",
        ]
        #expect(try await Self.findings(files, profile: nil).isEmpty)
        #expect(try await Self.findings(files, profile: "cn-vocational-secondary").map(\.location.line) == [9, 10, 12])
    }

    /// One outcome at the level is enough; an outcome without a level is not compared, and a
    /// requirement that only such outcomes cover is not reported.
    @Test func oneReachingOutcomeSufficesAndUnlevelledOutcomesAreNotCompared() async throws {
        let found = try await Self.findings([
            "job.md": Self.job,
            "c1.md": "---\nid: C1\nkind: course\ntitle: 机器人编程\n---\n\n- **LO1** 能编写弧焊程序 → JOB-WELD#R1, JOB-WELD#R2 {level=3}\n- **LO2** 能完成点检 → JOB-WELD#R3\n",
            "c2.md": "---\nid: C2\nkind: course\ntitle: 离线编程\n---\n\n- **LO1** 能完成离线编程 → JOB-WELD#R4\n- **LO2** 能熟练调试焊接轨迹 → JOB-WELD#R1 {level=4}\n- **LO3** 能调试焊缝参数 → JOB-WELD#R2\n",
        ])
        // R1 reached by C2#LO2; R3 and R4 only by unlevelled outcomes; R2 by C1#LO1 (3) and an
        // unlevelled outcome, which does not reach it.
        #expect(found.map(\.location.line) == [10])
        #expect(found.first?.message.english == "requirement JOB-WELD#R2 is at level 4, but no outcome that covers it reaches that level: C1#LO1 (level 3)")
    }

    /// `reached_by` makes only the named course's outcomes count, both ways.
    @Test func reachedByCountsOnlyThatCourse() async throws {
        let job = "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\n---\n\n- **R1** 能调试焊接轨迹 {level=4 reached_by=C9}\n- **R2** 能调试焊接参数 {level=4 reached_by=C9}\n- **R3** 能独立排除焊接故障 {level=4 reached_by=C9}\n"
        let found = try await Self.findings([
            "job.md": job,
            // C1 reaches R1 but is not the course named; C9 reaches R1 only at 3.
            "c1.md": "---\nid: C1\nkind: course\ntitle: 焊接工作站\n---\n\n- **LO1** 能调试 → JOB-A#R1, JOB-A#R2, JOB-A#R3 {level=4}\n",
            "c9.md": "---\nid: C9\nkind: course\ntitle: 岗位实习\n---\n\n- **LO1** 能在岗调试 → JOB-A#R1 {level=3}\n- **LO2** 能在岗调整焊接参数 → JOB-A#R2 {level=4}\n",
        ])
        #expect(found.map(\.location.line) == [7, 9])
        #expect(found[0].message.text(in: .zhCN) == "岗位要求 JOB-A#R1 要求达到等级 4，注明由 C9 达到，但 C9 中对应它的学习成果均未达到：C9#LO1（等级 3）")
        #expect(found[1].message.text(in: .zhCN) == "岗位要求 JOB-A#R3 注明由 C9 达到等级 4，但 C9 没有任何学习成果对应它")
        #expect(found[1].notes.map(\.file) == ["c9.md"])
        #expect(found[1].hint?.english == "add 'JOB-A#R3' after the arrow of the outcome of C9 that reaches it")
    }

    /// `reached_by` naming nothing, or a document that is no course, is an error at the attribute.
    @Test func reachedByNamingNoCourseIsAnError() async throws {
        let found = try await Self.findings([
            "job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\n---\n\n- **R1** 能调试焊接轨迹 {level=4 reached_by=C7}\n- **R2** 能完成点检 {reached_by=JOB-A}\n",
            "c1.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 能调试 → JOB-A#R1, JOB-A#R2 {level=4}\n",
        ])
        // R2 carries no level: nothing is compared, but its reached_by is still wrong.
        #expect(found.map(\.location) == [SourceLocation(line: 7, column: 27), SourceLocation(line: 8, column: 17)])
        #expect(found.map(\.severity) == [.error, .error])
        #expect(found[0].message.text(in: .zhCN) == "JOB-A#R1 的 `reached_by` 所写的“C7”不是任何课程标准的 id")
        #expect(found[1].message.english == "reached_by 'JOB-A' on JOB-A#R2 names no course")
    }
}
