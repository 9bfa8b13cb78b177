import Foundation
import Testing
import StdKitSyntax
@testable import StdKitModel

/// The `all-forms` fixture uses every item and reference form, CRLF with a BOM, and YAML scalars
/// that YAML 1.1 would mistype.
@Suite("Loading a project with every form")
struct AllFormsProjectTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/all-forms")

    func load() async throws -> Project {
        try await ProjectLoader.load(root: Self.root)
    }

    func loc(_ line: Int, _ column: Int) -> StdKitSyntax.SourceLocation {
        StdKitSyntax.SourceLocation(line: line, column: column)
    }

    @Test func readsSettingsAndDiscoversDocuments() async throws {
        let project = try await load()
        #expect(project.config.name == "全形式测试项目")
        #expect(project.config.parties.map(\.id) == ["szpt", "acme-auto"])
        #expect(project.config.parties.map(\.kind) == [.school, .enterprise])
        // README.md is excluded by default; the page without front matter is a page.
        #expect(project.documents.map(\.path) == [
            "courses/basics.md", "courses/robot-programming.md", "jobs/maintenance.md",
            "jobs/welding-robot-operator.md", "notes/page.md", "programme/programme.md",
        ])
        #expect(project.documents.map(\.kind) == ["course", "course", "job-profile", "job-profile", "page", "programme"])
        #expect(project.diagnostics.isEmpty)
        #expect(project.documents.allSatisfy { $0.diagnostics.isEmpty })
    }

    @Test func scalarsStayTheTextWritten() async throws {
        let project = try await load()
        let course = try #require(project.document("COURSE-ROBOT-PROG"))
        #expect(course.version == "1.10.0")
        #expect(course.frontMatter?["code"]?.scalar == "0012")
        #expect(course.frontMatter?["tags"]?.sequence?.compactMap(\.scalar) == ["no", "yes", "2026-11-20"])
        #expect(course.parties == ["szpt", "acme-auto"])
        #expect(course.owner == "szpt")
    }

    @Test func crlfAndBOMDocument() async throws {
        let project = try await load()
        let job = try #require(project.document("JOB-MAINT"))
        #expect(job.hasByteOrderMark)
        #expect(job.lineEnding == "\r\n")
        #expect(job.version == "2.0.0")
        #expect(job.items.map(\.id) == ["R1", "R2"])
        #expect(job.items.map(\.location) == [loc(16, 5), loc(17, 5)])
        #expect(job.sections.map(\.title) == ["工业机器人系统运维员", "典型工作任务", "职业能力要求"])
    }

    @Test func itemsOfEveryForm() async throws {
        let project = try await load()
        let course = try #require(project.document("COURSE-ROBOT-PROG"))
        #expect(course.items.map(\.id) == ["LO1", "LO2", "LO3", "LO4", "LO5", "LO5.1", "LO6", "LO7", "U1", "U2"])
        #expect(course.items.map(\.fullID).first == "COURSE-ROBOT-PROG#LO1")
        #expect(course.items.map(\.location) == [
            loc(22, 5), loc(23, 5), loc(24, 6), loc(25, 6), loc(26, 5), loc(27, 7), loc(29, 5), loc(34, 5), loc(38, 7), loc(40, 3),
        ])
        let lo5 = try #require(course.item("LO5"))
        #expect(lo5.attribute("note") == "校企 共同评价")
        #expect(course.item("LO5.1")?.parentID == "LO5")
        #expect(course.item("U1")?.host == .heading(level: 3))
        #expect(course.item("U2")?.host == .heading(level: 2))
        #expect(course.item("LO7")?.references.map(\.syntax.text) == ["JOB-WELD-ROBOT#R2"], "the arrow in code is text")
        #expect(course.item("LO7")?.text == "代码中的箭头 a -> b 不是引用")
        #expect(course.sections.map(\.anchor) == ["工业机器人编程与调试", "课程目标", "课程内容与学时分配", "u1-弧焊工作站编程", "u2-离线编程", "考核评价"])
    }

    @Test func everyReferenceFormResolves() async throws {
        let project = try await load()
        let course = try #require(project.document("COURSE-ROBOT-PROG"))
        let resolutions = course.items.flatMap { item in item.references.map { "\(item.id) \($0.syntax.text) \($0.resolution)" } }
        #expect(resolutions == [
            "LO1 JOB-WELD-ROBOT#R1 item(document: \"JOB-WELD-ROBOT\", item: \"R1\")",
            "LO1 PROG-ROBOT#S1 item(document: \"PROG-ROBOT\", item: \"S1\")",
            "LO2 JOB-WELD-ROBOT#R2 item(document: \"JOB-WELD-ROBOT\", item: \"R2\")",
            "LO2 JOB-WELD-ROBOT#R3 item(document: \"JOB-WELD-ROBOT\", item: \"R3\")",
            "LO3 JOB-MAINT#R1 item(document: \"JOB-MAINT\", item: \"R1\")",
            "LO3 JOB-WELD-ROBOT#R1 item(document: \"JOB-WELD-ROBOT\", item: \"R1\")",
            "LO4 JOB-MAINT#R2 item(document: \"JOB-MAINT\", item: \"R2\")",
            "LO5 JOB-MAINT document(\"JOB-MAINT\")",
            "LO5.1 JOB-WELD-ROBOT@1#R4 item(document: \"JOB-WELD-ROBOT\", item: \"R4\")",
            "LO6 JOB-WELD-ROBOT#R3 item(document: \"JOB-WELD-ROBOT\", item: \"R3\")",
            "LO6 JOB-MAINT#R2 item(document: \"JOB-MAINT\", item: \"R2\")",
            "LO7 JOB-WELD-ROBOT#R2 item(document: \"JOB-WELD-ROBOT\", item: \"R2\")",
            "U1 #LO2 item(document: \"COURSE-ROBOT-PROG\", item: \"LO2\")",
        ])
        #expect(course.item("LO5.1")?.references.first?.syntax.pin == 1)
        #expect(course.item("LO6")?.references.map(\.syntax.location) == [loc(30, 8), loc(31, 3)])
    }

    @Test func frontMatterReferencesFollowTheSchema() async throws {
        let project = try await load()
        let course = try #require(project.document("COURSE-ROBOT-PROG"))
        #expect(course.references.map(\.syntax.text) == ["COURSE-BASICS"])
        #expect(course.references.first?.origin == .field("prerequisites[0]"))
        #expect(course.references.first?.syntax.location == loc(14, 17))
        let programme = try #require(project.document("PROG-ROBOT"))
        #expect(programme.references.map { "\($0.origin) \($0.syntax.text) \($0.isResolved)" } == [
            "field(\"occupations[0]\") JOB-WELD-ROBOT true",
            "field(\"occupations[1]\") JOB-MAINT true",
            "field(\"courses[0].id\") COURSE-BASICS true",
            "field(\"courses[1].id\") COURSE-ROBOT-PROG true",
        ])
    }

    @Test func reverseIndexKnowsWhatCoversEachItem() async throws {
        let project = try await load()
        let covering = project.index.sources(referencingItem: "R1", of: "JOB-WELD-ROBOT")
        #expect(covering.map { "\($0.document)#\($0.item ?? "")" } == ["COURSE-ROBOT-PROG#LO1", "COURSE-ROBOT-PROG#LO3"])
        #expect(covering.map(\.location) == [loc(22, 27), loc(24, 37)])
        let usedBy = project.index.sources(referencingDocument: "COURSE-ROBOT-PROG")
        #expect(usedBy.map { $0.field ?? "" } == ["courses[1].id"])
        #expect(project.index.sources(referencingDocument: "JOB-WELD-ROBOT").map(\.document) == ["COURSE-BASICS", "PROG-ROBOT"])
        #expect(project.index.sources(referencingItem: "R2", of: "JOB-WELD-ROBOT").map { $0.item ?? "" } == ["LO2", "LO7"])
        #expect(project.index.sources(referencingItem: "S1", of: "PROG-ROBOT").map { $0.item ?? "" } == ["LO1"])
        #expect(project.index.sources(referencingItem: "LO2", of: "COURSE-ROBOT-PROG").map { $0.item ?? "" } == ["U1"])
    }

    @Test func pagesHaveNoItems() async throws {
        let project = try await load()
        let page = try #require(project.documents.first { $0.path == "notes/page.md" })
        #expect(page.isPage)
        #expect(page.items.isEmpty)
        #expect(page.id == nil)
    }

    @Test func modelJSONListsEveryDocumentItemAndReference() async throws {
        let project = try await load()
        let json = JSONOutput.encode(ModelJSON(project))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "1")
        let documents = try #require(object["documents"] as? [[String: Any]])
        #expect(documents.count == 6)
        let course = try #require(documents.first { $0["id"] as? String == "COURSE-ROBOT-PROG" })
        let items = try #require(course["items"] as? [[String: Any]])
        let lo2 = try #require(items.first { $0["id"] as? String == "LO2" })
        #expect(lo2["fullId"] as? String == "COURSE-ROBOT-PROG#LO2")
        #expect(lo2["line"] as? Int == 23)
        #expect(lo2["column"] as? Int == 5)
        #expect(lo2["text"] as? String == "能编写并调试弧焊轨迹程序")
        #expect(lo2["attributes"] as? [String: String] == ["level": "3", "hours": "12"])
        let references = try #require(lo2["references"] as? [[String: Any]])
        #expect(references.map { $0["target"] as? String } == ["JOB-WELD-ROBOT#R2", "JOB-WELD-ROBOT#R3"])
        #expect(references.map { $0["resolved"] as? Bool } == [true, true])
        #expect(references.map { $0["column"] as? Int } == [26, 45])
    }
}
