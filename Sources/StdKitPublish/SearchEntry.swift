import Foundation
import StdKitModel
import StdKitSyntax

/// One entry of the search index: a document or an item, with its text.
struct SearchEntry: Encodable {
    /// The title shown.
    var t: String
    /// The URL, relative to the site root.
    var u: String
    /// What it is (the kind, or the document an item belongs to).
    var k: String
    /// The text searched.
    var x: String

    /// The most text of one document that is indexed.
    static let textLimit = 20_000

    static func entries(for document: Document, body: MarkdownNode, page: String, strings: SiteStrings) -> [SearchEntry] {
        let title = document.title ?? document.sections.first?.title ?? document.path
        let url = HTML.encodeURL(page)
        var text = body.plainText
        if text.count > textLimit { text = String(text.prefix(textLimit)) }
        var entries = [SearchEntry(t: title, u: url, k: strings.kind(document.kind) + (document.id.map { " · \($0)" } ?? ""), x: text)]
        for item in document.items {
            entries.append(SearchEntry(t: "\(item.fullID) \(item.text)", u: url + "#" + HTML.encodeURL(item.id), k: title, x: item.text))
        }
        return entries
    }

    /// The index as a script that sets `window.STDKIT_SEARCH`, so that it loads from file://.
    static func script(_ entries: [SearchEntry]) -> String {
        struct Index: Encodable { var version = "1"; var entries: [SearchEntry] }
        let json = JSONOutput.encode(Index(entries: entries), pretty: false)
            .replacingOccurrences(of: "</", with: "<\\/")
        return "window.STDKIT_SEARCH = \(json);\n"
    }
}
