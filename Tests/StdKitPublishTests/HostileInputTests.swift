import Foundation
import Testing
import StdKitModel
@testable import StdKitPublish

/// Hostile text in every field a document can carry must come out as inert text.
@Suite("Hostile input")
struct HostileInputTests {
    static let payload = "<script>alert('x')</script>\"'><img src=x onerror=alert(1)>"

    /// `text` inside a YAML double-quoted scalar (by scalars: a quote with a combining mark
    /// after it is one `Character`, which a replacement by characters would not find).
    static func yamlQuoted(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\"" || scalar == "\\" { scalars.append("\\") }
            scalars.append(scalar)
        }
        return "\"" + String(scalars) + "\""
    }

    static func project(allowHTML: Bool, payload: String = payload) async throws -> (URL, [String: Data]) {
        let quoted = yamlQuoted(payload)
        let root = try SiteBuilderTests.temporaryFolder()
        let files: [String: String] = [
            "stdkit.yml": """
                name: \(quoted)
                lang: zh-CN
                parties:
                  - {id: evil, name: \(quoted), kind: enterprise}
                publish: {title: \(quoted), allow_html: \(allowHTML)}

                """,
            "job.md": """
                ---
                id: JOB-X
                kind: job-profile
                title: \(quoted)
                version: 1.0.0
                status: \(quoted)
                owner: evil
                tags: [\(quoted)]
                occupation: "javascript:alert(1)"
                approvals:
                  - {party: evil, version: 1.0.0, digest: x, by: \(quoted), date: 2026-01-01, note: \(quoted)}
                ---

                # <script>alert(1)</script> 标题

                <script>alert('block')</script>

                <div onclick="alert(1)">raw block</div>

                正文 <img src=x onerror=alert(2)> 与 <a href="javascript:alert(3)">inline</a>。

                [链接一](javascript:alert(4)) [链接二](JaVaScRiPt:alert(5)) [链接三](java%0ascript:alert(6))
                [链接四](data:text/html;base64,PHNjcmlwdD4=) [链接五](vbscript:msgbox) [链接六]( javascript:alert(7))

                ![图](javascript:alert(8)) ![图二](data:text/html,<script>)

                - **R1** 要求 <script>alert(9)</script> {level="\"><script>alert(10)</script>" on-click=x}
                - **R2** 要求 → JOB-X#R1

                | <b>表</b> | `<script>` |
                | --- | --- |
                | <iframe src=x></iframe> | x |

                """,
        ]
        for (path, text) in files { try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8) }
        let project = try await ProjectLoader.load(root: root)
        return (root, try SiteBuilder(project: project, toolVersion: "test").files())
    }

    /// Markup that could run code, outside the scripts the theme itself writes: script and
    /// iframe elements, script URLs in URL attributes, event-handler attributes. Text that merely
    /// reads "javascript:" (escaped, in content or inside a quoted value) is inert and allowed.
    static func dangerous(_ html: String) -> [String] {
        var findings: [String] = []
        let ownScripts = ["<script>window.addEventListener(\"error\"", "<script src=\"search-index.js\"></script>", "<script src=\"assets/search.js\"></script>"]
        var cleaned = html
        for own in ownScripts { cleaned = cleaned.replacingOccurrences(of: own, with: "") }
        let whole = NSRange(cleaned.startIndex..., in: cleaned)
        for element in ["<script", "<iframe", "<object", "<embed"] where cleaned.lowercased().contains(element) { findings.append(element) }
        let urls = try! NSRegularExpression(pattern: "\\s(href|src|action|formaction)\\s*=\\s*[\"']?\\s*(javascript|vbscript|data:text/html)", options: [.caseInsensitive])
        if urls.firstMatch(in: cleaned, range: whole) != nil { findings.append("script URL") }
        let tags = try! NSRegularExpression(pattern: "<[a-zA-Z][^>]*>")
        let quoted = try! NSRegularExpression(pattern: "\"[^\"]*\"|'[^']*'")
        let handler = try! NSRegularExpression(pattern: "\\son[a-z]+\\s*=", options: [.caseInsensitive])
        for match in tags.matches(in: cleaned, range: whole) {
            guard let range = Range(match.range, in: cleaned) else { continue }
            let tag = String(cleaned[range])
            let bare = quoted.stringByReplacingMatches(in: tag, range: NSRange(tag.startIndex..., in: tag), withTemplate: "\"\"")
            if handler.firstMatch(in: bare, range: NSRange(bare.startIndex..., in: bare)) != nil { findings.append("handler in \(tag)") }
        }
        return findings
    }

    @Test func nothingExecutableIsPublished() async throws {
        let (root, site) = try await Self.project(allowHTML: false)
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, data) in site where path.hasSuffix(".html") {
            #expect(Self.dangerous(String(decoding: data, as: UTF8.self)) == [], "\(path)")
        }
        let page = String(decoding: site["documents/job.html"] ?? Data(), as: UTF8.self)
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), "the payload is shown as text")
        #expect(!page.contains("raw block"), "raw HTML blocks are left out unless allowed")
        #expect(page.contains("链接一"), "the text of a dropped link stays")
        let search = String(decoding: site["search-index.js"] ?? Data(), as: UTF8.self)
        #expect(!search.contains("</script"), "the search index cannot close a script element")
    }

    /// A quote followed by a combining mark is one `Character` in Swift; escaping character by
    /// character (as Mustache's own HTML escaping does) would let it close an attribute value.
    @Test func aQuoteFollowedByACombiningMarkIsEscaped() async throws {
        let payload = "\"\u{301} onmouseover=alert(1) x=\"\u{301}"
        let (root, site) = try await Self.project(allowHTML: false, payload: payload)
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, data) in site where path.hasSuffix(".html") {
            #expect(Self.dangerous(String(decoding: data, as: UTF8.self)) == [], "\(path)")
            #expect(data.range(of: Data("\"\u{301}".utf8)) == nil, "\(path): an unescaped quote before a combining mark")
        }
        let index = String(decoding: site["index.html"] ?? Data(), as: UTF8.self)
        #expect(index.utf8.contains("&quot;\u{301} onmouseover".utf8), "the approval's author is shown escaped in its title attribute")
    }

    @Test func allowedHTMLIsStillTagFiltered() async throws {
        let (root, site) = try await Self.project(allowHTML: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let page = String(decoding: site["documents/job.html"] ?? Data(), as: UTF8.self)
        #expect(page.contains("raw block"), "raw HTML is published when allowed")
        #expect(page.contains("&lt;script>alert('block')&lt;/script>"), "script tags are neutralised by the tag filter")
        #expect(page.contains("<div>raw block</div>"), "event handlers are removed")
        #expect(Self.dangerous(page) == [])
        #expect(!page.contains("href=\"javascript"))
    }

    @Test(arguments: ["javascript:alert(1)", "JAVASCRIPT:x", " javascript:x", "java\tscript:x", "java\nscript:x", "vbscript:x",
                      "data:text/html,x", "file:///etc/passwd", "\u{01}javascript:x", "irc://host/room"])
    func unsafeURLsAreDropped(url: String) {
        #expect(HTML.safeURL(url) == nil)
    }

    @Test(arguments: ["https://example.org", "mailto:a@b.c", "../jobs/a.md#R1", "#R1", "a.md", "图片/图.png", "foo):", "\u{A0}javascript:x"])
    func safeURLsAreKept(url: String) {
        #expect(HTML.safeURL(url) == url)
    }
}

/// Files a document links to are published beside it only when they are plain files of the
/// project: a symbolic link could lead outside it.
@Suite("Linked files")
struct LinkedFileTests {
    @Test func aLinkedFileReachedThroughASymbolicLinkIsNotPublished() async throws {
        let outside = try SiteBuilderTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        try "SECRET-OUTSIDE".write(to: outside.appendingPathComponent("secret.png"), atomically: true, encoding: .utf8)
        let root = try SiteBuilderTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("img"), withIntermediateDirectories: true)
        try "PNG-INSIDE".write(to: root.appendingPathComponent("img/ok.png"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("img/link.png").path, withDestinationPath: outside.appendingPathComponent("secret.png").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("away").path, withDestinationPath: outside.path)
        try "# 页\n\n![好](img/ok.png) ![链接](img/link.png) ![目录](away/secret.png) [上级](../secret.png)\n"
            .write(to: root.appendingPathComponent("page.md"), atomically: true, encoding: .utf8)
        let site = try await SiteBuilderTests.site(of: root)
        #expect(site["documents/img/ok.png"] == Data("PNG-INSIDE".utf8), "a plain file of the project is published")
        #expect(site["documents/img/link.png"] == nil)
        #expect(site["documents/away/secret.png"] == nil)
        #expect(!site.values.contains { String(decoding: $0, as: UTF8.self).contains("SECRET-OUTSIDE") }, "nothing from outside the project is published")
    }

    /// A link to an anchor of the page names no file: a file called like the anchor beside the
    /// page is not published for it (the text after `#` was taken as a path).
    @Test func anAnchorLinkPublishesNoFile() async throws {
        let root = try SiteBuilderTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try "NOT-LINKED".write(to: root.appendingPathComponent("notes"), atomically: true, encoding: .utf8)
        try "PNG".write(to: root.appendingPathComponent("plan.png"), atomically: true, encoding: .utf8)
        try "# 页\n\n[注释](#notes) [图](plan.png#top)\n\n## notes\n\n文字。\n"
            .write(to: root.appendingPathComponent("page.md"), atomically: true, encoding: .utf8)
        let site = try await SiteBuilderTests.site(of: root)
        #expect(site["documents/notes"] == nil, "an anchor is not a file")
        #expect(site["documents/plan.png"] == Data("PNG".utf8), "a file with an anchor after it is still published")
    }
}

@Suite("URL encoding")
struct URLEncodingTests {
    /// `HTML.encodeURL` works on bytes; it must give what Foundation gives with the same
    /// characters allowed.
    @Test func encodingIsFoundations() {
        var allowed = CharacterSet.urlFragmentAllowed
        allowed.insert(charactersIn: "%#")
        let ascii = String(String.UnicodeScalarView((1..<128).compactMap(Unicode.Scalar.init)))
        for url in [ascii, "课程/机器人 编程.html#LO1", "a b%20c", "", "plain/path.html", "e\u{301}\u{1F600}", "\u{7F}\u{80}\u{FFFD}"] {
            #expect(HTML.encodeURL(url) == url.addingPercentEncoding(withAllowedCharacters: allowed), "\(url)")
        }
    }
}

@Suite("Relative paths between pages")
struct SitePathsRelativeTests {
    @Test func knownPaths() {
        #expect(SitePaths.relative("documents/courses/c1.html", from: "documents/jobs/j1.html") == "../courses/c1.html")
        #expect(SitePaths.relative("documents/courses/c1.html", from: "documents/courses/c2.html") == "c1.html")
        #expect(SitePaths.relative("index.html", from: "documents/课程/机器人.html") == "../../index.html")
        #expect(SitePaths.relative("documents/课程/机器人.html", from: "matrix.html") == "documents/课程/机器人.html")
        #expect(SitePaths.relative("documents/cafe\u{301}/a.html", from: "documents/caf\u{E9}/b.html") == "a.html",
                "folders equal as strings (canonically) are the same folder, as for ProjectPath")
        #expect(SitePaths.relative("documents/xcafe\u{301}x/a.html", from: "documents/xcaf\u{E9}x/b.html") == "a.html",
                "compared as strings on the fast way too")
        #expect(SitePaths.relative("", from: "a/b/c.html") == "../..")
    }

    /// `SitePaths.relative` works on bytes; it must give what `ProjectPath.relative` gives, for
    /// every path, marks next to slashes and canonically equal folders included.
    @Test func sameAsProjectPath() {
        let pieces = ["a", "b", "课程", "cafe\u{301}", "caf\u{E9}", "xcafe\u{301}x", "xcaf\u{E9}x", "x课程x", "\u{301}", "\u{600}", "..", ".", "", "x.html", "é"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        func path() -> String {
            (0..<(1 + next(4))).map { _ in pieces[next(pieces.count)] }.joined(separator: "/")
        }
        for _ in 0..<3_000 {
            let (target, from) = (path(), path())
            #expect(SitePaths.relative(target, from: from) == ProjectPath.relative(target, from: from), "\(target) from \(from)")
        }
    }
}

@Suite("An item's attribute block found on bytes")
struct LastBraceTests {
    /// `HTMLRenderer.lastBrace` must find the `{` Foundation's backward search finds, marks
    /// next to a brace included.
    @Test func sameAsFoundation() {
        let texts = ["", "no brace", "a → B#R1 {hours=4}", "{", "x{", "{x", "课程 → 岗位{学时=4}", "a {b} c {d=1}",
                     "a {\u{301}=1}", "a\u{600}{b=1}", "é{b=1} {\u{301}", "{b=1}\u{301}", "{\u{200D}x", "a{b}{"]
        for text in texts {
            #expect(HTMLRenderer.lastBrace(in: text) == text.range(of: "{", options: .backwards)?.lowerBound, "\(text)")
        }
        let item = "a → B#R1 {hours=4}"
        #expect(HTMLRenderer.lastBrace(in: item).map { item.utf8.distance(from: item.startIndex, to: $0) } == 11, "a, space, three bytes of →, space, B#R1, space")
    }
}
