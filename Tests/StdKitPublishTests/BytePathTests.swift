import Foundation
import Testing
@testable import StdKitPublish

/// The build decides some things on UTF-8 bytes where they were decided on scalars or
/// characters; each byte path must give the answer of the path it shortens, on every input,
/// the tricky ones above all (marks joined to a colon, a sign that lower-cases to ASCII).
@Suite("Byte paths of the build")
struct BytePathTests {
    /// Every string made of one piece from each list, in order.
    static func combinations(_ lists: [[String]]) -> [String] {
        lists.reduce([""]) { strings, pieces in strings.flatMap { string in pieces.map { string + $0 } } }
    }

    static let urls = combinations([
        ["", "javascript", "JaVa\tScript", "data", "DATA", " data", "https", "h\u{212A}tp", "\u{212A}", "mailto", "x+y.z-1",
         "1abc", " ", "\u{7F}", "\u{01}", "中", "a\u{301}", "\u{A0}"],
        ["", ":", ":\u{301}", " :", ":\u{212A}", "\n:"],
        ["", "x", "image/png", "image/png\u{301}", "IMAGE/JPEG;base64", "image/jpe\u{301}g", "image/webp", "image/gif",
         " image/gif", "image/svg+xml", "//example.org/图", "\u{301}", "alert(1)", "image/pn\u{212A}", "中image/png"],
        ["", "中", ":", "\u{301}"],
    ])

    @Test func schemesOnBytesAsOnScalars() {
        #expect(Self.urls.count > 6_000)
        var decidedOnBytes = 0
        for url in Self.urls {
            for isImage in [false, true] {
                let byScalars = HTML.safeURLByScalars(url, isImage: isImage)
                #expect(HTML.safeURL(url, isImage: isImage) == byScalars, "\(url.debugDescription), image: \(isImage)")
                if let allowed = HTML.allowedOnBytes(url, isImage: isImage) {
                    decidedOnBytes += 1
                    #expect(allowed == (byScalars != nil), "\(url.debugDescription), image: \(isImage)")
                }
            }
        }
        // These are chosen to be hard: still, many are decided on their bytes (the scalars' path
        // is asked for the rest), and `commonURLsAreDecidedOnBytes` holds the usual ones.
        #expect(decidedOnBytes >= Self.urls.count / 2)
    }

    @Test(arguments: [
        ("https://example.org/a", false, true), ("javascript:alert(1)", false, false), ("JAVA SCRIPT:x", false, false),
        ("data:image/png;base64,AAAA", true, true), ("data:image/png;base64,AAAA", false, false), ("data:text/html,x", true, false),
        ("../jobs/a.md#R1", false, true), ("mailto:a@b.c", false, true), ("foo):", false, true),
    ])
    func commonURLsAreDecidedOnBytes(url: String, isImage: Bool, allowed: Bool) {
        #expect(HTML.allowedOnBytes(url, isImage: isImage) == allowed)
    }

    @Test func pagePathsOnBytesAsOnCharacters() {
        let urls = Self.combinations([["", "a", "../", "/", "x.md", "a:b"], ["", ".md", ".MD", ".m", "d", "md", "#"], ["", "#", "#R1", ".md", ":", "%20", "/"]])
        for url in urls {
            #expect(HTMLRenderer.pagePath(of: url) == HTMLRenderer.pagePathByCharacters(of: url), "\(url.debugDescription)")
        }
        #expect(HTMLRenderer.pagePath(of: "../jobs/a.md#R1") == "../jobs/a.html#R1")
        #expect(HTMLRenderer.pagePath(of: "a.md") == "a.html")
        #expect(HTMLRenderer.pagePath(of: ".md") == ".html")
        #expect(HTMLRenderer.pagePath(of: "a.md#x.md") == "a.html#x.md")
        #expect(HTMLRenderer.pagePath(of: "https://example.org/a.md") == "https://example.org/a.md")
        #expect(HTMLRenderer.pagePath(of: "/a.md") == "/a.md")
        #expect(HTMLRenderer.pagePath(of: "课程/焊接.md#LO1") == "课程/焊接.html#LO1")
    }

    @Test func linkedFilesOnBytesAsOnCharacters() {
        let destinations = Self.combinations([
            ["", "a", "../", "/", "图/", "x.md", "a:b", "\u{301}"], ["", ".md", ".MD", ".m", "d", "md", "#", ".png"],
            ["", "#", "#R1", ".md", ":", "%20", "/", "\u{301}"],
        ])
        var files = 0
        for destination in destinations {
            let byCharacters = SiteBuilder.linkedFileByCharacters(destination)
            #expect(SiteBuilder.linkedFile(destination) == byCharacters, "\(destination.debugDescription)")
            if byCharacters != nil { files += 1 }
        }
        #expect(files > destinations.count / 4)
        #expect(SiteBuilder.linkedFile("images/a.png#x") == "images/a.png")
        #expect(SiteBuilder.linkedFile("../jobs/a.md#R1") == nil)
        #expect(SiteBuilder.linkedFile("#R1") == nil)
        #expect(SiteBuilder.linkedFile("https://example.org/a.png") == nil)
        #expect(SiteBuilder.linkedFile("/a.png") == nil)
        #expect(SiteBuilder.linkedFile("图/焊接.pdf") == "图/焊接.pdf")
    }

    @Test func searchTextIsCutAtItsLimitInCharacters() {
        let limit = SearchEntry.textLimit
        let texts = [
            "", String(repeating: "a", count: limit), String(repeating: "a", count: limit + 1),
            String(repeating: "中", count: limit / 2), String(repeating: "中", count: limit), String(repeating: "中", count: limit + 1),
            String(repeating: "e\u{301}", count: limit - 1), String(repeating: "e\u{301}", count: limit + 1),
            String(repeating: "a", count: limit - 1) + "e\u{301}\u{302}", String(repeating: "a", count: limit) + "\u{301}",
            String(repeating: "\r\n", count: limit + 3),
        ]
        for text in texts {
            let expected = text.count > limit ? String(text.prefix(limit)) : text
            #expect(SearchEntry.limited(text) == expected, "\(text.utf8.count) bytes, \(text.count) characters")
        }
    }
}
