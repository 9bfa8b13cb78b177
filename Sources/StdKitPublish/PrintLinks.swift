import Foundation
import StdKitModel

/// One document's article moved from its own page of the site into the print page, which is at
/// the site's top and holds other documents too: every anchor gets the document's prefix (two
/// courses may both have an item `U1`), a link to a printed document leads to it inside the
/// page, a picture's path is made from the site's top, and a link to a page that is not
/// printed is dropped — in a PDF it would lead to a temporary folder that no longer exists.
/// Links to the web (`https:`, `mailto:`) stay as they are.
///
/// The article's attributes are all written by stdkit (a document's text has its quotes
/// escaped), so `id="`, `href="` and `src="` are only ever attributes.
struct PrintLinks: Sendable {
    /// The document's page in the site (`documents/courses/a.html`).
    var page: String
    /// The document's anchor in the print page (`d3`).
    var anchor: String
    /// The anchors of the printed documents, by their pages in the site.
    var printed: [String: String]

    /// `html` with its `id`, `href` and `src` attributes rewritten for the print page.
    func rewrite(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 16)
        var position = 0
        while let (start, name, valueStart, valueEnd) = Self.nextAttribute(in: bytes, from: position) {
            out.append(contentsOf: bytes[position..<start])
            let value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
            if let replaced = rewrite(name: name, value: value) {
                out.append(contentsOf: Array(" \(name)=\"".utf8))
                out.append(contentsOf: Array(replaced.utf8))
                out.append(UInt8(ascii: "\""))
            }
            position = valueEnd + 1
        }
        out.append(contentsOf: bytes[position...])
        return String(decoding: out, as: UTF8.self)
    }

    /// The attribute's new value, or nil to drop it.
    func rewrite(name: String, value: String) -> String? {
        if name == "id" { return "\(anchor)-\(value)" }
        if value.hasPrefix("#") { return "#\(anchor)-\(value.dropFirst())" }
        if Self.hasScheme(value) || value.hasPrefix("/") { return value }
        let (path, fragment) = Self.split(value)
        let decoded = path.replacingOccurrences(of: "&amp;", with: "&").removingPercentEncoding ?? path
        guard let target = ProjectPath.resolve(decoded, from: page) else { return name == "src" ? value : nil }
        if name == "src" { return HTML.escape(HTML.encodeURL(target)) }
        guard let other = printed[target] else { return nil }
        return fragment.map { "#\(other)-\($0)" } ?? "#\(other)"
    }

    /// Whether a URL starts with a scheme (`https:`, `mailto:`, `data:`).
    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.first!.isLetter && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
    }

    /// The path and the fragment (without `#`) of a URL.
    static func split(_ url: String) -> (path: String, fragment: String?) {
        guard let hash = url.firstIndex(of: "#") else { return (url, nil) }
        return (String(url[..<hash]), String(url[url.index(after: hash)...]))
    }

    private static let names: [(name: String, bytes: [UInt8])] = ["id", "href", "src"].map { ($0, Array(" \($0)=\"".utf8)) }

    /// The next ` id="…"`, ` href="…"` or ` src="…"` at or after `from`: where it starts (at
    /// its space), its name, and its value's bounds (the closing quote is at `valueEnd`).
    static func nextAttribute(in bytes: [UInt8], from: Int) -> (start: Int, name: String, valueStart: Int, valueEnd: Int)? {
        var index = from
        while index < bytes.count {
            // Attributes follow a space; skip to the next one.
            guard let space = bytes[index...].firstIndex(of: UInt8(ascii: " ")) else { return nil }
            for (name, pattern) in names where bytes.count - space > pattern.count && bytes[space..<(space + pattern.count)].elementsEqual(pattern) {
                let valueStart = space + pattern.count
                guard let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
                return (space, name, valueStart, valueEnd)
            }
            index = space + 1
        }
        return nil
    }
}
