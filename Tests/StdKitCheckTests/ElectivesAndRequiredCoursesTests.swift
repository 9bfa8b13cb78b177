import Foundation
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

/// Issue 21's reviewer checks on whole small projects, with their exact places and words in
/// both languages: electives counted by their required credits, the required courses, elective
/// groups, requirements only electives reach.
@Suite("Electives counted and required courses")
struct ElectivesAndRequiredCoursesTests {
    static func findings(_ files: [String: String], rule: String) async throws -> [Diagnostic] {
        let project = try await ProjectLoader.load(files: files.mapValues { Array($0.utf8) })
        return Checker().check(project).diagnostics.filter { $0.rule == rule }
    }

    static func place(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.file):\(diagnostic.location.line):\(diagnostic.location.column)"
    }

    /// Three electives of 2 credits (97 hours) of which students choose 4 credits count 65
    /// hours and 4 credits, so the declared totals that add every elective are wrong.
    static func groupedProgramme(totalHours: Int, credits: Int) -> String {
        """
        ---
        id: P1
        kind: programme
        title: 工业机器人技术
        total_hours: \(totalHours)
        credits: \(credits)
        elective_groups:
          - {id: G1, title: 专业拓展选修（任选两门）, choose_credits: 4}
        courses:
          - {id: C1, category: professional-core, hours: {theory: 30, practice: 34}, credits: 4}
          - {id: C2, category: professional-elective, group: G1, hours: {theory: 20, practice: 13}, credits: 2}
          - {id: C3, category: professional-elective, group: G1, hours: {theory: 16, practice: 16}, credits: 2}
          - {id: C4, category: professional-elective, group: G1, hours: {theory: 10, practice: 22}, credits: 2}
        ---

        """
    }

    @Test func declaredTotalsAreComparedWithCountedTotals() async throws {
        let hours = try await Self.findings(["p.md": Self.groupedProgramme(totalHours: 161, credits: 10)], rule: "total-hours-mismatch")
        #expect(hours.map(Self.place) == ["p.md:5:14"])
        #expect(hours.map(\.message.english) == ["total_hours is 161, but the course table adds up to 129"])
        #expect(hours.map { $0.message.text(in: .zhCN) } == ["`total_hours` 为 161，但课程表合计 129 学时"])
        #expect(hours.first?.hint?.english == "set total_hours to 129, or correct the course entries")
        let credits = try await Self.findings(["p.md": Self.groupedProgramme(totalHours: 161, credits: 10)], rule: "total-credits-mismatch")
        #expect(credits.map(Self.place) == ["p.md:6:10"])
        #expect(credits.map(\.message.english) == ["credits is 10, but the course table adds up to 8"])
        for rule in ["total-hours-mismatch", "total-credits-mismatch"] {
            #expect(try await Self.findings(["p.md": Self.groupedProgramme(totalHours: 129, credits: 8)], rule: rule).isEmpty)
        }
    }

    /// 16 hours of public electives in 196: 8.2 %, under the 10 % of 教职成〔2019〕13号.
    @Test func publicElectivesCountTowardTheElectiveShare() async throws {
        func programme(_ electiveHours: Int) -> [String: String] {
            ["stdkit.yml": "profile: cn-vocational-higher\nprofile_settings: {required_courses: []}\n",
             "p.md": "---\nid: P1\nkind: programme\ntitle: 工业机器人技术\ncourses:\n"
                + "  - {id: C1, category: professional-core, hours: {theory: 40, practice: 140}, credits: 10}\n"
                + "  - {id: C2, category: public-elective, hours: {theory: \(electiveHours / 2), practice: \(electiveHours / 2)}, credits: 1}\n---\n"]
        }
        let found = try await Self.findings(programme(16), rule: "elective-share")
        #expect(found.map(Self.place) == ["p.md:5:1"])
        #expect(found.map { $0.message.text(in: .zhCN) } == ["选修课占总学时的 8.2 %（16 / 196），不得低于 10 %（规则配置 cn-vocational-higher）"])
        #expect(found.map(\.message.english) == ["elective courses are 8.2 % of the hours (16 of 196); at least 10 % is required (profile cn-vocational-higher)"])
        #expect(try await Self.findings(programme(20), rule: "elective-share").isEmpty)
    }

    /// A programme with five of the fifteen required courses (in six entries), two of them short: 职业发展与就业指导
    /// has 32 hours where 38 are required, and 体育 in two parts 102 where 108 are. 形势与政策 and
    /// 军事技能 are exempt from hours per credit; a course tagged 四史 is the "四史" course.
    static let reviewed: [String: String] = {
        var files = [
            "stdkit.yml": "profile: cn-vocational-higher\n",
            "p.md": """
                ---
                id: P1
                kind: programme
                title: 工业机器人技术
                courses:
                  - {id: C2, category: public-basic, semester: 2, hours: {theory: 16, practice: 16}, credits: 2}
                  - {id: PE1, category: public-basic, semester: 1, hours: {theory: 4, practice: 50}, credits: 3}
                  - {id: PE2, category: public-basic, semester: 2, hours: {theory: 4, practice: 44}, credits: 3}
                  - {id: H1, category: public-basic, semester: 3, hours: {theory: 16, practice: 0}, credits: 1}
                  - {id: S1, category: public-basic, semester: [1, 2, 3, 4], hours: {theory: 32, practice: 0}, credits: 1}
                  - {id: M1, category: public-basic, semester: 1, hours: {theory: 0, practice: 112}, credits: 2}
                ---

                """,
        ]
        for (id, title, tags) in [("C2", "职业发展与就业指导", ""), ("PE1", "体育一", ""), ("PE2", "体育二", ""),
                                  ("H1", "专题讲座", "tags: [四史]\n"), ("S1", "形势与政策", ""), ("M1", "军事技能", "")] {
            files["\(id).md"] = "---\nid: \(id)\nkind: course\ntitle: \(title)\n\(tags)---\n"
        }
        return files
    }()

    @Test func requiredCoursesAreFoundMissingOrShortWhereAReviewerLooks() async throws {
        let found = try await Self.findings(Self.reviewed, rule: "required-course")
        let atEntries = found.filter { $0.location.line != 5 }
        #expect(atEntries.map(Self.place) == ["p.md:6:58", "p.md:7:59"])
        #expect(atEntries.map { $0.message.text(in: .zhCN) } == [
            "课程 C2 的学时 32 低于《大学生职业发展与就业指导课程教学要求》（教高厅〔2007〕7号）对职业发展与就业指导要求的 38 学时",
            "课程 PE1、PE2 的学时 102 低于《全国普通高等学校体育课程教学指导纲要》（教体艺〔2002〕13号）对体育要求的 108 学时",
        ])
        #expect(atEntries.first?.message.english
            == "course C2 has 32 hours, below the 38 hours 《大学生职业发展与就业指导课程教学要求》（教高厅〔2007〕7号） requires for 职业发展与就业指导")
        #expect(atEntries.first?.hint?.text(in: .zhCN) == "学时至少安排 38")
        // The ten missing, all at `courses:`.
        let missing = found.filter { $0.location.line == 5 }
        #expect(missing.allSatisfy { Self.place($0) == "p.md:5:1" })
        #expect(missing.count == 10)
        #expect(missing.map { $0.message.text(in: .zhCN) }.contains(
            "方案未开设美育（公共艺术）课程，《关于切实加强新时代高等学校美育工作的意见》（教体艺〔2019〕2号）要求开设"))
        #expect(!missing.contains { $0.message.english.contains("“四史”") || $0.message.english.contains("形势与政策") })
        #expect(try await Self.findings(Self.reviewed, rule: "hours-per-credit").isEmpty)
    }

    /// 形势与政策 over four semesters with 16 hours (4 a semester) and 3 credits.
    @Test func aCourseEverySemesterIsMeasuredBySemester() async throws {
        var files = Self.reviewed
        files["p.md"] = files["p.md"]!.replacingOccurrences(
            of: "{id: S1, category: public-basic, semester: [1, 2, 3, 4], hours: {theory: 32, practice: 0}, credits: 1}",
            with: "{id: S1, category: public-basic, semester: [1, 2, 3, 4], hours: {theory: 16, practice: 0}, credits: 3}")
        let found = try await Self.findings(files, rule: "required-course").filter { $0.message.english.contains("S1") }
        #expect(found.map(Self.place) == ["p.md:10:69", "p.md:10:105"])
        #expect(found.map { $0.message.text(in: .zhCN) } == [
            "课程 S1 开设 4 个学期，每学期 4 学时，低于《教育部关于加强新时代高校“形势与政策”课建设的若干意见》（教社科〔2018〕1号）对形势与政策要求的每学期 8 学时",
            "课程 S1 为 3 学分，《教育部关于加强新时代高校“形势与政策”课建设的若干意见》（教社科〔2018〕1号）对形势与政策要求 1–2 学分",
        ])
        #expect(found.last?.message.english
            == "course S1 has 3 credits; 《教育部关于加强新时代高校“形势与政策”课建设的若干意见》（教社科〔2018〕1号） requires 1 to 2 credits for 形势与政策")
    }

    @Test func electiveGroupFindingsInChinese() async throws {
        let example = try #require(RuleCatalogue.rule("elective-group")?.description.failing.first)
        let project = try await ProjectLoader.load(files: example.files)
        let found = Checker().check(project).diagnostics.filter { $0.rule == "elective-group" }
        #expect(found.map(Self.place) == ["doc.md:6:45", "doc.md:10:48"])
        #expect(found.map { $0.message.text(in: .zhCN) } == [
            "选修课组 G1 要求修满 6 学分，但其 2 门课程合计只有 4 学分",
            "课程条目 C3 的选修课组“G2”未在 `elective_groups` 中声明；是否想写“G1”？",
        ])
        #expect(found.last?.hint?.text(in: .zhCN) == "改用 G1 之一，或在 `elective_groups` 中加入 `{id: G2, title: …, choose_credits: …}`")
    }

    @Test func aRequirementOnlyElectivesReachIsAWarningInChinese() async throws {
        let example = try #require(RuleCatalogue.rule("elective-only-coverage")?.description.failing.first)
        let project = try await ProjectLoader.load(files: example.files)
        let found = Checker().check(project).diagnostics.filter { $0.rule == "elective-only-coverage" }
        #expect(found.map(Self.place) == ["job.md:8:5"])
        #expect(found.map(\.severity) == [.warning])
        #expect(found.map { $0.message.text(in: .zhCN) } == ["JOB-A#R2 在 P1 中只由选修课 C2 覆盖：选修其他课程的学生毕业时达不到这项要求"])
        #expect(found.first?.notes.map { "\($0.file):\($0.location.line):\($0.location.column)" } == ["p.md:6:1"])
    }

    /// `stdkit model --json` lists a party's members and region only when it has them.
    @Test func modelJSONCarriesMembersAndRegion() async throws {
        let project = try await ProjectLoader.load(files: ["stdkit.yml": Array("""
            parties:
              - {id: yhzy, name: 粤海职业技术学院, kind: school, region: "440100"}
              - {id: hnauto, name: 华南汽车, kind: enterprise}
              - {id: college, name: 华南汽车产业学院, kind: joint, members: [yhzy, hnauto]}
            """.utf8)])
        let json = JSONOutput.encode(ModelJSON(project))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let parties = try #require((object["project"] as? [String: Any])?["parties"] as? [[String: Any]])
        #expect(parties.map { $0.keys.sorted() } == [["id", "kind", "name", "region"], ["id", "kind", "name"], ["id", "kind", "members", "name"]])
        #expect(parties[0]["region"] as? String == "440100")
        #expect(parties[2]["members"] as? [String] == ["yhzy", "hnauto"])
        #expect(parties[2]["kind"] as? String == "joint")
    }
}
