import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

@Suite("internship-placement")
struct InternshipPlacementTests {
    static func files(_ entry: String, title: String = "岗位实习", settings: String = "") -> [String: String] {
        TimetableProject.files(courses: [entry], settings: settings,
                               others: ["intern.md": "---\nid: COURSE-INTERNSHIP\nkind: course\ntitle: \(title)\n---\n\n# \(title)\n"])
    }

    /// 576 hours are 24 weeks; semester 6 alone holds 20: reported at `semester`, in Chinese.
    @Test func oneSemesterCannotHoldSixMonths() async throws {
        let found = try await TimetableProject.findings("internship-placement",
            Self.files("{id: COURSE-INTERNSHIP, category: practice, semester: 6, hours: {theory: 0, practice: 576}, credits: 24}"))
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.file == "p.md" && finding.location == StdKitSyntax.SourceLocation(line: 6, column: 59))
        #expect(finding.severity == .warning)
        #expect(finding.message.text(in: .zhCN) == "岗位实习 COURSE-INTERNSHIP（岗位实习）需 24 周，但安排在第 6 学期，按每学期 20 周计只有 20 周")
        #expect(finding.hint?.text(in: .zhCN) == "将其安排在 2 个学期，如最后 2 个学期")
    }

    /// 顶岗实习 of 12 weeks is short, at its `weeks`; of 480 hours without weeks, 20 weeks, at
    /// its `hours`.
    @Test func tooShort() async throws {
        let weeks = try await TimetableProject.findings("internship-placement",
            Self.files("{id: COURSE-INTERNSHIP, category: practice, semester: [5, 6], weeks: 12, hours: {theory: 0, practice: 288}, credits: 12}",
                       title: "顶岗实习"))
        #expect(weeks.map { "\($0.location) \($0.message.text(in: .zhCN))" }
            == ["6:74 岗位实习 COURSE-INTERNSHIP（顶岗实习）只有 12 周，应约为 24 周（规则配置 cn-vocational-higher）"])
        #expect(weeks.first?.hint?.text(in: .zhCN) == "安排 24 周（576 学时）：《职业学校学生实习管理规定》规定岗位实习一般为 6 个月")
        let hours = try await TimetableProject.findings("internship-placement",
            Self.files("{id: COURSE-INTERNSHIP, category: practice, semester: [5, 6], hours: {theory: 0, practice: 480}, credits: 20}"))
        #expect(hours.map { "\($0.location) \($0.message.english)" }
            == ["6:74 the internship COURSE-INTERNSHIP (岗位实习) lasts 20 weeks; about 24 are expected (profile cn-vocational-higher)"])
    }

    /// Six months over two semesters pass; a practice course whose title is not an
    /// internship's (毕业设计) is not measured.
    @Test func whatPasses() async throws {
        #expect(try await TimetableProject.findings("internship-placement",
            Self.files("{id: COURSE-INTERNSHIP, category: practice, semester: [5, 6], weeks: 24, hours: {theory: 0, practice: 576}, credits: 24}")).isEmpty)
        #expect(try await TimetableProject.findings("internship-placement",
            Self.files("{id: COURSE-INTERNSHIP, category: practice, semester: 6, weeks: 4, hours: {theory: 0, practice: 96}, credits: 4}",
                       title: "毕业设计")).isEmpty)
    }

    /// The profile's settings: another title pattern, fewer weeks, longer semesters.
    @Test func profileSettings() async throws {
        let settings = "profile_settings:\n  internship_match: 企业实践\n  min_internship_weeks: 16\n  weeks_per_semester: 26\n"
        let found = try await TimetableProject.findings("internship-placement",
            Self.files("{id: COURSE-INTERNSHIP, category: practice, semester: 6, weeks: 12, hours: {theory: 0, practice: 288}, credits: 12}",
                       title: "企业实践", settings: settings))
        #expect(found.map { $0.message.text(in: .zhCN) } == ["岗位实习 COURSE-INTERNSHIP（企业实践）只有 12 周，应约为 16 周（规则配置 cn-vocational-higher）"])
        let roomy = try await TimetableProject.findings("internship-placement",
            Self.files("{id: COURSE-INTERNSHIP, category: practice, semester: 6, weeks: 24, hours: {theory: 0, practice: 576}, credits: 24}",
                       settings: "profile_settings:\n  weeks_per_semester: 26\n"))
        #expect(roomy.isEmpty)
    }

    /// A pattern that is not a regular expression is a settings finding where it is written.
    @Test func unreadablePattern() async throws {
        let files = Self.files("{id: COURSE-INTERNSHIP, category: practice, semester: 6, weeks: 24, hours: {theory: 0, practice: 576}, credits: 24}",
                               settings: "profile_settings:\n  internship_match: \"岗位(实习\"\n")
        let found = try await TimetableProject.findings("config-invalid", files)
        #expect(found.map { "\($0.file):\($0.location) \($0.message.text(in: .zhCN))" }
            == ["stdkit.yml:3:21 “internship_match”应为正则表达式，而不是“岗位(实习”"])
    }
}
