import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitPublish

/// The programme page's charts draw counted hours, as the check counts them: an elective group
/// by its choose_credits, its hours in proportion (issue 21).
@Suite("Programme charts")
struct ChartsTests {
    static func table() async throws -> CourseTable {
        let text = """
            ---
            id: P1
            kind: programme
            title: 工业机器人技术
            elective_groups:
              - {id: G1, title: 专业拓展选修, choose_credits: 4}
            courses:
              - {id: C1, category: professional-core, semester: 3, hours: {theory: 30, practice: 34}, credits: 4}
              - {id: C2, category: professional-elective, group: G1, semester: 4, hours: {theory: 20, practice: 13}, credits: 2}
              - {id: C3, category: professional-elective, group: G1, semester: 4, hours: {theory: 16, practice: 16}, credits: 2}
              - {id: C4, category: professional-elective, group: G1, semester: [4, 5], hours: {theory: 10, practice: 22}, credits: 2}
              - {id: C5, category: public-elective, semester: 2, hours: {theory: 16, practice: 0}, credits: 1}
            ---

            """
        let project = try await ProjectLoader.load(files: ["p.md": Array(text.utf8)])
        let programme = try #require(project.documents.first)
        return try #require(CourseTable(programme))
    }

    /// G1's 97 hours count 65 (31 theory, 34 practice); public electives have their own bar.
    @Test func categoriesShowCountedHours() async throws {
        let svg = Charts.hoursByCategory(try await Self.table(), strings: SiteStrings(lang: "zh-CN"))
        #expect(svg.contains("<title>理论 31</title>"))
        #expect(svg.contains("<title>实践 34</title>"))
        #expect(svg.contains(">65（44.8%）</text>"))
        #expect(svg.contains(">公共选修课</text>"))
        #expect(!svg.contains(">97（"))
    }

    /// Semester 4 holds C2, C3 and half of C4, each at ⅔: 36 × ⅔ + 5 × ⅔ = 27.3 theory and
    /// 29 × ⅔ + 11 × ⅔ = 26.7 practice; semester 5 the other half of C4, 10.7.
    @Test func semestersShowCountedHours() async throws {
        let svg = Charts.hoursBySemester(try await Self.table(), strings: SiteStrings(lang: "en"))
        #expect(svg.contains("<title>Theory 27.3</title>"))
        #expect(svg.contains("<title>Practice 26.7</title>"))
        #expect(svg.contains(">54</text>"))
        #expect(svg.contains(">10.7</text>"))
    }

    @Test func thePracticeShareIsOfCountedHours() async throws {
        let svg = Charts.practiceShare(try await Self.table(), minimum: 0.5, strings: SiteStrings(lang: "en"))
        #expect(svg.contains(">46.9%（68/145）</text>"))
    }
}
