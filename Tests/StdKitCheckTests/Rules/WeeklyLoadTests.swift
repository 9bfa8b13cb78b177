import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

@Suite("weekly-load")
struct WeeklyLoadTests {
    static let heavySemesterOne = [
        "{id: COURSE-DRAWING, category: professional-basic, semester: 1, hours: {theory: 100, practice: 200}, credits: 18}",
        "{id: COURSE-ENGLISH, category: public-basic, semester: [1, 2], hours: {theory: 160, practice: 320}, credits: 30}",
        // 军事技能 takes two whole weeks: not part of the weekly load.
        "{id: COURSE-MILITARY-SKILL, category: practice, semester: 1, weeks: 2, hours: {theory: 0, practice: 48}, credits: 2}",
    ]

    /// 300 + 480 ÷ 2 = 540 hours over 18 weeks: 30 a week in semester 1, named in Chinese with
    /// its courses, heaviest first, at the programme's `courses:`.
    @Test func aHeavySemesterInChinese() async throws {
        let found = try await TimetableProject.findings("weekly-load", TimetableProject.files(courses: Self.heavySemesterOne))
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.file == "p.md" && finding.location == StdKitSyntax.SourceLocation(line: 5, column: 1))
        #expect(finding.severity == .warning)
        #expect(finding.message.text(in: .zhCN)
            == "第 1 学期周学时 30，超过 28（该学期 540 学时，按 18 个教学周计；规则配置 cn-vocational-higher）：COURSE-DRAWING 300 学时、COURSE-ENGLISH 240 学时")
        #expect(finding.message.english
            == "semester 1 takes 30 hours a week (540 hours over 18 teaching weeks), more than the 28 of profile cn-vocational-higher: COURSE-DRAWING 300 h, COURSE-ENGLISH 240 h")
        #expect(finding.hint?.text(in: .zhCN) == "把部分课程调到学时较少的学期、分到更多学期开设，或把实践部分改为按周安排的集中实践（写明 `weeks`），使周学时不超过 28")
    }

    /// Without `weeks`, the same 48 hours of 军事技能 are weekly hours: 588 ÷ 18 = 32.67.
    @Test func practiceWithoutWeeksCounts() async throws {
        var courses = Self.heavySemesterOne
        courses[2] = "{id: COURSE-MILITARY-SKILL, category: practice, semester: 1, hours: {theory: 0, practice: 48}, credits: 2}"
        let found = try await TimetableProject.findings("weekly-load", TimetableProject.files(courses: courses))
        #expect(found.map { $0.message.text(in: .zhCN) } == [
            "第 1 学期周学时 32.67，超过 28（该学期 588 学时，按 18 个教学周计；规则配置 cn-vocational-higher）：COURSE-DRAWING 300 学时、COURSE-ENGLISH 240 学时、COURSE-MILITARY-SKILL 48 学时",
        ])
    }

    /// Every overloaded semester is one finding, in semester order; a course over four
    /// semesters counts a quarter in each.
    @Test func eachSemesterOnce() async throws {
        let courses = [
            "{id: C-PE, category: public-basic, semester: [1, 2, 3, 4], hours: {theory: 8, practice: 100}, credits: 6}",
            "{id: C-A, category: professional-core, semester: 2, hours: {theory: 200, practice: 300}, credits: 30}",
            "{id: C-B, category: professional-core, semester: 4, hours: {theory: 250, practice: 250}, credits: 30}",
        ]
        let found = try await TimetableProject.findings("weekly-load", TimetableProject.files(courses: courses))
        #expect(found.map { $0.message.english } == [
            "semester 2 takes 29.28 hours a week (527 hours over 18 teaching weeks), more than the 28 of profile cn-vocational-higher: C-A 500 h, C-PE 27 h",
            "semester 4 takes 29.28 hours a week (527 hours over 18 teaching weeks), more than the 28 of profile cn-vocational-higher: C-B 500 h, C-PE 27 h",
        ])
    }

    /// An elective group counts its required credits' share of its courses' hours: two
    /// courses of 4 credits and 64 hours where 4 credits are chosen count 32 hours each.
    @Test func electiveGroupsCountInProportion() async throws {
        let courses = [
            "{id: C-CORE, category: professional-core, semester: 3, hours: {theory: 200, practice: 240}, credits: 26}",
            "{id: C-E1, category: professional-elective, group: G1, semester: 3, hours: {theory: 32, practice: 32}, credits: 4}",
            "{id: C-E2, category: professional-elective, group: G1, semester: 3, hours: {theory: 32, practice: 32}, credits: 4}",
        ]
        let grouped = TimetableProject.files(courses: courses, extra: "elective_groups:\n  - {id: G1, title: 专业拓展选修, choose_credits: 4}\n")
        // 440 + 32 + 32 = 504 hours: exactly 28 a week.
        #expect(try await TimetableProject.findings("weekly-load", grouped).isEmpty)
        // Undeclared, the group counts in full: 568 hours, 31.56 a week.
        let ungrouped = try await TimetableProject.findings("weekly-load", TimetableProject.files(courses: courses))
        #expect(ungrouped.map { $0.message.text(in: .zhCN) } == [
            "第 3 学期周学时 31.56，超过 28（该学期 568 学时，按 18 个教学周计；规则配置 cn-vocational-higher）：C-CORE 440 学时、C-E1 64 学时、C-E2 64 学时",
        ])
    }

    /// The profile's settings move the threshold: 540 hours over 20 weeks are 27 a week.
    @Test func profileSettings() async throws {
        let twentyWeeks = TimetableProject.files(courses: Self.heavySemesterOne, settings: "profile_settings:\n  teaching_weeks_per_semester: 20\n")
        #expect(try await TimetableProject.findings("weekly-load", twentyWeeks).isEmpty)
        let stricter = TimetableProject.files(courses: Self.heavySemesterOne, settings: "profile_settings:\n  max_weekly_hours: 24\n")
        let found = try await TimetableProject.findings("weekly-load", stricter)
        // Semester 2 holds 240 hours, 13.33 a week: within.
        #expect(found.map { $0.message.english } == [
            "semester 1 takes 30 hours a week (540 hours over 18 teaching weeks), more than the 24 of profile cn-vocational-higher: COURSE-DRAWING 300 h, COURSE-ENGLISH 240 h",
        ])
    }

    /// A setting of the wrong type is a settings finding where it is written, and the default
    /// stands: semester 1 is still measured against 28 hours over 18 weeks.
    @Test func settingsOfTheWrongType() async throws {
        let files = TimetableProject.files(courses: Self.heavySemesterOne,
                                           settings: "profile_settings:\n  max_weekly_hours: 很多\n  teaching_weeks_per_semester: 18.5\n")
        let settings = try await TimetableProject.findings("config-invalid", files)
        #expect(settings.map { "\($0.file):\($0.location) \($0.message.text(in: .zhCN))" } == [
            "stdkit.yml:3:21 “max_weekly_hours”应为数值，而不是“很多”",
            "stdkit.yml:4:32 “teaching_weeks_per_semester”应为整数，而不是“18.5”",
        ])
        let found = try await TimetableProject.findings("weekly-load", files)
        #expect(found.map { $0.message.english } == [
            "semester 1 takes 30 hours a week (540 hours over 18 teaching weeks), more than the 28 of profile cn-vocational-higher: COURSE-DRAWING 300 h, COURSE-ENGLISH 240 h",
        ])
    }

    /// Entries without hours or without semesters are left out; a project without a profile
    /// is not measured.
    @Test func whatIsLeftOut() async throws {
        let courses = ["{id: C-X, category: professional-core, semester: 1}",
                       "{id: C-Y, category: professional-core, hours: {theory: 400, practice: 400}, credits: 50}"]
        #expect(try await TimetableProject.findings("weekly-load", TimetableProject.files(courses: courses)).isEmpty)
        var noProfile = TimetableProject.files(courses: Self.heavySemesterOne)
        noProfile["stdkit.yml"] = "name: 无规则配置\n"
        #expect(try await TimetableProject.findings("weekly-load", noProfile).isEmpty)
    }
}
