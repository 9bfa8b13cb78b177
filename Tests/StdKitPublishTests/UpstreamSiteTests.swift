import Foundation
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitPublish

/// The upstream's documents in the site (DESIGN §14.1): published under `upstream/<id>/`, marked
/// as upstream, in their own section of the index, linked from every local reference into them,
/// each item naming the local items that implement it; an absent upstream leaves no page and no
/// broken link.
@Suite("Upstream standards in the site")
struct UpstreamSiteTests {
    static let config = "name: 学校方案\nlang: zh-CN\nupstream:\n  - id: ns\n    path: vendor/ns\n    release: v2025.1\n"

    static let upstream: [String: String] = [
        "vendor/ns/stdkit.yml": "name: 高等职业学校工业机器人技术专业教学标准\nparties:\n  - {id: moe, name: 教育部, kind: authority}\n",
        "vendor/ns/programme/ns.md": """
            ---
            id: PROG-NS
            kind: programme
            title: 专业教学标准
            owner: moe
            courses:
              - {id: COURSE-NS-PROG, category: professional-core, hours: {theory: 20, practice: 44}, credits: 4, semester: 3, assessment: exam}
            ---

            ## 培养规格

            - **S1** 能按工艺文件示教编程
            - **S2** 能维护保养工业机器人

            """,
        "vendor/ns/courses/prog.md": """
            ---
            id: COURSE-NS-PROG
            kind: course
            title: 工业机器人现场编程
            ---

            - **LO1** 会示教编程 → PROG-NS#S1

            """,
    ]

    static let local: [String: String] = [
        "programme.md": """
            ---
            id: P1
            kind: programme
            title: 人才培养方案
            implements: ns:PROG-NS
            courses:
              - {id: C1, category: professional-core, hours: {theory: 20, practice: 44}, credits: 4, semester: 3, assessment: exam}
              - {id: ns:COURSE-NS-PROG, category: professional-core, hours: {theory: 20, practice: 44}, credits: 4, semester: 4, assessment: test}
            ---

            ## 培养规格

            - **S1** 能示教编程 → ns:PROG-NS#S1
            - **S2** 能维护保养 → ns:PROG-NS#S2

            """,
        "courses/c1.md": """
            ---
            id: C1
            kind: course
            title: 编程
            implements: ns:COURSE-NS-PROG
            ---

            - **LO1** 会示教编程 → P1#S1, ns:PROG-NS#S1

            """,
        // A local document with the id of the upstream's programme: the upstream's own
        // references (`PROG-NS#S1`) still lead within the upstream.
        "same-id.md": "---\nid: PROG-NS\nkind: job-profile\ntitle: 同名的本校文件\n---\n\n- **S1** 本校同名条目\n",
    ]

    static func site(_ files: [String: String], config: String = config) async throws -> [String: Data] {
        var all = files
        all["stdkit.yml"] = config
        let project = try await ProjectLoader.load(files: all.mapValues { Array($0.utf8) })
        return try SiteBuilder(project: project, toolVersion: "test").files()
    }

    static func text(_ site: [String: Data], _ path: String) -> String {
        SiteBuilderTests.text(site[path])
    }

    /// Each `<div class="backlinks implemented">…</div>` of `html`, in order.
    static func implementedHere(_ html: String) -> [String] {
        html.components(separatedBy: "<div class=\"backlinks implemented\">").dropFirst().map { piece in
            "<div class=\"backlinks implemented\">" + (piece.components(separatedBy: "</div>").first ?? "") + "</div>"
        }
    }

    /// The lines of `html` holding `fragment`.
    static func lines(_ html: String, containing fragment: String) -> [String] {
        html.split(separator: "\n").map(String.init).filter { $0.contains(fragment) }
    }

    @Test func theUpstreamsDocumentsArePublishedInTheirOwnSection() async throws {
        let site = try await Self.site(Self.upstream.merging(Self.local) { $1 })
        #expect(site.keys.filter { $0.hasPrefix("upstream/") }.sorted() == ["upstream/ns/courses/prog.html", "upstream/ns/programme/ns.html"])
        #expect(site.keys.filter { $0.hasPrefix("documents/") }.sorted() == ["documents/courses/c1.html", "documents/programme.html", "documents/same-id.html"])
    }

    @Test func localReferencesIntoTheUpstreamLinkToItsPages() async throws {
        let site = try await Self.site(Self.upstream.merging(Self.local) { $1 })
        let programme = Self.text(site, "documents/programme.html")
        // `implements` in the front-matter panel.
        #expect(programme.contains("<dt>依据标准</dt><dd><a class=\"ref\" href=\"../upstream/ns/programme/ns.html\" title=\"专业教学标准\">专业教学标准（ns:PROG-NS）</a></dd>"))
        // A specification's reference after the arrow, to the item's anchor.
        #expect(programme.contains("<li id=\"S1\" class=\"item\"><a class=\"item-id\" href=\"#S1\">S1</a> 能示教编程 <span class=\"refs\">→ <a class=\"ref\" href=\"../upstream/ns/programme/ns.html#S1\" title=\"专业教学标准: 能按工艺文件示教编程\">ns:PROG-NS#S1</a></span>"))
        // The course table's entry of an upstream course.
        #expect(programme.contains("<tr><td><a class=\"ref\" href=\"../upstream/ns/courses/prog.html\" title=\"工业机器人现场编程\">工业机器人现场编程（ns:COURSE-NS-PROG）</a></td><td>4</td><td>64</td><td>4</td><td>考查</td>"))
        let course = Self.text(site, "documents/courses/c1.html")
        #expect(course.contains("<dt>依据标准</dt><dd><a class=\"ref\" href=\"../../upstream/ns/courses/prog.html\" title=\"工业机器人现场编程\">工业机器人现场编程（ns:COURSE-NS-PROG）</a></dd>"))
        #expect(course.contains("→ <a class=\"ref\" href=\"../programme.html#S1\" title=\"人才培养方案: 能示教编程\">P1#S1</a>, <a class=\"ref\" href=\"../../upstream/ns/programme/ns.html#S1\" title=\"专业教学标准: 能按工艺文件示教编程\">ns:PROG-NS#S1</a></span>"))
    }

    @Test func anUpstreamPageIsMarkedAndItsReferencesStayWithinIt() async throws {
        let site = try await Self.site(Self.upstream.merging(Self.local) { $1 })
        let programme = Self.text(site, "upstream/ns/programme/ns.html")
        #expect(programme.contains("<article class=\"document kind-programme upstream\">"))
        #expect(programme.contains("<p class=\"breadcrumb\"><a href=\"../../../index.html\">首页</a> › <a href=\"../../../index.html#upstreams\">上游标准</a> › 专业教学标准</p>"))
        #expect(programme.contains("<div class=\"badges\"><span class=\"badge upstream\">上游标准 ns · v2025.1 · 《高等职业学校工业机器人技术专业教学标准》</span><span class=\"badge kind\">专业教学标准</span>"))
        #expect(programme.contains("<code class=\"badge id\">ns:PROG-NS</code>"), "named by the key a local reference uses")
        #expect(programme.contains("<dt>负责单位</dt><dd>教育部</dd>"), "the upstream's parties name its owner")
        #expect(programme.contains("<link rel=\"stylesheet\" href=\"../../../assets/style.css\">"))
        // Its course table links to its own course's page, in its section.
        #expect(programme.contains("<tr><td><a class=\"ref\" href=\"../courses/prog.html\" title=\"工业机器人现场编程\">工业机器人现场编程（COURSE-NS-PROG）</a></td>"))
        let course = Self.text(site, "upstream/ns/courses/prog.html")
        #expect(course.contains("<span class=\"refs\">→ <a class=\"ref\" href=\"../programme/ns.html#S1\" title=\"专业教学标准: 能按工艺文件示教编程\">PROG-NS#S1</a></span>"),
                "the upstream's own reference leads to its own programme, not the local document of the same id")
    }

    /// Each item of an upstream page names the local items that implement or reference it, and
    /// the page the local documents that implement it as a whole.
    @Test func anUpstreamPageShowsWhatImplementsItHere() async throws {
        let site = try await Self.site(Self.upstream.merging(Self.local) { $1 })
        let programme = Self.text(site, "upstream/ns/programme/ns.html")
        #expect(Self.implementedHere(programme) == [
            "<div class=\"backlinks implemented\"><span>本校对应</span> <a href=\"../../../documents/programme.html\" title=\"人才培养方案\">P1</a></div>",
            "<div class=\"backlinks implemented\"><span>本校对应</span> <a href=\"../../../documents/courses/c1.html#LO1\" title=\"会示教编程\">C1#LO1</a>, <a href=\"../../../documents/programme.html#S1\" title=\"能示教编程\">P1#S1</a></div>",
            "<div class=\"backlinks implemented\"><span>本校对应</span> <a href=\"../../../documents/programme.html#S2\" title=\"能维护保养\">P1#S2</a></div>",
        ])
        // The upstream's own coverage stays its own: its course covers S1.
        #expect(programme.contains("<div class=\"backlinks covered\"><span>覆盖于</span> <a href=\"../courses/prog.html#LO1\" title=\"会示教编程\">COURSE-NS-PROG#LO1</a></div>"))
        let course = Self.text(site, "upstream/ns/courses/prog.html")
        #expect(Self.implementedHere(course) == [
            "<div class=\"backlinks implemented\"><span>本校对应</span> <a href=\"../../../documents/courses/c1.html\" title=\"编程\">C1</a>, <a href=\"../../../documents/programme.html\" title=\"人才培养方案\">P1</a></div>",
        ])
    }

    @Test func theBadgeInEnglishAndWithoutARelease() async throws {
        let english = try await Self.site(Self.upstream.merging(Self.local) { $1 }, config: Self.config.replacingOccurrences(of: "zh-CN", with: "en"))
        let programme = Self.text(english, "upstream/ns/programme/ns.html")
        #expect(programme.contains("<span class=\"badge upstream\">Upstream standard ns · v2025.1 · 高等职业学校工业机器人技术专业教学标准</span>"))
        #expect(programme.contains("<a href=\"../../../index.html#upstreams\">Upstream standards</a>"))
        #expect(programme.contains("<div class=\"backlinks implemented\"><span>Implemented here by</span> <a href=\"../../../documents/programme.html#S2\""))
        #expect(Self.text(english, "documents/programme.html").contains("<dt>Implements</dt><dd><a class=\"ref\" href=\"../upstream/ns/programme/ns.html\""))

        let unreleased = try await Self.site(Self.upstream.merging(Self.local) { $1 }, config: Self.config.replacingOccurrences(of: "    release: v2025.1\n", with: ""))
        #expect(Self.text(unreleased, "upstream/ns/programme/ns.html").contains("<span class=\"badge upstream\">上游标准 ns · 《高等职业学校工业机器人技术专业教学标准》</span>"))
    }

    @Test func theIndexListsTheUpstreamInItsOwnSection() async throws {
        let site = try await Self.site(Self.upstream.merging(Self.local) { $1 })
        let index = Self.text(site, "index.html")
        let documents = try #require(index.range(of: "<section class=\"documents\">"))
        let upstreams = try #require(index.range(of: "<section class=\"upstreams\" id=\"upstreams\">"))
        #expect(documents.lowerBound < upstreams.lowerBound, "after the project's own documents")
        let ownSection = String(index[documents.lowerBound..<upstreams.lowerBound])
        #expect(!ownSection.contains("upstream/"), "the upstream's documents are not mixed with the project's")
        let section = String(index[upstreams.lowerBound...])
        #expect(section.contains("<h3><span class=\"badge upstream\">上游标准 ns · v2025.1 · 《高等职业学校工业机器人技术专业教学标准》</span></h3>"))
        #expect(Self.lines(section, containing: "<tr><td><code>") == [
            "<tr><td><code>ns:PROG-NS</code></td><td><a href=\"upstream/ns/programme/ns.html\">专业教学标准</a></td><td></td><td><span class=\"status status-none\"></span></td><td>教育部</td></tr>",
            "<tr><td><code>ns:COURSE-NS-PROG</code></td><td><a href=\"upstream/ns/courses/prog.html\">工业机器人现场编程</a></td><td></td><td><span class=\"status status-none\"></span></td><td></td></tr>",
        ])
        // The navigation of every page leads to the section.
        #expect(index.contains("    <a href=\"index.html#upstreams\">上游标准</a>\n"))
        #expect(Self.text(site, "documents/courses/c1.html").contains("    <a href=\"../../index.html#upstreams\">上游标准</a>\n"))
        // A project without upstreams has neither.
        let plain = try await Self.site(["c.md": "---\nid: C\nkind: course\ntitle: 课\n---\n"], config: "name: 无上游\n")
        #expect(!Self.text(plain, "index.html").contains("upstreams"))
        #expect(!Self.text(plain, "documents/c.html").contains("upstreams"))
    }

    @Test func searchFindsTheUpstreamMarked() async throws {
        let site = try await Self.site(Self.upstream.merging(Self.local) { $1 })
        let index = Self.text(site, "search-index.js")
        #expect(index.contains("{\"k\":\"上游标准 ns · v2025.1 · 《高等职业学校工业机器人技术专业教学标准》 · 专业教学标准 · ns:PROG-NS\",\"t\":\"专业教学标准\",\"u\":\"upstream/ns/programme/ns.html\""))
        #expect(index.contains("{\"k\":\"上游标准 ns · v2025.1 · 《高等职业学校工业机器人技术专业教学标准》 · 专业教学标准\",\"t\":\"ns:PROG-NS#S1 能按工艺文件示教编程\",\"u\":\"upstream/ns/programme/ns.html#S1\",\"x\":\"能按工艺文件示教编程\"}"))
        #expect(index.contains("{\"k\":\"专业教学标准 · P1\",\"t\":\"人才培养方案\",\"u\":\"documents/programme.html\""), "the project's own are not marked")
    }

    @Test func noLinkOfTheSiteIsBroken() async throws {
        let site = try await Self.site(Self.upstream.merging(Self.local) { $1 })
        let (broken, checked) = SiteLinkTests.brokenLinks(in: site)
        #expect(broken == [])
        #expect(checked > 60, "the crawler followed \(checked) links")
    }

    /// An upstream that is not there: the site builds without its pages, and what refers to it
    /// is text saying the upstream is missing, never a link.
    @Test func anAbsentUpstreamLeavesTextNotBrokenLinks() async throws {
        let site = try await Self.site(Self.local)
        #expect(site.keys.filter { $0.hasPrefix("upstream/") } == [])
        let missing = "title=\"上游标准“ns”缺失（vendor/ns）：取回后重新生成站点即可链接\""
        let programme = Self.text(site, "documents/programme.html")
        #expect(programme.contains("<dt>依据标准</dt><dd><span class=\"ref unresolved\" \(missing)>ns:PROG-NS</span></dd>"))
        #expect(programme.contains("<span class=\"refs\">→ <span class=\"ref unresolved\" \(missing)>ns:PROG-NS#S1</span></span>"))
        #expect(programme.contains("<tr><td><span class=\"ref unresolved\" \(missing)>ns:COURSE-NS-PROG</span></td>"))
        #expect(!programme.contains("upstream/ns/"))
        let index = Self.text(site, "index.html")
        #expect(index.contains("<h3><span class=\"badge upstream\">上游标准 ns · v2025.1 · 《ns》</span></h3>\n<p class=\"upstream-missing\">缺失：vendor/ns 中没有上游标准（运行 stdkit check 查看取回方法）</p>"))
        #expect(SiteLinkTests.brokenLinks(in: site).broken == [])
        // An undeclared prefix is an unresolved reference like any other.
        let undeclared = try await Self.site(["p.md": "---\nid: P\nkind: programme\ntitle: 方案\n---\n\n- **S1** 能编程 → gd:PROG#S1\n"], config: Self.config)
        #expect(Self.text(undeclared, "documents/p.html").contains("<span class=\"ref unresolved\" title=\"该引用没有对应的文件或条目\">gd:PROG#S1</span>"))
    }

    @Test func pagesOfSeenDocumentsAreInTheirUpstreamsSection() async throws {
        var files = Self.upstream.merging(Self.local) { $1 }.mapValues { Array($0.utf8) }
        files["stdkit.yml"] = Array(Self.config.replacingOccurrences(of: "vendor/ns\n", with: "vendor/ns-460305\n").utf8)
        for (path, bytes) in files where path.hasPrefix("vendor/ns/") {
            files["vendor/ns-460305/" + path.dropFirst("vendor/ns/".count)] = bytes
            files[path] = nil
        }
        let project = try await ProjectLoader.load(files: files)
        let map = SiteMap(project: project)
        let seen = try #require(project.document("ns:PROG-NS"))
        #expect(seen.path == "vendor/ns-460305/programme/ns.md")
        #expect(map.page(of: seen) == "upstream/ns/programme/ns.html")
        #expect(map.page(of: try #require(project.document("PROG-NS"))) == "documents/same-id.html")
        let upstream = try #require(project.upstream("ns")?.project?.document("PROG-NS"))
        #expect(SiteMap(upstream: "ns").page(of: upstream) == "upstream/ns/programme/ns.html")
        // The way the matrix and the coverage summary link a row, should they list upstream ones.
        let site = try SiteBuilder(project: project, toolVersion: "test")
        #expect(site.url(from: "matrix.html", to: seen, anchor: "S1") == "upstream/ns/programme/ns.html#S1")
        #expect(site.sections.map { $0.url(from: "upstream/ns/courses/prog.html", to: upstream, anchor: "S2") } == ["../programme/ns.html#S2"])
    }
}
