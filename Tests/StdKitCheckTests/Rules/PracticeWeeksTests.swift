import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

@Suite("practice-weeks")
struct PracticeWeeksTests {
    static let military = "{id: COURSE-MILITARY-SKILL, category: practice, semester: 1, weeks: 2, hours: {theory: 0, practice: 112}, credits: 2}"

    /// 军事技能 of 112 hours in "2 weeks" against 24 hours a week, at its `weeks` value.
    @Test func militarySkillsInChinese() async throws {
        let found = try await TimetableProject.findings("practice-weeks", TimetableProject.files(courses: [Self.military]))
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.file == "p.md" && finding.location == StdKitSyntax.SourceLocation(line: 6, column: 73))
        #expect(finding.severity == .error)
        #expect(finding.message.text(in: .zhCN) == "课程 COURSE-MILITARY-SKILL 安排 2 周，按每周 24 学时应为 48 学时，实际为 112 学时")
        #expect(finding.hint?.text(in: .zhCN)
            == "把学时改为 48，或把周数改为 4.67；本校集中实践每周不按此学时计的，请在 stdkit.yml 中设置 `practice_hours_per_week`")
        #expect(finding.message.english == "COURSE-MILITARY-SKILL is 2 weeks, which at 24 hours a week are 48 hours, but its hours are 112")
    }

    /// Hours that are the weeks at 24 a week pass; an entry without `weeks` is not checked.
    @Test func matchingAndUnstatedWeeks() async throws {
        let courses = [
            "{id: COURSE-TRAINING, category: practice, semester: 5, weeks: 5, hours: {theory: 0, practice: 120}, credits: 5}",
            "{id: COURSE-LAB, category: practice, semester: 2, hours: {theory: 0, practice: 112}, credits: 2}",
        ]
        #expect(try await TimetableProject.findings("practice-weeks", TimetableProject.files(courses: courses)).isEmpty)
    }

    /// The project's `practice_hours_per_week` (read from `stdkit.yml` of a project on disk):
    /// at 28 hours a week, 4 weeks are 112 hours and 2 weeks are 56.
    @Test func theProjectsHoursAWeek() async throws {
        let settings = "practice_hours_per_week: 28\n"
        let fourWeeks = Self.military.replacingOccurrences(of: "weeks: 2", with: "weeks: 4")
        #expect(try await TimetableProject.findingsOnDisk("practice-weeks", TimetableProject.files(courses: [fourWeeks], settings: settings)).isEmpty)
        let found = try await TimetableProject.findingsOnDisk("practice-weeks", TimetableProject.files(courses: [Self.military], settings: settings))
        #expect(found.map { $0.message.text(in: .zhCN) } == ["课程 COURSE-MILITARY-SKILL 安排 2 周，按每周 28 学时应为 56 学时，实际为 112 学时"])
        // Read from disk without the setting, the default stands.
        let plain = try await TimetableProject.findingsOnDisk("practice-weeks", TimetableProject.files(courses: [fourWeeks]))
        #expect(plain.map { $0.message.english } == ["COURSE-MILITARY-SKILL is 4 weeks, which at 24 hours a week are 96 hours, but its hours are 112"])
    }
}
