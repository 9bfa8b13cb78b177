import Foundation
import Testing
import StdKitSyntax
@testable import StdKitModel

/// `stdkit model --json` carries each document's front matter (`fields`), typed by its kind's
/// schema, so that the kinds of cooperation have their data in the model.
@Suite("Model JSON fields")
struct ModelFieldsTests {
    static func fields(of id: String, in files: [String: String]) async throws -> [String: Any] {
        let project = try await ProjectLoader.load(files: files.mapValues { Array($0.utf8) })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(JSONOutput.encode(ModelJSON(project)).utf8)) as? [String: Any])
        let documents = try #require(object["documents"] as? [[String: Any]])
        let document = try #require(documents.first { $0["id"] as? String == id })
        return try #require(document["fields"] as? [String: Any])
    }

    @Test func anApprenticeshipsCalendarCohortAndSharesAreInTheModel() async throws {
        let fields = try await Self.fields(of: "APP-R", in: [
            "stdkit.yml": "parties:\n  - {id: yhzy, name: 粤海职业技术学院, kind: school}\n  - {id: hnauto, name: 华南汽车, kind: enterprise}\n",
            "a.md": """
                ---
                id: APP-R
                kind: apprenticeship
                title: 学徒制试点班（2026级）
                programme: PROG-R
                enterprise: hnauto
                cohort: {year: 2026, size: 30}
                recruitment: {mode: 招生即招工, contract: 三方协议}
                mentor_ratio: 5
                schedule:
                  - {semester: 3, weeks: 1-12, place: school}
                  - {semester: 3, weeks: 13-20, place: enterprise, posts: [P1, P2]}
                assessment: {yhzy: 50, hnauto: 49.5}
                colour:
                ---

                """,
        ])
        #expect(fields["id"] as? String == "APP-R")
        #expect(fields["title"] as? String == "学徒制试点班（2026级）")
        let cohort = try #require(fields["cohort"] as? [String: Any])
        #expect(cohort["size"] as? Int == 30 && cohort["year"] as? Int == 2026)
        #expect((fields["recruitment"] as? [String: String]) == ["mode": "招生即招工", "contract": "三方协议"])
        #expect(fields["mentor_ratio"] as? Int == 5)
        let schedule = try #require(fields["schedule"] as? [[String: Any]])
        #expect(schedule.map { $0["semester"] as? Int } == [3, 3])
        #expect(schedule.map { $0["weeks"] as? String } == ["1-12", "13-20"])
        #expect(schedule[1]["posts"] as? [String] == ["P1", "P2"])
        let assessment = try #require(fields["assessment"] as? [String: Any])
        #expect(assessment["yhzy"] as? Int == 50)
        #expect(assessment["hnauto"] as? Double == 49.5)
        #expect(fields["colour"] is NSNull, "an empty value is null")
    }

    /// Values are typed by the schema, never by YAML 1.1: a course code stays text, a value of
    /// the wrong type stays the text the check reports.
    @Test func valuesAreTypedByTheSchemaNotByYAML() async throws {
        let fields = try await Self.fields(of: "C1", in: [
            "c.md": "---\nid: C1\nkind: course\ntitle: 课程\ncode: 0012\ncredits: 2.5\nsemester: [3, 4]\nhours: {theory: 16, practice: lots}\ntags: [no, yes]\n---\n",
        ])
        #expect(fields["code"] as? String == "0012")
        #expect(fields["credits"] as? Double == 2.5)
        #expect(fields["semester"] as? [Int] == [3, 4])
        let hours = try #require(fields["hours"] as? [String: Any])
        #expect(hours["theory"] as? Int == 16)
        #expect(hours["practice"] as? String == "lots")
        #expect(fields["tags"] as? [String] == ["no", "yes"])
    }
}
