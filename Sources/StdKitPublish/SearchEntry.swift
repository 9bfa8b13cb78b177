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

    /// The index as a script that sets `window.STDKIT_SEARCH`, so that it loads from file://:
    /// `{"entries":[…],"version":"1"}`, each entry's JSON made beforehand (`json(_:)`, per document
    /// and on every core).
    static func script(fragments: [String]) -> String {
        "window.STDKIT_SEARCH = {\"entries\":[" + fragments.filter { !$0.isEmpty }.joined(separator: ",") + "],\"version\":\"1\"};\n"
    }

    /// Entries as JSON objects separated by commas, keys sorted. Besides JSON's escapes, `</`
    /// is written `<\/`, so that no text can close the script element.
    static func json(_ entries: [SearchEntry]) -> String {
        var output = ""
        for (index, entry) in entries.enumerated() {
            if index > 0 { output += "," }
            output += "{\"k\":"
            appendString(entry.k, to: &output)
            output += ",\"t\":"
            appendString(entry.t, to: &output)
            output += ",\"u\":"
            appendString(entry.u, to: &output)
            output += ",\"x\":"
            appendString(entry.x, to: &output)
            output += "}"
        }
        return output
    }

    private static func appendString(_ text: String, to output: inout String) {
        let hex = Array("0123456789abcdef".unicodeScalars)
        var scalars = String.UnicodeScalarView()
        scalars.append("\"")
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": scalars.append(contentsOf: "\\\"".unicodeScalars)
            case "\\": scalars.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": scalars.append(contentsOf: "\\n".unicodeScalars)
            case "\r": scalars.append(contentsOf: "\\r".unicodeScalars)
            case "\t": scalars.append(contentsOf: "\\t".unicodeScalars)
            case "/" where previous == "<": scalars.append(contentsOf: "\\/".unicodeScalars)
            case _ where scalar.value < 0x20:
                scalars.append(contentsOf: "\\u00".unicodeScalars)
                scalars.append(hex[Int(scalar.value >> 4)])
                scalars.append(hex[Int(scalar.value & 0xF)])
            default: scalars.append(scalar)
            }
            previous = scalar
        }
        scalars.append("\"")
        output.unicodeScalars.append(contentsOf: scalars)
    }
}
