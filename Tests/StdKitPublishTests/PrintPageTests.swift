import Foundation
import Testing
import StdKitModel
@testable import StdKitPublish

/// The print page of `stdkit export --format pdf`: documents one after the other as their pages
/// show them, with anchors and links moved into the one page.
@Suite("The print page")
struct PrintPageTests {
    static let files: [String: String] = [
        "stdkit.yml": "name: 打印示例\nlang: zh-CN\n",
        "jobs/operator.md": """
            ---
            id: JOB-OP
            kind: job-profile
            title: 设备操作员
            ---

            ## 职业能力要求

            - **R1** 能完成开机与急停测试。
            """,
        "courses/a.md": """
            ---
            id: COURSE-A
            kind: course
            title: 课程甲
            ---

            ## 课程目标

            - **U1** 能安全开机 → JOB-OP#R1
            - **U2** 能接着学课程乙 → COURSE-B#U1

            见[本页目标](#课程目标)与[手册](https://example.org/手册)。
            """,
        "courses/b.md": """
            ---
            id: COURSE-B
            kind: course
            title: 课程乙
            ---

            ## 课程目标

            - **U1** 能记录参数，见[课程甲](a.md#U2)。
            """,
    ]

    static func site() async throws -> SiteBuilder {
        let project = try await ProjectLoader.load(files: files.mapValues { Array($0.utf8) })
        return try SiteBuilder(project: project, toolVersion: "test")
    }

    @Test func theDocumentsOneAfterTheOtherWithoutTheSiteAroundThem() async throws {
        let site = try await Self.site()
        let documents = try ["COURSE-B", "COURSE-A"].map { try #require(site.project.document($0)) }
        let html = String(decoding: site.printPage(of: documents), as: UTF8.self)
        let strings = SiteStrings(lang: "zh-CN")
        // In the order given, each in its own section (the stylesheet breaks the page before each).
        let first = try #require(html.range(of: "<section class=\"print-document\" id=\"d0\">"))
        let second = try #require(html.range(of: "<section class=\"print-document\" id=\"d1\">"))
        #expect(first.upperBound < second.lowerBound)
        #expect(html[first.upperBound..<second.lowerBound].contains("课程乙"))
        #expect(html[second.upperBound...].contains("课程甲"))
        // No navigation, search or site footer; the site's stylesheet from the top.
        #expect(!html.contains("<nav"))
        #expect(!html.contains("role=\"search\""))
        #expect(!html.contains(strings["generatedBy"]))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"assets/style.css\">"))
        #expect(html.contains("<title>课程乙</title>"))
        #expect(html.contains("<html lang=\"zh-CN\">"))
    }

    @Test func anchorsAreTheDocumentsOwnAndLinksLeadInsideThePage() async throws {
        let site = try await Self.site()
        let documents = try ["COURSE-A", "COURSE-B"].map { try #require(site.project.document($0)) }
        let html = String(decoding: site.printPage(of: documents), as: UTF8.self)
        // Both courses have an item U1: each keeps its own anchor.
        #expect(html.contains("id=\"d0-U1\""))
        #expect(html.contains("id=\"d1-U1\""))
        #expect(!html.contains("id=\"U1\""))
        // A reference to a printed document leads to its item in the page; one to a document
        // not printed is text, not a link to a file that will not exist.
        #expect(html.contains("href=\"#d1-U1\""))
        #expect(html.contains("href=\"#d0-U2\""))
        #expect(!html.contains("operator.html"))
        #expect(html.contains("JOB-OP#R1"))
        // A link within the page keeps to its document; the web stays the web.
        #expect(html.contains("href=\"#d0-%E8%AF%BE%E7%A8%8B%E7%9B%AE%E6%A0%87\""))
        #expect(html.contains("href=\"https://example.org/%E6%89%8B%E5%86%8C\""))
    }

    @Test(arguments: [
        ("id", "U1", "d2-U1"),
        ("href", "#U1", "#d2-U1"),
        ("href", "b.html#LO1", "#d5-LO1"),
        ("href", "../courses/b.html", "#d5"),
        ("href", "../jobs/x.html#R1", nil),
        ("href", "https://example.org/a.html", "https://example.org/a.html"),
        ("href", "mailto:a@example.org", "mailto:a@example.org"),
        ("src", "img/%E5%9B%BE.png", "documents/courses/img/%E5%9B%BE.png"),
        ("src", "../../../outside.png", "../../../outside.png"),
    ] as [(String, String, String?)])
    func oneAttribute(name: String, value: String, expected: String?) {
        let links = PrintLinks(page: "documents/courses/a.html", anchor: "d2", printed: ["documents/courses/b.html": "d5"])
        #expect(links.rewrite(name: name, value: value) == expected)
    }

    @Test func attributesAreFoundOnlyAsAttributes() {
        let links = PrintLinks(page: "a.html", anchor: "d0", printed: [:])
        let html = #"<p id="x">id="y" <a href="z.html">z</a> <img src="p.png" alt="id"></p>"#
        #expect(links.rewrite(html) == #"<p id="d0-x">id="y" <a>z</a> <img src="p.png" alt="id"></p>"#)
    }
}
