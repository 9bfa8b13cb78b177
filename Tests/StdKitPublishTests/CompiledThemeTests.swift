import Foundation
import Testing
import StdKitModel
@testable import StdKitPublish

/// The default theme's pages are written by Swift code (`CompiledPage`), not by Mustache: each
/// project here is built both ways — the renderers, and Mustache over the templates in
/// `Resources/theme` — and every file must be the same, byte for byte. A template changed
/// without its renderer, or a renderer without its template, fails here.
@Suite("The compiled default theme")
struct CompiledThemeTests {
    /// Every file of the site of `project`, built with the compiled theme and with Mustache.
    static func bothWays(_ project: Project) throws -> (compiled: [String: Data], mustache: [String: Data]) {
        (try SiteBuilder(project: project, toolVersion: "test", compiledTheme: true).files(),
         try SiteBuilder(project: project, toolVersion: "test", compiledTheme: false).files())
    }

    /// Records every file that differs, with the first line where it does.
    static func expectSame(_ compiled: [String: Data], _ mustache: [String: Data], _ name: String) {
        #expect(compiled.keys.sorted() == mustache.keys.sorted(), "\(name): the same files")
        for (path, data) in compiled.sorted(by: { $0.key < $1.key }) where mustache[path] != data {
            let ours = SiteBuilderTests.text(data).split(separator: "\n", omittingEmptySubsequences: false)
            let theirs = SiteBuilderTests.text(mustache[path]).split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(ours.count, theirs.count)).first { ours[$0] != theirs[$0] } ?? min(ours.count, theirs.count)
            Issue.record("""
                \(name): \(path) differs at line \(line + 1)
                compiled: \(line < ours.count ? String(ours[line]) : "(end)")
                Mustache: \(line < theirs.count ? String(theirs[line]) : "(end)")
                """)
        }
    }

    @Test(arguments: ["standards", "examples/minimal", "examples/review-cycle", "examples/english-programme", "examples/cooperation",
                      "Tests/StdKitPublishTests/Fixtures/small"])
    func theSameSiteBothWays(folder: String) async throws {
        let project = try await ProjectLoader.load(root: SiteBuilderTests.repository.appendingPathComponent(folder))
        let (compiled, mustache) = try Self.bothWays(project)
        #expect(compiled.count > 5)
        Self.expectSame(compiled, mustache, folder)
    }

    /// The flagship's print page (`print.mustache` around every document's article).
    @Test func theSamePrintPageBothWays() async throws {
        let project = try await ProjectLoader.load(root: SiteBuilderTests.repository.appendingPathComponent("standards"))
        let compiled = try SiteBuilder(project: project, toolVersion: "test", compiledTheme: true).printPage(of: project.documents)
        let mustache = try SiteBuilder(project: project, toolVersion: "test", compiledTheme: false).printPage(of: project.documents)
        #expect(compiled.count > 100_000)
        Self.expectSame(["print.html": compiled], ["print.html": mustache], "print")
    }

    /// An upstream that is there (its section, its badges, what implements it here) and one
    /// that is not (the index says it is missing).
    @Test(arguments: [true, false])
    func theSameUpstreamSectionBothWays(present: Bool) async throws {
        var files = UpstreamSiteTests.local
        if present { files.merge(UpstreamSiteTests.upstream) { ours, _ in ours } }
        files["stdkit.yml"] = UpstreamSiteTests.config
        let project = try await ProjectLoader.load(files: files.mapValues { Array($0.utf8) })
        let (compiled, mustache) = try Self.bothWays(project)
        #expect(compiled.keys.contains("upstream/ns/programme/ns.html") == present)
        #expect(SiteBuilderTests.text(compiled["index.html"]).contains("<p class=\"upstream-missing\">") == !present)
        Self.expectSame(compiled, mustache, "upstream \(present ? "present" : "absent")")
    }

    /// A matrix over the grid's limit is written as lists (`{{^dense}}`, `{{#covers}}`), with a
    /// requirement no course covers (the gaps).
    @Test func theSameMatrixAsListsBothWays() async throws {
        var files = ["stdkit.yml": "name: 大项目\nlang: zh-CN\n"]
        files["job.md"] = "---\nid: JOB-BIG\nkind: job-profile\ntitle: 大岗位\n---\n\n## 职业能力要求\n\n"
            + (1...300).map { "- **R\($0)** 要求 \($0) {level=2}" }.joined(separator: "\n") + "\n"
        for course in 1...200 {
            // Every other outcome without a level: a cover with an empty level.
            files["c\(course).md"] = "---\nid: C\(course)\nkind: course\ntitle: 课程\(course) & \"引\"\n---\n\n## 课程目标\n\n- **LO1** 目标 → JOB-BIG#R\(course)\(course % 2 == 0 ? " {level=3}" : "")\n"
        }
        let project = try await ProjectLoader.load(files: files.mapValues { Array($0.utf8) })
        let (compiled, mustache) = try Self.bothWays(project)
        let matrix = SiteBuilderTests.text(compiled["matrix.html"])
        #expect(matrix.contains("<td class=\"covered-by\"><a href=\"documents/c7.html#LO1\">课程7 &amp; &quot;引&quot; LO1</a> <span class=\"level\"></span>; </td>"))
        #expect(matrix.contains("<tr class=\"requirement gap\" data-requirement=\"JOB-BIG#R201\">"))
        Self.expectSame(compiled, mustache, "matrix as lists")
    }

    /// Markup and quotes in every value a page shows (HostileInputTests' project): escaped the
    /// same way both ways.
    @Test(arguments: [false, true])
    func theSameEscapingBothWays(allowHTML: Bool) async throws {
        let (root, _) = try await HostileInputTests.project(allowHTML: allowHTML)
        defer { try? FileManager.default.removeItem(at: root) }
        let project = try await ProjectLoader.load(root: root)
        let (compiled, mustache) = try Self.bothWays(project)
        #expect(SiteBuilderTests.text(compiled["documents/job.html"]).contains("<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt; · "))
        Self.expectSame(compiled, mustache, "hostile input")
    }

    /// A project as `bench/generate.py` makes them (job profiles of O*NET task statements,
    /// courses, materials, a programme listing every course), 300 documents.
    @Test func theSameGeneratedProjectBothWays() async throws {
        let folder = try SiteBuilderTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", SiteBuilderTests.repository.appendingPathComponent("bench/generate.py").path,
                             folder.appendingPathComponent("p").path, "--documents", "300"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "bench/generate.py failed")
        let project = try await ProjectLoader.load(root: folder.appendingPathComponent("p"))
        #expect(project.documents.count == 300)
        let (compiled, mustache) = try Self.bothWays(project)
        Self.expectSame(compiled, mustache, "generated")
    }

    /// A project's own template is still Mustache's, beside the compiled others: the default
    /// theme's layout copied into the project with one change shows that change on every page.
    @Test func aProjectsOwnTemplateIsRenderedByMustache() async throws {
        let root = try SiteBuilderTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: SiteBuilderTests.here.appendingPathComponent("Fixtures/small"), to: root.appendingPathComponent("p"))
        let project = root.appendingPathComponent("p")
        try FileManager.default.createDirectory(at: project.appendingPathComponent("theme"), withIntermediateDirectories: true)
        let layout = try String(contentsOf: SiteBuilderTests.repository.appendingPathComponent("Sources/StdKitPublish/Resources/theme/layout.mustache"), encoding: .utf8)
        try layout.replacingOccurrences(of: "<main>", with: "<main class=\"mine\" data-title=\"{{pageTitle}}\">")
            .write(to: project.appendingPathComponent("theme/layout.mustache"), atomically: true, encoding: .utf8)
        let config = project.appendingPathComponent("stdkit.yml")
        try (try String(contentsOf: config, encoding: .utf8) + "publish: {theme: theme}\n").write(to: config, atomically: true, encoding: .utf8)
        let loaded = try await ProjectLoader.load(root: project)
        let (compiled, mustache) = try Self.bothWays(loaded)
        Self.expectSame(compiled, mustache, "own layout")
        let theme = try Theme(override: project.appendingPathComponent("theme"))
        #expect(theme.templates.keys.sorted() == ["layout"], "only the project's template is Mustache's")
        #expect(try Theme(override: nil).templates.isEmpty)
        #expect(try Theme(override: nil, compiled: false).templates.keys.sorted() == Theme.templateNames.sorted())
        let page = SiteBuilderTests.text(compiled["documents/courses/operation.html"])
        #expect(page.contains("<main class=\"mine\" data-title=\"设备操作\">\n<article class=\"document kind-course\">"))
    }
}
