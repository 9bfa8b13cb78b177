import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

/// The fields DESIGN §13.2 adds to programmes and courses are known to the shipped schemas, and
/// their values are checked where they are written.
@Suite("Programme and course fields of issue 21")
struct ProgrammeFieldsTests {
    static let schemaRules: Set<String> = ["unknown-field", "wrong-type", "invalid-value", "missing-field"]

    static func schemaFindings(_ files: [String: String]) async throws -> [String] {
        let project = try await ProjectLoader.load(files: files.mapValues { Array($0.utf8) })
        return Checker().check(project).diagnostics.filter { schemaRules.contains($0.rule) }
            .map { "\($0.file):\($0.location.line):\($0.location.column) \($0.rule) \($0.message.english)" }
    }

    @Test func everyNewFieldIsKnown() async throws {
        let found = try await Self.schemaFindings([
            "p.md": """
                ---
                id: P1
                kind: programme
                title: 工业机器人技术专业人才培养方案（2026级）
                cohort: {year: 2026, size: 90, class_size: 45}
                elective_groups:
                  - {id: G1, title: 专业拓展选修, choose_credits: 4}
                adopted: {body: 学校党委会, minute: "2026-07", date: 2026-07-10}
                courses:
                  - {id: C1, category: public-elective, group: G1, semester: 3, hours: {theory: 16, practice: 16}, credits: 2, assessment: test}
                  - {id: C2, category: practice, semester: 5, hours: {theory: 0, practice: 48}, credits: 2, weeks: 2, location: enterprise, assessment: exam}
                ---

                """,
            "c1.md": "---\nid: C1\nkind: course\ntitle: 中华优秀传统文化\ncategory: public-elective\nlocation: alternating\nassessed_by: {yhzy: 60, hnauto: 40}\n---\n",
            "c2.md": "---\nid: C2\nkind: course\ntitle: 焊装线跟岗实训\ncategory: practice\nlocation: enterprise\n---\n",
        ])
        #expect(found == [])
    }

    @Test func wrongValuesAreReportedWhereWritten() async throws {
        let found = try await Self.schemaFindings([
            "p.md": """
                ---
                id: P1
                kind: programme
                title: 工业机器人技术
                cohort: {year: 二〇二六, size: 90}
                elective_groups:
                  - {id: G1, title: 拓展}
                courses:
                  - {id: C1, category: public-elective, assessment: 考试, weeks: 两周, location: 企业}
                ---

                """,
            "c1.md": "---\nid: C1\nkind: course\ntitle: 课程\nassessed_by: 60\n---\n",
        ])
        #expect(found == [
            "c1.md:5:14 wrong-type field 'assessed_by' must be a mapping of party ids to values of type number, such as {yhzy: 50, hnauto: 50}, not '60'",
            "p.md:5:16 wrong-type field 'cohort.year' must be a whole number, not '二〇二六'",
            "p.md:7:5 missing-field programme 'P1' has no 'elective_groups[0].choose_credits' field",
            "p.md:9:53 invalid-value '考试' is not a valid value of 'courses[0].assessment'",
            "p.md:9:64 wrong-type field 'courses[0].weeks' must be a whole number, not '两周'",
            "p.md:9:78 invalid-value '企业' is not a valid value of 'courses[0].location'",
        ])
    }
}
