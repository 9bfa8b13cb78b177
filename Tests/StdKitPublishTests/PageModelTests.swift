import Foundation
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitPublish

@Suite("Page models and the kept Markdown tree")
struct PageModelTests {
    static let themed = SiteBuilderTests.here.appendingPathComponent("Fixtures/themed")

    /// `Fixtures/themed` overrides every template with one that writes each name a template may
    /// use (docs/publishing.md). The golden pages were written by stdkit before the page models
    /// (when the templates were given dictionaries), so every name still answers as it did.
    @Test(arguments: ["index.html", "matrix.html", "search.html", "documents/jobs/operator.html", "documents/courses/operation.html"])
    func everyTemplateNameAnswersAsBefore(page: String) async throws {
        let project = try await ProjectLoader.load(root: Self.themed, keepingBodies: true)
        let site = try SiteBuilder(project: project, toolVersion: "test").files()
        let golden = SiteBuilderTests.here.appendingPathComponent("Fixtures/themed-golden/" + page)
        #expect(SiteBuilderTests.text(site[page]) == (try String(contentsOf: golden, encoding: .utf8)))
    }

    @Test func anApprovalWithoutANoteIsFalseAndAMissingNameIsLookedForOutside() throws {
        let approval = ApprovalLine(party: "示例企业", version: "1.0.0", by: "王工", date: "2026-11-20", note: nil, stale: true)
        #expect(approval.child(named: "note") as? Bool == false)
        #expect(approval.child(named: "party") as? String == "示例企业")
        #expect(approval.child(named: "title") == nil)
        let noted = ApprovalLine(party: "", version: "", by: "", date: "", note: "同意", stale: false)
        #expect(noted.child(named: "note") as? String == "同意")
        #expect(noted.child(named: "stale") as? Bool == false)
    }

    /// A grid's rows have cells and no covers, a list's the other way round: the name that is
    /// not there is nil, so that a template's `{{#covers}}` looks for it further out, as before.
    @Test func aMatrixRowHasOnlyTheNamesOfItsLayout() {
        let cell = MatrixPage.Cell(value: "3", covered: true, title: "C#LO1")
        let row = MatrixPage.Row(item: "R1", fullId: "J#R1", text: "要求", gap: false, count: 1, url: "j.html#R1", cells: [cell])
        #expect((row.child(named: "cells") as? [MatrixPage.Cell])?.map(\.value) == ["3"])
        #expect(row.child(named: "covers") == nil)
        #expect(row.child(named: "count") as? Int == 1)
    }

    /// The site renders the tree the loader kept, not a new parse of the text: a tree changed
    /// after loading is what the page shows.
    @Test func theSiteRendersTheKeptTree() async throws {
        var project = try await ProjectLoader.load(root: SiteBuilderTests.here.appendingPathComponent("Fixtures/small"), keepingBodies: true)
        let position = try #require(project.documents.firstIndex { $0.id == "COURSE-OP" })
        var body = try #require(project.documents[position].body)
        let last = body.children.count - 1
        #expect(body.children[last].plainText == "实操。")
        body.children[last].children = [MarkdownNode(kind: .text, literal: "树中的文字")]
        project.documents[position].body = body
        let page = SiteBuilderTests.text(try SiteBuilder(project: project, toolVersion: "test").files()["documents/courses/operation.html"])
        #expect(page.contains("<p>树中的文字</p>"))
        #expect(!page.contains("实操。"))
    }

    /// Loaded with or without the trees, a project makes the same site, byte for byte.
    @Test(arguments: ["Tests/StdKitPublishTests/Fixtures/small", "standards", "examples/english-programme"])
    func keptAndParsedAgainMakeTheSameSite(folder: String) async throws {
        let root = SiteBuilderTests.repository.appendingPathComponent(folder)
        let kept = try SiteBuilder(project: try await ProjectLoader.load(root: root, keepingBodies: true), toolVersion: "test").files()
        let parsed = try SiteBuilder(project: try await ProjectLoader.load(root: root), toolVersion: "test").files()
        #expect(kept.keys.sorted() == parsed.keys.sorted())
        for (path, data) in kept where parsed[path] != data {
            Issue.record("\(path) differs between the kept and the parsed-again tree")
        }
    }
}
