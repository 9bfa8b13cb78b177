import Foundation
import StdKitModel
import StdKitSyntax

/// Renders a document's Markdown body to HTML from stdkit's own tree, so that items get
/// anchors, references become links to their targets, attributes stay data, back-links follow
/// each item, and raw HTML is left out unless the project allows it.
///
/// Without a page (`init(allowHTML:)`) it writes plain CommonMark HTML, laid out as cmark-gfm
/// lays it out: what the conformance comparison measures (docs/conformance.md).
struct HTMLRenderer {
    /// The project, document and page a site page is rendered for.
    struct Page {
        let project: Project
        let document: Document
        /// The site path of the page being written (for relative links).
        let path: String
        let strings: SiteStrings
    }

    private let page: Page?
    let allowHTML: Bool

    /// Heading anchors in document order, from the model's sections, made unique.
    private var anchors: [String] = []
    private var headingIndex = 0

    init(project: Project, document: Document, pagePath: String, allowHTML: Bool, strings: SiteStrings) {
        page = Page(project: project, document: document, path: pagePath, strings: strings)
        self.allowHTML = allowHTML
        var seen: [String: Int] = [:]
        anchors = document.sections.map { section in
            let base = section.anchor.isEmpty ? "section" : section.anchor
            let count = seen[base, default: 0]
            seen[base] = count + 1
            return count == 0 ? base : "\(base)-\(count)"
        }
    }

    /// A renderer of plain CommonMark HTML: no heading anchors, items or link rewriting.
    init(allowHTML: Bool) {
        page = nil
        self.allowHTML = allowHTML
    }

    mutating func render(_ root: MarkdownNode) -> String {
        var output = ""
        block(root, tight: false, into: &output)
        return output
    }

    /// A new line unless the output is empty or already ends one, before a block opens.
    private func newLine(_ out: inout String) {
        if let last = out.utf8.last, last != UInt8(ascii: "\n") { out += "\n" }
    }

    // MARK: Blocks

    private mutating func block(_ node: MarkdownNode, tight: Bool, into out: inout String) {
        switch node.kind {
        case .document, .footnoteDefinition:
            for child in node.children { block(child, tight: false, into: &out) }
        case .paragraph:
            if tight {
                inlines(node.children, into: &out)
            } else {
                newLine(&out)
                out += "<p>"
                inlines(node.children, into: &out)
                out += "</p>\n"
            }
        case .heading(let level):
            newLine(&out)
            guard page != nil else {
                wrap("h\(level)", node, into: &out)
                out += "\n"
                return
            }
            let anchor = headingIndex < anchors.count ? anchors[headingIndex] : "section-\(headingIndex)"
            headingIndex += 1
            if let item = itemIfAny(node.children) {
                out += "<h\(level) id=\"\(HTML.escape(item.id))\" class=\"item\"\(dataAttributes(item))><a id=\"\(HTML.escape(anchor))\"></a>"
                itemInlines(node.children, item: item, into: &out)
                out += "</h\(level)>\n"
                backlinks(item, into: &out)
            } else {
                out += "<h\(level) id=\"\(HTML.escape(anchor))\">"
                inlines(node.children, into: &out)
                out += "</h\(level)>\n"
            }
        case .blockQuote:
            newLine(&out)
            out += "<blockquote>\n"
            for child in node.children { block(child, tight: false, into: &out) }
            newLine(&out)
            out += "</blockquote>\n"
        case .list(let ordered, let start, let isTight):
            newLine(&out)
            if ordered {
                out += start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
            } else {
                out += "<ul>\n"
            }
            for child in node.children { listItem(child, tight: isTight, into: &out) }
            out += ordered ? "</ol>\n" : "</ul>\n"
        case .item:
            listItem(node, tight: tight, into: &out)
        case .codeBlock(let info, _):
            let language = info.split(separator: " ").first.map { " class=\"language-\(HTML.escape(String($0)))\"" } ?? ""
            newLine(&out)
            out += "<pre><code\(language)>\(HTML.escape(node.literal))</code></pre>\n"
        case .htmlBlock:
            if allowHTML {
                newLine(&out)
                out += HTML.allowedHTML(node.literal)
                newLine(&out)
            }
        case .thematicBreak:
            newLine(&out)
            out += "<hr />\n"
        case .table(let alignments):
            table(node, alignments: alignments, into: &out)
        case .tableRow, .tableCell:
            break  // rendered by table(_:)
        default:
            inlines([node], into: &out)
        }
    }

    private mutating func listItem(_ node: MarkdownNode, tight: Bool, into out: inout String) {
        var attributes = ""
        var item: Item?
        if let first = node.children.first, first.kind == .paragraph, let found = itemIfAny(first.children) {
            item = found
            attributes = " id=\"\(HTML.escape(found.id))\" class=\"item\"" + dataAttributes(found)
        }
        newLine(&out)
        out += "<li\(attributes)>"
        if case .item(let task?) = node.kind {
            out += "<input type=\"checkbox\"\(task ? " checked=\"\"" : "") disabled=\"\" /> "
        }
        for (index, child) in node.children.enumerated() {
            if index == 0, let item, child.kind == .paragraph {
                if !tight { out += "<p>" }
                itemInlines(child.children, item: item, into: &out)
                out += tight ? "" : "</p>\n"
                backlinks(item, into: &out)
            } else {
                block(child, tight: tight, into: &out)
            }
        }
        out += "</li>\n"
    }

    private mutating func table(_ node: MarkdownNode, alignments: [String], into out: inout String) {
        newLine(&out)
        out += "<table>\n"
        var inBody = false
        for row in node.children {
            guard case .tableRow(let header) = row.kind else { continue }
            if header {
                out += "<thead>\n"
            } else if !inBody {
                out += "<tbody>\n"
                inBody = true
            }
            out += "<tr>\n"
            for (column, cell) in row.children.enumerated() {
                let tag = header ? "th" : "td"
                let alignment = column < alignments.count && !alignments[column].isEmpty ? " align=\"\(alignments[column])\"" : ""
                out += "<\(tag)\(alignment)>"
                inlines(cell.children, into: &out)
                out += "</\(tag)>\n"
            }
            out += "</tr>\n"
            if header { out += "</thead>\n" }
        }
        if inBody { out += "</tbody>\n" }
        out += "</table>\n"
    }

    // MARK: Inlines

    private func inlines(_ nodes: [MarkdownNode], into out: inout String) {
        for node in nodes { inline(node, into: &out) }
    }

    private func inline(_ node: MarkdownNode, into out: inout String) {
        switch node.kind {
        case .text: out += HTML.escape(node.literal)
        case .softBreak: out += "\n"
        case .lineBreak: out += "<br />\n"
        case .code: out += "<code>\(HTML.escape(node.literal))</code>"
        case .htmlInline: if allowHTML { out += HTML.allowedHTML(node.literal) }
        case .emphasis: wrap("em", node, into: &out)
        case .strong: wrap("strong", node, into: &out)
        case .strikethrough: wrap("del", node, into: &out)
        case .link(let destination, let title):
            guard let url = HTML.safeURL(destination) else {
                inlines(node.children, into: &out)  // the text stays, the dangerous link goes
                return
            }
            let titleAttribute = title.isEmpty ? "" : " title=\"\(HTML.escape(title))\""
            out += "<a href=\"\(HTML.escape(rewrite(url)))\"\(titleAttribute)>"
            inlines(node.children, into: &out)
            out += "</a>"
        case .image(let source, let title):
            guard let url = HTML.safeURL(source, isImage: true) else {
                out += HTML.escape(MarkdownNode.plainText(of: node.children))
                return
            }
            let titleAttribute = title.isEmpty ? "" : " title=\"\(HTML.escape(title))\""
            out += "<img src=\"\(HTML.escape(HTML.encodeURL(url)))\" alt=\"\(HTML.escape(MarkdownNode.plainText(of: node.children)))\"\(titleAttribute) />"
        default:
            inlines(node.children, into: &out)
        }
    }

    private func wrap(_ tag: String, _ node: MarkdownNode, into out: inout String) {
        out += "<\(tag)>"
        inlines(node.children, into: &out)
        out += "</\(tag)>"
    }

    /// A link to another Markdown file of the project points at its page.
    private func rewrite(_ url: String) -> String {
        guard page != nil, !url.contains(":"), !url.hasPrefix("/") else { return HTML.encodeURL(url) }
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        var path = parts[0]
        if path.hasSuffix(".md") { path = String(path.dropLast(3)) + ".html" }
        let fragment = parts.count > 1 ? "#" + parts[1] : ""
        return HTML.encodeURL(path + fragment)
    }

    // MARK: Items

    /// The model's item for inlines that begin with a strong id.
    private func itemIfAny(_ inlines: [MarkdownNode]) -> Item? {
        guard let document = page?.document, document.kind != "page", let first = inlines.first, first.kind == .strong, first.children.count == 1,
              let text = first.children.first, text.kind == .text, Identifier.isValidItem(text.literal) else { return nil }
        return document.item(text.literal)
    }

    private func dataAttributes(_ item: Item) -> String {
        item.attributes.map { attribute in
            let key = attribute.key.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
            return " data-\(key)=\"\(HTML.escape(attribute.value))\""
        }.joined()
    }

    /// An item's first paragraph: the id as a self-link, the statement, the references as links
    /// to their targets; the attribute block is left out.
    private func itemInlines(_ nodes: [MarkdownNode], item: Item, into out: inout String) {
        out += "<a class=\"item-id\" href=\"#\(HTML.escape(item.id))\">\(HTML.escape(item.id))</a>"
        var rest = Array(nodes.dropFirst())
        // The trailing run of plain text holds the arrow, the references and the attributes.
        var trailingStart = rest.count
        while trailingStart > 0, rest[trailingStart - 1].kind == .text || rest[trailingStart - 1].kind == .softBreak { trailingStart -= 1 }
        var trailing = rest[trailingStart...].map { $0.kind == .text ? $0.literal : " " }.joined()
        rest.removeSubrange(trailingStart...)
        if !item.attributes.isEmpty || trailing.trimmingCharacters(in: .whitespaces).hasSuffix("}"),
           let brace = trailing.range(of: "{", options: .backwards), trailing[brace.lowerBound...].contains("=") {
            trailing = String(trailing[..<brace.lowerBound])
        }
        var arrowFound = false
        if !item.references.isEmpty, let arrow = trailing.lastArrowRange() {
            trailing = String(trailing[..<arrow.lowerBound])
            arrowFound = true
        }
        inlines(rest, into: &out)
        var statementTail = trailing
        while let last = statementTail.last, last == " " { statementTail.removeLast() }
        out += HTML.escape(statementTail)
        if arrowFound, let page {
            out += " <span class=\"refs\">→ "
            out += item.references.map { referenceLink($0, on: page) }.joined(separator: ", ")
            out += "</span>"
        }
    }

    /// A reference as a link to its target's page and anchor, or as marked text if unresolved.
    private func referenceLink(_ reference: Reference, on page: Page) -> String {
        let project = page.project
        let text = HTML.escape(reference.syntax.text)
        switch reference.resolution {
        case .document(let id):
            guard let target = project.document(id) else { break }
            return "<a class=\"ref\" href=\"\(HTML.escape(link(to: target, anchor: nil, from: page.path)))\" title=\"\(HTML.escape(target.title ?? id))\">\(text)</a>"
        case .item(let id, let itemID):
            guard let target = project.document(id) else { break }
            let title = target.item(itemID).map { "\(target.title ?? id): \($0.text)" } ?? id
            return "<a class=\"ref\" href=\"\(HTML.escape(link(to: target, anchor: itemID, from: page.path)))\" title=\"\(HTML.escape(title))\">\(text)</a>"
        default:
            break
        }
        return "<span class=\"ref unresolved\" title=\"\(HTML.escape(page.strings["unresolved"]))\">\(text)</span>"
    }

    private func link(to target: Document, anchor: String?, from pagePath: String) -> String {
        let page = SiteBuilder.page(of: target)
        let url = page == pagePath ? "" : HTML.encodeURL(ProjectPath.relative(page, from: pagePath))
        return url + (anchor.map { "#" + HTML.encodeURL($0) } ?? (url.isEmpty ? "#" : ""))
    }

    /// "Covered by" (for coverage links) and "used by" back-links under an item.
    private func backlinks(_ item: Item, into out: inout String) {
        guard let page, let id = page.document.id else { return }
        let project = page.project
        let sources = project.index.sources(referencingItem: item.id, of: id)
        guard !sources.isEmpty else { return }
        var covering: [String] = []
        var using: [String] = []
        for source in sources {
            guard let sourceDocument = project.document(atPath: source.path) else { continue }
            let label = source.item.map { "\(source.document)#\($0)" } ?? source.document
            let href = HTML.escape(link(to: sourceDocument, anchor: source.item, from: page.path))
            let title = source.item.flatMap { sourceDocument.item($0)?.text } ?? sourceDocument.title ?? ""
            let anchor = "<a href=\"\(href)\" title=\"\(HTML.escape(title))\">\(HTML.escape(label))</a>"
            let isCoverage = source.item.flatMap { project.schemas.schema(for: sourceDocument.kind)?.itemKind(of: $0)?.coverage } ?? false
            if isCoverage { covering.append(anchor) } else { using.append(anchor) }
        }
        if !covering.isEmpty {
            out += "<div class=\"backlinks covered\"><span>\(HTML.escape(page.strings["coveredBy"]))</span> \(covering.joined(separator: ", "))</div>\n"
        }
        if !using.isEmpty {
            out += "<div class=\"backlinks used\"><span>\(HTML.escape(page.strings["usedBy"]))</span> \(using.joined(separator: ", "))</div>\n"
        }
    }
}
