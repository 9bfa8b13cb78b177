import Testing
import StdKitSyntax
@testable import StdKitModel

/// The counted arithmetic of a course table (DESIGN §13.2, issue 21): an elective group counts
/// its `choose_credits` and its hours in proportion, rounded once for the group.
@Suite("Course table")
struct CourseTableTests {
    static func table(_ frontMatter: String) async throws -> CourseTable {
        let project = try await ProjectLoader.load(files: ["p.md": Array("---\nid: P1\nkind: programme\ntitle: 工业机器人技术\n\(frontMatter)---\n".utf8)])
        let programme = try #require(project.documents.first)
        return try #require(CourseTable(programme))
    }

    static let grouped = """
        elective_groups:
          - {id: G1, title: 专业拓展选修, choose_credits: 4}
        courses:
          - {id: C1, category: professional-core, semester: 3, hours: {theory: 30, practice: 34}, credits: 4}
          - {id: C2, category: professional-elective, group: G1, semester: 4, hours: {theory: 20, practice: 13}, credits: 2}
          - {id: C3, category: professional-elective, group: G1, semester: 4, hours: {theory: 16, practice: 16}, credits: 2}
          - {id: C4, category: professional-elective, group: G1, semester: [4, 5], hours: {theory: 10, practice: 22}, credits: 2}
          - {id: C5, category: public-elective, group: G9, hours: {theory: 16, practice: 0}, credits: 1}

        """

    /// G1 offers 97 hours (51 practice) for 6 credits and asks for 4: 97 × 4 ÷ 6 = 64.67 → 65
    /// hours, practice 51 × 4 ÷ 6 = 34, theory 65 − 34 = 31. C5 names an undeclared group and
    /// counts in full.
    @Test func aGroupCountsItsRequiredCreditsAndItsHoursInProportion() async throws {
        let table = try await Self.table(Self.grouped)
        #expect(table.groups.map(\.id) == ["G1"])
        #expect(table.groups.first?.chooseCredits == 4)
        #expect(table.offeredCredits(inGroup: "G1") == 6)
        #expect(table.ratio(ofGroup: "G1") == 4.0 / 6.0)
        #expect(table.counted == CourseTable.Hours(theory: 30 + 31 + 16, practice: 34 + 34 + 0))
        #expect(table.totalHours == 145)
        #expect(table.practiceHours == 68)
        #expect(table.totalCredits == 9)
        #expect(table.countedHours(inCategory: "professional-elective") == CourseTable.Hours(theory: 31, practice: 34))
        #expect(table.hours(inCategory: "professional-core") == 64)
        #expect(table.hours(inCategory: "public-elective") == 16)
        #expect(table.hours(inCategories: ["public-elective", "professional-elective"]) == 81)
        #expect(table.entries.map { table.weight(of: $0) } == [1, 4.0 / 6.0, 4.0 / 6.0, 4.0 / 6.0, 1])
        #expect(table.entries.map(\.semesters) == [[3], [4], [4], [4, 5], []])
        #expect(table.entries.map(\.group) == [nil, "G1", "G1", "G1", "G9"])
    }

    /// Half an hour rounds up, practice and the total each rounded once: 45 × ½ = 22.5 → 23,
    /// practice 15 × ½ = 7.5 → 8, theory 23 − 8 = 15.
    @Test func halvesRoundAwayFromZero() async throws {
        let table = try await Self.table("""
            elective_groups: [{id: 公选, title: 公共选修, choose_credits: 1}]
            courses:
              - {id: C1, category: public-elective, group: 公选, hours: {theory: 16, practice: 8}, credits: 1}
              - {id: C2, category: public-elective, group: 公选, hours: {theory: 14, practice: 7}, credits: 1}

            """)
        #expect(table.counted == CourseTable.Hours(theory: 15, practice: 8))
        #expect(table.totalCredits == 1)
    }

    /// Without groups every entry counts in full, as before issue 21.
    @Test func withoutGroupsEverythingCountsInFull() async throws {
        let table = try await Self.table("""
            courses:
              - {id: C1, category: professional-elective, hours: {theory: 20, practice: 13}, credits: 2}
              - {id: C2, category: professional-elective, hours: {theory: 16, practice: 16}, credits: 2.5}

            """)
        #expect(table.counted == CourseTable.Hours(theory: 36, practice: 29))
        #expect(table.totalCredits == 4.5)
    }

    /// A group asking for more than its courses offer counts what they offer (the elective-group
    /// rule reports it); a group whose courses lack credits, or without choose_credits, cannot be
    /// scaled and counts in full.
    @Test func groupsThatCannotBeScaledCountWhatTheyOffer() async throws {
        let table = try await Self.table("""
            elective_groups:
              - {id: G1, title: 多选, choose_credits: 6}
              - {id: G2, title: 无学分, choose_credits: 1}
              - {id: G3, title: 未定}
            courses:
              - {id: C1, category: professional-elective, group: G1, hours: {theory: 16, practice: 16}, credits: 2}
              - {id: C2, category: professional-elective, group: G2, hours: {theory: 10, practice: 6}}
              - {id: C3, category: professional-elective, group: G2, hours: {theory: 10, practice: 6}, credits: 1}
              - {id: C4, category: professional-elective, group: G3, hours: {theory: 8, practice: 8}, credits: 1}

            """)
        #expect(table.ratio(ofGroup: "G1") == 1)
        #expect(table.ratio(ofGroup: "G2") == 1)
        #expect(table.ratio(ofGroup: "G3") == 1)
        #expect(table.totalHours == 32 + 32 + 16)
        #expect(table.totalCredits == 2 + 1 + 1)
    }

    /// Chinese group ids and titles are read as written.
    @Test func groupsAreReadWithTheirTitles() async throws {
        let table = try await Self.table("elective_groups:\n  - {id: 拓展, title: 专业拓展课（任选两门）, choose_credits: 4.5}\ncourses: []\n")
        #expect(table.groups.map(\.id) == ["拓展"])
        #expect(table.groups.map(\.title) == ["专业拓展课（任选两门）"])
        #expect(table.groups.map(\.chooseCredits) == [4.5])
        #expect(table.groups.first?.node.location == SourceLocation(line: 6, column: 5))
    }
}
