import Foundation
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

/// The cooperation rules of DESIGN §13.4 beyond their catalogue examples: exact findings, in
/// Chinese and English, with Chinese text in the documents.
@Suite("Cooperation rules")
struct CooperationRuleTests {
    static func findings(_ files: [String: String], rule: String) async throws -> [Diagnostic] {
        let project = try await ProjectLoader.load(files: files.mapValues { Array($0.utf8) })
        return Checker().check(project).diagnostics.filter { $0.rule == rule }
    }

    /// The finding as `file:line:column severity message` in `language`.
    static func lines(_ findings: [Diagnostic], _ language: Language) -> [String] {
        findings.map { "\($0.file):\($0.location) \($0.severity) \($0.message.text(in: language))" }
    }

    static func apprenticeship(_ fields: String, body: String = "") -> [String: String] {
        ["stdkit.yml": CooperationExample.config, "job.md": CooperationExample.job, "p.md": CooperationExample.programme(),
         "a.md": CooperationExample.apprenticeship(fields, body: body)]
    }

    @Test(arguments: [
        ("1-12", 1...12), ("13", 13...13), (" 3 - 18 ", 3...18), ("1–12", 1...12), ("1～8", 1...8), ("13 – 20", 13...20), ("1~60", 1...60),
    ] as [(String, ClosedRange<Int>)])
    func weekRangesAsSchoolsWriteThem(text: String, weeks: ClosedRange<Int>) {
        #expect(AlternationSchedule.weekRange(text) == weeks)
    }

    /// Weeks beyond `AlternationSchedule.maximumWeek` (60) are a typing error; an em dash and a
    /// sign are not how schools write a range.
    @Test(arguments: ["", "0-4", "12-1", "1-12周", "第1-12周", "1-", "-4", "1-4-8", "一至十二", "1-61", "1-2000", "13—20", "+3-8", "a-b"])
    func malformedWeekRanges(text: String) {
        #expect(AlternationSchedule.weekRange(text) == nil)
    }

    @Test func scheduleFindingsInChineseAndEnglish() async throws {
        let found = try await Self.findings(Self.apprenticeship(
            "cohort: {year: 2026, size: 10}\nschedule:\n  - {semester: 4, weeks: 1-10, place: school}   # 校内\n  - {semester: 4, weeks: 9-12, place: enterprise}\n  - {semester: 4, weeks: 15-20, place: enterprise}\n"),
            rule: "alternation-schedule")
        #expect(Self.lines(found, .zhCN) == [
            "a.md:11:26 error 第 4 学期第 9-12 周与前面安排的第 1-10 周重叠",
            "a.md:12:26 error APP-R 第 4 学期第 13-14 周未作安排",
        ])
        #expect(Self.lines(found, .en) == [
            "a.md:11:26 error weeks 9-12 of semester 4 overlap weeks 1-10 scheduled before them",
            "a.md:12:26 error APP-R leaves weeks 13-14 of semester 4 unscheduled",
        ])
        #expect(found.first?.notes.map { "\($0.location)" } == ["10:26"])
    }

    /// A week past the last a semester can have is reported, and counts no weeks: two entries
    /// up to `Int.max` once overflowed the sum of the scheduled weeks.
    @Test func absurdWeeksAreReportedAndNotCounted() async throws {
        let files = Self.apprenticeship(
            "cohort: {year: 2026, size: 10}\nschedule:\n  - {semester: 3, weeks: 1-12, place: school}\n  - {semester: 3, weeks: 13-2000, place: enterprise}\n  - {semester: 4, weeks: 1-9223372036854775807, place: enterprise}\n  - {semester: 5, weeks: 2-9223372036854775807, place: enterprise}\n")
        let found = try await Self.findings(files, rule: "alternation-schedule")
        #expect(Self.lines(found, .zhCN) == [
            "a.md:11:26 error 第 3 学期的教学周“13-2000”不是某一周或一段周次",
            "a.md:12:26 error 第 4 学期的教学周“1-9223372036854775807”不是某一周或一段周次",
            "a.md:13:26 error 第 5 学期的教学周“2-9223372036854775807”不是某一周或一段周次",
        ])
        #expect(found.first?.hint?.text(in: .zhCN) == "写一周（13）或一段周次（1-12），起始周不小于 1，结束周不大于 60")
        #expect(found.first?.hint?.text(in: .en) == "write one week (13) or a range of weeks (1-12), from week 1 to week 60 at the latest")
        let share = try await Self.findings(files, rule: "enterprise-share")
        #expect(Self.lines(share, .zhCN) == ["a.md:10:3 warning 企业岗位学习 0 周，占已安排 12 周的 0 %，低于规则配置 cn-vocational-higher 要求的 50 %"])
    }

    @Test func aScheduleInAnyOrderWithoutGapsIsClean() async throws {
        let found = try await Self.findings(Self.apprenticeship(
            "cohort: {year: 2026, size: 10}\nschedule:\n  - {semester: 3, weeks: 13-20, place: enterprise}\n  - {semester: 3, weeks: 1-12, place: school}\n  - {semester: 4, weeks: 1-20, place: enterprise}\n"),
            rule: "alternation-schedule")
        #expect(found.isEmpty, "\(Self.lines(found, .en))")
    }

    /// 8 of 20 weeks at the enterprise is 40 %: a warning under the shipped 50 %, none when the
    /// project lowers the share to 0.4.
    @Test func enterpriseShareFollowsTheProfileSetting() async throws {
        var files = Self.apprenticeship("cohort: {year: 2026, size: 10}\nschedule:\n  - {semester: 3, weeks: 1-12, place: school}\n  - {semester: 3, weeks: 13-20, place: enterprise}\n")
        let found = try await Self.findings(files, rule: "enterprise-share")
        #expect(Self.lines(found, .zhCN) == ["a.md:10:3 warning 企业岗位学习 8 周，占已安排 20 周的 40 %，低于规则配置 cn-vocational-higher 要求的 50 %"])
        #expect(Self.lines(found, .en) == ["a.md:10:3 warning the enterprise has 40 % of the scheduled weeks (8 of 20); profile cn-vocational-higher expects at least 50 %"])
        files["stdkit.yml"] = CooperationExample.config + "profile_settings:\n  min_enterprise_share: 0.4\n"
        #expect(try await Self.findings(files, rule: "enterprise-share").isEmpty)
    }

    @Test func mentorsTimesRatioMustReachTheCohort() async throws {
        let body = "- **M1** 张工，焊装车间高级技师 {party=hnauto}\n- **M2** 李工 {party=hnauto}\n"
        let found = try await Self.findings(Self.apprenticeship("cohort: {year: 2026, size: 11}\nmentor_ratio: 5\n", body: body), rule: "mentor-count")
        #expect(Self.lines(found, .zhCN) == ["a.md:8:28 error 企业师傅 2 名，每名师傅带徒不超过 5 人，最多可带 10 名学徒，而本期学徒 11 人"])
        #expect(found.first?.hint?.text(in: .en) == "name at least 3 enterprise mentors as M items, or correct mentor_ratio or cohort.size")
        #expect(try await Self.findings(Self.apprenticeship("cohort: {year: 2026, size: 10}\nmentor_ratio: 5\n", body: body), rule: "mentor-count").isEmpty)
        #expect(try await Self.findings(Self.apprenticeship("cohort: {year: 2026, size: 40}\n", body: body), rule: "mentor-count").isEmpty,
                "no mentor_ratio: not checked")
        let parties = try await Self.findings(Self.apprenticeship("cohort: {year: 2026, size: 10}\n",
                                                                  body: "## 企业师傅\n\n- **M1** 张工 {party=yhzy}\n- **M2** 李工，涂装车间技师\n- **M3** 王工 {party=hnqc}\n"), rule: "mentor-count")
        #expect(Self.lines(parties, .zhCN) == ["a.md:14:5 error 企业师傅 APP-R#M2 未写明所属单位", "a.md:15:5 error 企业师傅 APP-R#M3 所属单位“hnqc”未在 stdkit.yml 中声明"])
    }

    @Test func assessmentSharesSumAndParties() async throws {
        var files = Self.apprenticeship("cohort: {year: 2026, size: 10}\nassessment: {yhzy: 40.5, hnauto: 59.5}\n")
        files["c.md"] = "---\nid: C1\nkind: course\ntitle: 焊接机器人编程\nassessed_by: {yhzy: 70, hnqc: 20}\n---\n"
        let found = try await Self.findings(files, rule: "assessment-shares")
        #expect(Self.lines(found, .zhCN) == ["c.md:5:14 error C1 的 `assessed_by` 各方占比合计 90%，应为 100%"])
        #expect(Self.lines(found, .en) == ["c.md:5:14 error the shares in assessed_by of C1 add up to 90, not 100"])
        // A course's `assessed_by` is a party map in the shipped schema, so its unknown party is
        // the schema's finding, reported once.
        let unknown = try await Self.findings(files, rule: "unknown-party")
        #expect(unknown.map { "\($0.file):\($0.location)" } == ["c.md:5:25"])
    }

    /// The apprenticeship's `assessment` is a `party-map`: an undeclared party is the schema
    /// check's `unknown-party`, not reported twice.
    @Test func anUnknownPartyInAPartyMapIsTheSchemaChecks() async throws {
        let files = Self.apprenticeship("cohort: {year: 2026, size: 10}\nassessment: {yhzy: 50, hnqc: 50}\n")
        let project = try await ProjectLoader.load(files: files.mapValues { Array($0.utf8) })
        let found = Checker().check(project).diagnostics.filter { $0.file == "a.md" && ["unknown-party", "assessment-shares"].contains($0.rule) }
        #expect(found.map { "\($0.rule) \($0.location)" } == ["unknown-party 9:24"])
        #expect(found.first?.message.text(in: .en) == "party 'hnqc' in 'assessment' is not declared in stdkit.yml")
    }

    @Test func aPartyMapValueOfTheWrongTypeIsReported() async throws {
        let files = Self.apprenticeship("cohort: {year: 2026, size: 10}\nassessment: {yhzy: 一半, hnauto: 50}\n")
        let project = try await ProjectLoader.load(files: files.mapValues { Array($0.utf8) })
        let found = Checker().check(project).diagnostics.filter { $0.file == "a.md" && $0.rule == "wrong-type" }
        #expect(found.map { "\($0.location) \($0.message.text(in: .en))" } == ["9:20 field 'assessment.yhzy' must be a number, not '一半'"])
        let list = Self.apprenticeship("cohort: {year: 2026, size: 10}\nassessment: [yhzy, hnauto]\n")
        let listFound = Checker().check(try await ProjectLoader.load(files: list.mapValues { Array($0.utf8) })).diagnostics.filter { $0.rule == "wrong-type" }
        #expect(listFound.map(\.location.description) == ["9:13"])
    }

    @Test func rotationPostsServeTheProgrammesJobProfiles() async throws {
        var files = Self.apprenticeship("cohort: {year: 2026, size: 10}\n",
                                        body: "## 岗位轮换\n\n- **P1** 焊装线机器人操作岗 → JOB-OP#T1 {weeks=4}\n- **P2** 涂装线喷涂岗 → JOB-PAINT#R1 {weeks=4}\n- **P3** 总装线 → JOB-NONE#T1\n")
        files["paint.md"] = "---\nid: JOB-PAINT\nkind: job-profile\ntitle: 喷涂工\n---\n\n- **T1** 喷涂\n- **R1** 能喷涂 → #T1\n"
        let found = try await Self.findings(files, rule: "rotation-post-target")
        #expect(Self.lines(found, .zhCN) == ["a.md:14:5 error 轮岗岗位 APP-R#P2 未对应专业 PROG-R 职业面向（JOB-OP）中的任何工作任务或岗位要求"],
                "P3's unresolved reference is unresolved-reference's")
    }

    @Test func trainingModulesAddUpAndCoverRequirements() async throws {
        let files = [
            "job.md": CooperationExample.job,
            "c.md": "---\nid: C1\nkind: course\ntitle: 工业机器人编程\n---\n\n- **U1** 示教编程 {hours=8}\n",
            "t.md": "---\nid: TRN-A\nkind: training\ntitle: 机器人操作员岗位提升培训\nenterprise: hnauto\nhours: 40\n---\n\n## 培训模块与学时\n\n- **TM1** 示教编程提升 → JOB-OP#R1, C1#U1 {hours=16}\n- **TM2** 编程规范 → C1#U1 {hours=16}\n- **TM3** 安全 {hours=4}\n",
        ]
        let hours = try await Self.findings(files, rule: "training-hours-mismatch")
        #expect(Self.lines(hours, .zhCN) == ["t.md:6:8 error TRN-A 共 40 学时，但各培训模块合计 36 学时"])
        #expect(hours.first?.notes.map(\.location.description) == ["11:5"])
        let coverage = try await Self.findings(files, rule: "module-covers-no-requirement")
        #expect(Self.lines(coverage, .zhCN) == ["t.md:12:5 error 培训模块 TRN-A#TM2 未对应任何岗位能力要求"])
        let empty = try await Self.findings(files, rule: "outcome-covers-nothing")
        #expect(empty.map { "\($0.file):\($0.location)" } == ["t.md:13:5"], "a module without references is reported once, by outcome-covers-nothing")
    }

    /// A training module covering a requirement is coverage: the requirement is not uncovered,
    /// and the trace matrix shows the training as a column.
    @Test func aTrainingModuleCoversARequirement() async throws {
        let files = [
            "job.md": "---\nid: JOB-OP\nkind: job-profile\ntitle: 机器人操作员\n---\n\n- **R1** 能完成示教编程\n",
            "t.md": "---\nid: TRN-A\nkind: training\ntitle: 培训\nenterprise: hnauto\nhours: 16\n---\n\n- **TM1** 示教编程提升 → JOB-OP#R1 {hours=16}\n",
        ]
        #expect(try await Self.findings(files, rule: "uncovered-requirement").isEmpty)
        let project = try await ProjectLoader.load(files: files.mapValues { Array($0.utf8) })
        let matrix = TraceMatrix(project)
        #expect(matrix.columns.map(\.id) == ["TRN-A"])
        #expect(matrix.rows.map { $0.cell(for: "TRN-A") } == ["●"])
    }

    @Test func facilityCapacityAgainstTheLargestClass() async throws {
        var files = [
            "stdkit.yml": CooperationExample.config, "job.md": CooperationExample.job,
            "p.md": CooperationExample.programme(extra: "cohort: {year: 2026, size: 90, class_size: 30}\n"),
            "p2.md": "---\nid: PROG-B\nkind: programme\ntitle: 智能制造装备技术\ncohort: {year: 2026, size: 45, class_size: 45}\ncourses:\n  - {id: C1, category: professional-basic}\n---\n",
            "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n",
            "c2.md": "---\nid: C2\nkind: course\ntitle: 课程二\n---\n",
            "lab.md": "---\nid: LAB-WS\nkind: facility\ntitle: 工业机器人工作站实训室\nowner: yhzy\nlocation: enterprise\nstations: 12\nseats_per_station: 3\ncourses: [C2, C1]\n---\n",
        ]
        let found = try await Self.findings(files, rule: "facility-capacity")
        #expect(Self.lines(found, .zhCN) == ["lab.md:9:15 error LAB-WS 共 36 个工位（12 个工作站 × 每站 3 人），而课程 C1 在专业 PROG-B 的班级规模为 45 人"])
        files["p2.md"] = "---\nid: PROG-B\nkind: programme\ntitle: 智能制造装备技术\ncourses:\n  - {id: C1, category: professional-basic}\n---\n"
        #expect(try await Self.findings(files, rule: "facility-capacity").isEmpty, "a programme without a class size is not compared")
    }
}
