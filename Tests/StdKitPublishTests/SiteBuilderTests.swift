import Foundation
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitPublish

@Suite("stdkit build")
struct SiteBuilderTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = here.deletingLastPathComponent().deletingLastPathComponent()

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func site(of root: URL) async throws -> [String: Data] {
        let project = try await ProjectLoader.load(root: root)
        return try SiteBuilder(project: project, toolVersion: "test").files()
    }

    static func text(_ data: Data?) -> String { data.map { String(decoding: $0, as: UTF8.self) } ?? "" }

    /// The body of a document page, from the `<div class="body">` to the end of the article,
    /// is compared with a golden file. Re-record with STDKIT_RECORD=1.
    @Test(arguments: ["documents/courses/operation.html", "documents/jobs/operator.html"])
    func goldenDocumentPages(page: String) async throws {
        let site = try await Self.site(of: Self.here.appendingPathComponent("Fixtures/small"))
        let html = Self.text(site[page])
        let start = try #require(html.range(of: "<div class=\"body\">"))
        let end = try #require(html.range(of: "</article>"))
        let body = String(html[start.lowerBound..<end.upperBound])
        let golden = Self.here.appendingPathComponent("Fixtures/small-golden/" + page.replacingOccurrences(of: "/", with: "_"))
        if ProcessInfo.processInfo.environment["STDKIT_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try body.write(to: golden, atomically: true, encoding: .utf8)
        }
        #expect(body == (try String(contentsOf: golden, encoding: .utf8)), "\(page) differs from its golden file; re-record with STDKIT_RECORD=1 after checking the change")
    }

    @Test func itemsReferencesAndBacklinks() async throws {
        let site = try await Self.site(of: Self.here.appendingPathComponent("Fixtures/small"))
        let course = Self.text(site["documents/courses/operation.html"])
        #expect(course.contains("<li id=\"LO1\" class=\"item\" data-level=\"3\"><a class=\"item-id\" href=\"#LO1\">LO1</a> 能安全开机 <span class=\"refs\">→ <a class=\"ref\" href=\"../jobs/operator.html#R1\""))
        #expect(course.contains("<span class=\"ref unresolved\""), "an unresolved reference is marked, not linked")
        #expect(!course.contains("{level=3}"), "attributes are data, not text")
        #expect(course.contains("<a href=\"../jobs/operator.html#R1\">岗位标准</a>"), "links to Markdown files point at their pages")
        let job = Self.text(site["documents/jobs/operator.html"])
        #expect(job.contains("<div class=\"backlinks covered\"><span>覆盖于</span> <a href=\"../courses/operation.html#LO1\""))
        #expect(job.contains("<strong>示例企业</strong> v1.0.0 — 审批人 王工, 2026-11-20 <span class=\"stale\">已过期：审批后文档有修改</span></li>"),
                "the fixture's digest is not the page's: the approval is marked stale")
        let home = Self.text(site["index.html"])
        #expect(home.contains("<td class=\"approvals\"><span class=\"approval stale\" title=\"审批人 王工 — 已过期：审批后文档有修改\">示例企业 v1.0.0 2026-11-20 <span class=\"stale\">已过期：审批后文档有修改</span></span></td>"),
                "the index lists who approved which version and when, and marks the stale approval")
        let matrix = Self.text(site["matrix.html"])
        #expect(matrix.contains("data-requirement=\"JOB-OP#R1\""))
        #expect(matrix.contains("<strong>2 / 2</strong>"))
        let index = Self.text(site["search-index.js"])
        #expect(index.hasPrefix("window.STDKIT_SEARCH = {"))
        #expect(index.contains("\"t\":\"JOB-OP#R1 能完成开机与急停测试。\""))
    }

    @Test func aCurrentApprovalIsNotMarkedStale() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Self.here.appendingPathComponent("Fixtures/small"), to: folder.appendingPathComponent("p"))
        let job = folder.appendingPathComponent("p/jobs/operator.md")
        let text = try String(contentsOf: job, encoding: .utf8)
        try text.replacingOccurrences(of: "digest: \"3fa9\"", with: "digest: \(ContentDigest.of(text))").write(to: job, atomically: true, encoding: .utf8)
        let site = try await Self.site(of: folder.appendingPathComponent("p"))
        let page = Self.text(site["documents/jobs/operator.html"])
        #expect(page.contains("<strong>示例企业</strong> v1.0.0 — 审批人 王工, 2026-11-20</li>"))
        #expect(Self.text(site["index.html"]).contains("<span class=\"approval\" title=\"审批人 王工\">示例企业 v1.0.0 2026-11-20</span>"))
    }

    /// A large project's matrix is lists, not a grid of every requirement × every course.
    @Test func aLargeMatrixIsWrittenAsLists() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let requirements = (1...300).map { "- **R\($0)** 要求 \($0) {level=2}" }.joined(separator: "\n")
        try "---\nid: JOB-BIG\nkind: job-profile\ntitle: 大岗位\n---\n\n## 职业能力要求\n\n\(requirements)\n"
            .write(to: folder.appendingPathComponent("job.md"), atomically: true, encoding: .utf8)
        for course in 1...200 {
            try "---\nid: C\(course)\nkind: course\ntitle: 课程\(course)\n---\n\n## 课程目标\n\n- **LO1** 目标 → JOB-BIG#R\(course) {level=3}\n"
                .write(to: folder.appendingPathComponent("c\(course).md"), atomically: true, encoding: .utf8)
        }
        let site = try await Self.site(of: folder)
        let matrix = Self.text(site["matrix.html"])
        #expect(300 * 200 > SiteBuilder.denseMatrixLimit, "the test is above the limit")
        #expect(!matrix.contains("<td class=\"cell"), "no grid cells")
        #expect(matrix.components(separatedBy: "<tr class=\"requirement").count - 1 == 300)
        #expect(matrix.contains("<th class=\"row-head\"><a href=\"documents/job.html#R7\">R7</a> 要求 7</th><td class=\"covered-by\"><a href=\"documents/c7.html#LO1\">课程7 LO1</a> <span class=\"level\">3</span>; </td><td class=\"count\">1</td>"), "\(matrix.prefix(3000))")
        #expect(matrix.contains("<tr class=\"requirement gap\" data-requirement=\"JOB-BIG#R201\">"), "uncovered rows are still marked")
        #expect(matrix.count < 300 * 200 * 10, "the page grows with the links, not with rows × columns")
    }

    @Test func englishInterfaceForAnEnglishProject() async throws {
        let site = try await Self.site(of: Self.repository.appendingPathComponent("examples/english-programme"))
        let index = Self.text(site["index.html"])
        #expect(index.contains("<html lang=\"en\">"))
        #expect(index.contains("Traceability matrix"))
        #expect(!index.contains("首页"))
        let programme = Self.text(site["documents/programme.html"])
        #expect(programme.contains("<figcaption>Hours by course category</figcaption><svg class=\"chart\""))
    }

    @Test func buildsAreByteIdentical() async throws {
        let root = Self.repository.appendingPathComponent("standards")
        let first = try await Self.site(of: root)
        let second = try await Self.site(of: root)
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, data) in first { #expect(second[path] == data, "\(path) differs between two builds") }
        #expect(first.count > 40)
    }

    /// Every file of a folder, by path under it.
    static func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    /// The build writes each page as it is made: the site on disk is the one `files()` makes,
    /// byte for byte. A file two documents link to is written once; a linked file whose path is
    /// a document's page (`a.html` beside `a.md`) gives way to the page.
    @Test func theWrittenSiteIsTheSiteMade() async throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let files = [
            "stdkit.yml": "name: 链接\nlang: zh-CN\n",
            "a.md": "---\nid: PAGE-A\nkind: page\n---\n# 甲\n\n![图](img/p.png) [旧页](a.html)\n",
            "b.md": "---\nid: PAGE-B\nkind: page\n---\n# 乙\n\n![同一张图](img/p.png)\n",
            "a.html": "<p>not the page</p>",
            "img/p.png": "PNG",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let project = try await ProjectLoader.load(root: root)
        let builder = try SiteBuilder(project: project, toolVersion: "test")
        let made = builder.files()
        let output = root.appendingPathComponent("_site")
        let count = try builder.build(to: output)
        var written = try Self.contents(of: output)
        #expect(written.removeValue(forKey: SiteBuilder.outputMarker) != nil)
        #expect(count == made.count)
        #expect(written.keys.sorted() == made.keys.sorted())
        for (path, data) in made { #expect(written[path] == data, "\(path)") }
        #expect(Self.text(written["documents/img/p.png"]) == "PNG")
        #expect(Self.text(written["documents/a.html"]).contains("甲"), "the page, not the linked file of its name")
    }

    /// A write that fails midway leaves the previous site whole and no half-built folder.
    @Test func aFailedWriteLeavesThePreviousSiteWhole() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("_site")
        try SiteBuilder.write(["index.html": Data("旧的首页".utf8), "a/b.html": Data("旧".utf8)], to: output)
        // "index.html" is a file, so "index.html/x.html" cannot be written: the build fails.
        #expect(throws: SiteError.self) {
            try SiteBuilder.write(["index.html": Data("新的".utf8), "index.html/x.html": Data("x".utf8)], to: output)
        }
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "旧的首页")
        #expect(try String(contentsOf: output.appendingPathComponent("a/b.html"), encoding: .utf8) == "旧")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["_site"])
        // A successful write replaces the whole site: files of the old one do not linger.
        try SiteBuilder.write(["index.html": Data("新的".utf8)], to: output)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == [SiteBuilder.outputMarker, "index.html"])
    }

    /// Pages' folders are made with `mkdir` itself, with their parents, from every core at once:
    /// a folder another thread made meanwhile is no failure, a file in the way is.
    @Test func foldersAreMadeWithTheirParentsFromEveryThread() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = (0..<64).map { folder.path + "/文档/b\($0 % 4)/c\($0 % 16)" }
        let failures = Parallel.map(paths) { path -> String? in
            do { try OutputFolder.makeDirectory(path); return nil } catch { return "\(path): \(error)" }
        }
        #expect(failures.compactMap { $0 }.isEmpty)
        for path in Set(paths) {
            var isDirectory: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue, "\(path)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/文档").sorted() == ["b0", "b1", "b2", "b3"])
        try "x".write(toFile: folder.path + "/file", atomically: true, encoding: .utf8)
        #expect(throws: POSIXError.self) { try OutputFolder.makeDirectory(folder.path + "/file") }
        #expect(throws: POSIXError.self) { try OutputFolder.makeDirectory(folder.path + "/file/below/it") }
    }

    /// A folder stdkit did not write is never replaced: `-o .` or `-o docs` must not delete the
    /// user's files. A site built before the marker existed is still recognised and rebuilt.
    @Test func aFolderOfTheUsersIsNeverReplaced() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mine = folder.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try "我的笔记".write(to: mine.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
        #expect(throws: SiteError.self) { try SiteBuilder.write(["index.html": Data("站点".utf8)], to: mine) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: mine.path) == ["notes.md"])
        #expect(try String(contentsOf: mine.appendingPathComponent("notes.md"), encoding: .utf8) == "我的笔记")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["docs"], "nothing left beside it")
        let file = folder.appendingPathComponent("file")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: SiteError.self) { try SiteBuilder.write(["index.html": Data("站点".utf8)], to: file) }
        // An older site (no marker) is recognised by its files when asked to.
        let old = folder.appendingPathComponent("_site")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        for name in ["index.html", "search-index.js", "stale.html"] { try "旧".write(to: old.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        try SiteBuilder.write(["index.html": Data("新".utf8), "search-index.js": Data("[]".utf8)], to: old, recognizedBy: ["index.html", "search-index.js"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: old.path).sorted() == [SiteBuilder.outputMarker, "index.html", "search-index.js"])
    }

    /// A rebuild links the pages the previous site has byte for byte, writes the others, and
    /// leaves the previous site's files as they were until it is swapped out.
    @Test func aRebuildLinksUnchangedPagesAndWritesChangedOnes() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("_site")
        func inode(_ path: String) throws -> UInt64 {
            try (FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        }
        try SiteBuilder.write(["same.html": Data("不变".utf8), "changed.html": Data("旧".utf8), "grown.html": Data("短".utf8)], to: output)
        let before = (same: try inode("same.html"), changed: try inode("changed.html"), grown: try inode("grown.html"))
        try SiteBuilder.write(["same.html": Data("不变".utf8), "changed.html": Data("新".utf8), "grown.html": Data("长一些".utf8), "new.html": Data("新页".utf8)], to: output)
        #expect(try inode("same.html") == before.same, "an unchanged page is the previous file, linked")
        #expect(try inode("changed.html") != before.changed, "a changed page of the same size is written anew")
        #expect(try inode("grown.html") != before.grown)
        #expect(try String(contentsOf: output.appendingPathComponent("changed.html"), encoding: .utf8) == "新")
        #expect(try String(contentsOf: output.appendingPathComponent("grown.html"), encoding: .utf8) == "长一些")
        #expect(try String(contentsOf: output.appendingPathComponent("same.html"), encoding: .utf8) == "不变")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["_site"], "the previous site is gone")
    }
}

@Suite("Themes")
struct ThemeTests {
    @Test func aProjectThemeReplacesTemplatesAndTheStylesheet() async throws {
        let root = try SiteBuilderTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("theme"), withIntermediateDirectories: true)
        try "name: 主题\npublish: {theme: theme}\n".write(to: root.appendingPathComponent("stdkit.yml"), atomically: true, encoding: .utf8)
        try "# 页面\n\n正文。\n".write(to: root.appendingPathComponent("page.md"), atomically: true, encoding: .utf8)
        try "body { color: rebeccapurple; }\n".write(to: root.appendingPathComponent("theme/style.css"), atomically: true, encoding: .utf8)
        try "<!DOCTYPE html><html><body class=\"mine\">{{{body}}}</body></html>\n".write(
            to: root.appendingPathComponent("theme/layout.mustache"), atomically: true, encoding: .utf8)
        let site = try await SiteBuilderTests.site(of: root)
        #expect(SiteBuilderTests.text(site["assets/style.css"]) == "body { color: rebeccapurple; }\n")
        let page = SiteBuilderTests.text(site["documents/page.html"])
        #expect(page.hasPrefix("<!DOCTYPE html><html><body class=\"mine\">"))
        #expect(page.contains("<p>正文。</p>"))
        #expect(SiteBuilderTests.text(site["matrix.html"]).contains("class=\"mine\""), "templates not overridden come from the default theme")
    }

    /// stdkit's escaping is set by a line put before the project's template: the template's
    /// first line still begins the page (a section tag alone on it is dropped whole, as
    /// Mustache drops such lines), and a syntax error names the line of the project's file.
    @Test func aProjectTemplateIsReadAsWritten() async throws {
        let root = try SiteBuilderTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("theme"), withIntermediateDirectories: true)
        try "name: 主题\npublish: {theme: theme}\n".write(to: root.appendingPathComponent("stdkit.yml"), atomically: true, encoding: .utf8)
        try "# 页面\n".write(to: root.appendingPathComponent("page.md"), atomically: true, encoding: .utf8)
        let layout = root.appendingPathComponent("theme/layout.mustache")
        try "{{#pageTitle}}\n<title>{{pageTitle}}</title>\n{{/pageTitle}}\n<p title=\"{{siteTitle}}\">{{{body}}}</p>\n".write(to: layout, atomically: true, encoding: .utf8)
        let page = SiteBuilderTests.text(try await SiteBuilderTests.site(of: root)["documents/page.html"])
        #expect(page.hasPrefix("<title>页面</title>\n<p title=\"主题\">"), "\(page.prefix(80))")
        try "<html>\n{{#pageTitle}}\n{{/pageKind}}\n".write(to: layout, atomically: true, encoding: .utf8)
        let project = try await ProjectLoader.load(root: root)
        do {
            _ = try SiteBuilder(project: project, toolVersion: "test")
            Issue.record("a broken template was accepted")
        } catch let error as SiteError {
            #expect(error.path.hasSuffix("layout.mustache"))
            #expect(error.info.hasPrefix("line 3, column "), "\(error.info)")
            #expect(error.info.contains("closed ({{/…}}) with another name"), "\(error.info)")
        }
    }

    @Test func aMissingThemeFolderIsReported() async throws {
        let root = try SiteBuilderTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try "publish: {theme: nowhere}\n".write(to: root.appendingPathComponent("stdkit.yml"), atomically: true, encoding: .utf8)
        let project = try await ProjectLoader.load(root: root)
        #expect(throws: SiteError.self) { try SiteBuilder(project: project, toolVersion: "test") }
    }
}

@Suite("Search index")
struct SearchIndexTests {
    @Test func entriesAreJSONThatCannotCloseTheScript() throws {
        let tricky = "引号\"、反斜杠\\、换行\n制表\t、控制\u{1}、</script><script>alert(1)</script>、2028\u{2028}"
        let entries = [SearchEntry(t: tricky, u: "documents/a.html#R1", k: "岗位 · JOB-A", x: "x/y </b>"), SearchEntry(t: "二", u: "b", k: "", x: "")]
        let script = SearchEntry.script(fragments: [SearchEntry.json(entries), "", SearchEntry.json([entries[1]])])
        #expect(!script.contains("</"), "no text can end the script element")
        let prefix = "window.STDKIT_SEARCH = ", suffix = ";\n"
        #expect(script.hasPrefix(prefix) && script.hasSuffix(suffix))
        let json = String(script.dropFirst(prefix.count).dropLast(suffix.count))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "1")
        let read = try #require(object["entries"] as? [[String: String]])
        #expect(read.count == 3, "an empty fragment adds no entry")
        #expect(read[0] == ["t": tricky, "u": "documents/a.html#R1", "k": "岗位 · JOB-A", "x": "x/y </b>"])
        #expect(read[2]["t"] == "二")
    }

    /// Documents finish in any order on several cores; their entries are written in document
    /// order, each as soon as those before it are.
    @Test func entriesAreWrittenInDocumentOrderWhateverOrderTheyCome() {
        let pieces = Shared<[String]>([])
        let writer = SearchIndexWriter { piece in pieces.update { $0.append(String(decoding: piece, as: UTF8.self)) } }
        writer.add(2, "{\"c\":1}")
        writer.add(1, "")
        #expect(pieces.value.count == 1, "nothing before the first document's entries")
        writer.add(0, "{\"a\":1}")
        #expect(pieces.value.count == 3, "the first document's entries, then the third's, which waited")
        writer.add(3, "{\"d\":1}")
        writer.finish()
        #expect(pieces.value.joined() == SearchEntry.script(fragments: ["{\"a\":1}", "", "{\"c\":1}", "{\"d\":1}"]))
        #expect(pieces.value.joined() == "window.STDKIT_SEARCH = {\"entries\":[{\"a\":1},{\"c\":1},{\"d\":1}],\"version\":\"1\"};\n")
    }
}

@Suite("Output folder")
struct OutputFolderTests {
    /// A rebuild links a page only when the previous file holds its bytes exactly: read in
    /// pieces, a difference in the last byte of a large page, a longer or shorter file, a link
    /// or a folder in its place all count as different.
    @Test func sameFileOnlyForTheSameBytes() throws {
        let root = try SiteBuilderTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        func path(_ name: String) -> String { root.appendingPathComponent(name).path }
        let large = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        var changed = large
        changed[changed.count - 1] ^= 1
        let page = Data("<p>课程 1729</p>\n".utf8)
        try Data().write(to: URL(fileURLWithPath: path("empty")))
        try page.write(to: URL(fileURLWithPath: path("page")))
        try large.write(to: URL(fileURLWithPath: path("large")))
        try FileManager.default.createSymbolicLink(atPath: path("link"), withDestinationPath: path("page"))
        try FileManager.default.createDirectory(atPath: path("folder"), withIntermediateDirectories: true)
        #expect(OutputFolder.sameFile(path("empty"), Data()))
        #expect(!OutputFolder.sameFile(path("empty"), page))
        #expect(OutputFolder.sameFile(path("page"), page))
        #expect(!OutputFolder.sameFile(path("page"), page.dropLast()))
        #expect(!OutputFolder.sameFile(path("page"), page + Data("x".utf8)))
        #expect(OutputFolder.sameFile(path("large"), large))
        #expect(!OutputFolder.sameFile(path("large"), changed))
        #expect(!OutputFolder.sameFile(path("link"), page), "a link is never taken for the page")
        #expect(!OutputFolder.sameFile(path("folder"), Data()))
        #expect(!OutputFolder.sameFile(path("absent"), Data()))
    }

    /// The previous site is removed whole, deep and wide enough to be shared between the cores,
    /// with names of every kind; a symbolic link in it is removed, and what it points to is not.
    @Test func removeFolderRemovesAllAndFollowsNoLink() throws {
        let root = try SiteBuilderTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let fileManager = FileManager.default
        let site = root.appendingPathComponent("site")
        let kept = root.appendingPathComponent("kept")
        try fileManager.createDirectory(at: kept, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: kept.appendingPathComponent("file.txt"))
        var files = 0
        for area in 0..<9 {
            for course in 0..<12 {
                let folder = site.appendingPathComponent("area-\(area)/课程 \(course)/.assets")
                try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data().write(to: folder.appendingPathComponent("empty"))
                try Data("<p>\(course)</p>".utf8).write(to: folder.deletingLastPathComponent().appendingPathComponent("index.html"))
                files += 2
            }
            try fileManager.createDirectory(at: site.appendingPathComponent("area-\(area)/空的/更深"), withIntermediateDirectories: true)
        }
        try Data("top".utf8).write(to: site.appendingPathComponent(".stdkit-output"))
        try fileManager.createSymbolicLink(at: site.appendingPathComponent("area-3/to-kept"), withDestinationURL: kept)
        try fileManager.createSymbolicLink(at: site.appendingPathComponent("to-file"), withDestinationURL: kept.appendingPathComponent("file.txt"))
        // A name that is not UTF-8.
        let odd = site.path + "/area-1/caf\u{E9}"
        var bytes = Array(odd.utf8.dropLast(2)) + [0xE9, 0]
        let descriptor = bytes.withUnsafeMutableBufferPointer { creat(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), 0o644) }
        #expect(descriptor >= 0)
        close(descriptor)
        #expect(files == 216)

        OutputFolder.removeFolder(site.path)
        #expect(!fileManager.fileExists(atPath: site.path))
        #expect(try String(contentsOf: kept.appendingPathComponent("file.txt"), encoding: .utf8) == "keep")

        // Not a folder, or not there: nothing happens.
        OutputFolder.removeFolder(kept.appendingPathComponent("file.txt").path)
        OutputFolder.removeFolder(site.path)
        #expect(fileManager.fileExists(atPath: kept.appendingPathComponent("file.txt").path))
        let link = root.appendingPathComponent("link-to-kept")
        try fileManager.createSymbolicLink(at: link, withDestinationURL: kept)
        OutputFolder.removeFolder(link.path)
        #expect(fileManager.fileExists(atPath: kept.appendingPathComponent("file.txt").path), "a link to a folder is not followed")
    }
}
