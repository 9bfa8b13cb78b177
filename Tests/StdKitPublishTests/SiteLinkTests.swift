import Foundation
import Testing
import StdKitModel
@testable import StdKitPublish

/// Follows every relative link and anchor of the built flagship site.
@Suite("Links of the published flagship")
struct SiteLinkTests {
    static func attribute(_ name: String, in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "\\s\(name)=\"([^\"]*)\"")
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).compactMap { Range($0.range(at: 1), in: html).map { String(html[$0]) } }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func everyLinkAndAnchorResolves() async throws {
        let project = try await ProjectLoader.load(root: SiteBuilderTests.repository.appendingPathComponent("standards"))
        let site = try SiteBuilder(project: project, toolVersion: "test").files()
        let (broken, checked) = Self.brokenLinks(in: site)
        #expect(broken == [])
        #expect(checked > 1_000, "the crawler followed \(checked) links")
    }

    /// Follows every relative `href` and `src` of the site's pages: the links that lead to no
    /// file or to no anchor in it, and how many links were followed.
    static func brokenLinks(in site: [String: Data]) -> (broken: [String], checked: Int) {
        var ids: [String: Set<String>] = [:]
        for (path, data) in site where path.hasSuffix(".html") {
            ids[path] = Set(Self.attribute("id", in: String(decoding: data, as: UTF8.self)).map(Self.unescape))
        }
        var checked = 0
        var broken: [String] = []
        for (path, data) in site.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for link in Self.attribute("href", in: html) + Self.attribute("src", in: html) {
                let url = Self.unescape(link)
                guard !url.hasPrefix("http:"), !url.hasPrefix("https:"), !url.hasPrefix("mailto:") else { continue }
                if url.hasPrefix("/") { broken.append("\(path): \(url) is not relative"); continue }
                let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let file = (parts[0].split(separator: "?").first.map(String.init) ?? "").removingPercentEncoding ?? parts[0]
                let target = file.isEmpty ? path : SiteBuilder.resolve(file, from: path) ?? "(outside)"
                checked += 1
                guard site[target] != nil else { broken.append("\(path): \(url) → no file \(target)"); continue }
                if parts.count > 1, !parts[1].isEmpty {
                    let anchor = parts[1].removingPercentEncoding ?? parts[1]
                    if ids[target]?.contains(anchor) != true { broken.append("\(path): \(url) → no anchor #\(anchor) in \(target)") }
                }
            }
        }
        return (broken, checked)
    }
}
