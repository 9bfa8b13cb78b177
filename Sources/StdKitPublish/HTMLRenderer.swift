import Foundation
import StdKitModel
import StdKitSyntax

/// Renders a document's Markdown body to HTML from stdkit's own tree, so that items get
/// anchors, references become links to their targets, attributes stay data, back-links follow
/// each item, and raw HTML is left out unless the project allows it.
///
/// Without a page (`init(allowHTML:)`) it writes plain CommonMark HTML, laid out as cmark-gfm
/// lays it out: what the conformance comparison measures (docs/conformance.md).
struct HTMLRenderer: MarkdownWalker {
    /// The project, document and page a site page is rendered for.
    struct Page {
        let project: Project
        let document: Document
        /// The site path of the page being written (for relative links).
        let path: String
        /// Where each document's page is.
        let map: SiteMap
        /// For a page of an upstream's section: the upstream and the project implementing it,
        /// whose items are shown under the items they implement.
        let section: UpstreamSection?
        let strings: SiteStrings
    }

    private let page: Page?
    let allowHTML: Bool

    /// Heading anchors in document order, from the model's sections, made unique.
    private var anchors: [String] = []
    private var headingIndex = 0
    /// The HTML written so far.
    private var out = ""
    /// Whether the blocks being visited are the children of a tight list's item, whose
    /// paragraphs are written without `<p>`.
    private var tight = false

    init(project: Project, document: Document, pagePath: String, map: SiteMap, section: UpstreamSection? = nil, allowHTML: Bool,
         strings: SiteStrings) {
        page = Page(project: project, document: document, path: pagePath, map: map, section: section, strings: strings)
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
        out = ""
        tight = false
        visit(root)
        defer { out = "" }
        return out
    }

    /// A new line unless the output is empty or already ends one, before a block opens.
    private mutating func newLine() {
        if let last = out.utf8.last, last != UInt8(ascii: "\n") { out += "\n" }
    }

    /// Visits `node` as a block whose paragraphs are tight or not.
    private mutating func visit(_ node: MarkdownNode, tight: Bool) {
        let outer = self.tight
        self.tight = tight
        visit(node)
        self.tight = outer
    }

    /// Visits the children of `node`, blocks not in a tight list.
    private mutating func descendIntoLoose(_ node: MarkdownNode) {
        for child in node.children { visit(child, tight: false) }
    }

    // MARK: Blocks

    mutating func visitDocument(_ node: MarkdownNode) {
        descendIntoLoose(node)
    }

    mutating func visitFootnoteDefinition(_ node: MarkdownNode) {
        descendIntoLoose(node)
    }

    mutating func visitParagraph(_ node: MarkdownNode) {
        if tight {
            descendInto(node)
        } else {
            newLine()
            out += "<p>"
            descendInto(node)
            out += "</p>\n"
        }
    }

    mutating func visitHeading(_ node: MarkdownNode, level: Int) {
        newLine()
        guard page != nil else {
            wrap("h\(level)", node)
            out += "\n"
            return
        }
        let anchor = headingIndex < anchors.count ? anchors[headingIndex] : "section-\(headingIndex)"
        headingIndex += 1
        if let item = itemIfAny(node.children) {
            out += "<h\(level) id=\"\(HTML.escape(item.id))\" class=\"item\"\(dataAttributes(item))><a id=\"\(HTML.escape(anchor))\"></a>"
            itemInlines(node.children, item: item)
            out += "</h\(level)>\n"
            backlinks(item)
        } else {
            out += "<h\(level) id=\"\(HTML.escape(anchor))\">"
            descendInto(node)
            out += "</h\(level)>\n"
        }
    }

    mutating func visitBlockQuote(_ node: MarkdownNode) {
        newLine()
        out += "<blockquote>\n"
        descendIntoLoose(node)
        newLine()
        out += "</blockquote>\n"
    }

    mutating func visitList(_ node: MarkdownNode, ordered: Bool, start: Int, tight isTight: Bool) {
        newLine()
        if ordered {
            out += start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
        } else {
            out += "<ul>\n"
        }
        for child in node.children { listItem(child, tight: isTight) }
        out += ordered ? "</ol>\n" : "</ul>\n"
    }

    mutating func visitListItem(_ node: MarkdownNode, task: Bool?) {
        listItem(node, tight: tight)
    }

    mutating func visitCodeBlock(_ node: MarkdownNode, info: String, fenced: Bool) {
        let language = info.split(separator: " ").first.map { " class=\"language-\(HTML.escape(String($0)))\"" } ?? ""
        newLine()
        out += "<pre><code\(language)>\(HTML.escape(node.literal))</code></pre>\n"
    }

    mutating func visitHTMLBlock(_ node: MarkdownNode) {
        if allowHTML {
            newLine()
            out += HTML.allowedHTML(node.literal)
            newLine()
        }
    }

    mutating func visitThematicBreak(_ node: MarkdownNode) {
        newLine()
        out += "<hr />\n"
    }

    mutating func visitTable(_ node: MarkdownNode, alignments: [String]) {
        newLine()
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
                descendInto(cell)
                out += "</\(tag)>\n"
            }
            out += "</tr>\n"
            if header { out += "</thead>\n" }
        }
        if inBody { out += "</tbody>\n" }
        out += "</table>\n"
    }

    // Rows and cells are written by `visitTable`, with their table's alignments.
    mutating func visitTableRow(_ node: MarkdownNode, header: Bool) {}
    mutating func visitTableCell(_ node: MarkdownNode) {}

    private mutating func listItem(_ node: MarkdownNode, tight: Bool) {
        var attributes = ""
        var item: Item?
        if let first = node.children.first, first.kind == .paragraph, let found = itemIfAny(first.children) {
            item = found
            attributes = " id=\"\(HTML.escape(found.id))\" class=\"item\"" + dataAttributes(found)
        }
        newLine()
        out += "<li\(attributes)>"
        if case .item(let task?) = node.kind {
            out += "<input type=\"checkbox\"\(task ? " checked=\"\"" : "") disabled=\"\" /> "
        }
        for (index, child) in node.children.enumerated() {
            if index == 0, let item, child.kind == .paragraph {
                if !tight { out += "<p>" }
                itemInlines(child.children, item: item)
                out += tight ? "" : "</p>\n"
                backlinks(item)
            } else {
                visit(child, tight: tight)
            }
        }
        out += "</li>\n"
    }

    // MARK: Inlines

    mutating func visitText(_ node: MarkdownNode) { out += HTML.escape(node.literal) }
    mutating func visitSoftBreak(_ node: MarkdownNode) { out += "\n" }
    mutating func visitLineBreak(_ node: MarkdownNode) { out += "<br />\n" }
    mutating func visitInlineCode(_ node: MarkdownNode) { out += "<code>\(HTML.escape(node.literal))</code>" }
    mutating func visitInlineHTML(_ node: MarkdownNode) { if allowHTML { out += HTML.allowedHTML(node.literal) } }
    mutating func visitEmphasis(_ node: MarkdownNode) { wrap("em", node) }
    mutating func visitStrong(_ node: MarkdownNode) { wrap("strong", node) }
    mutating func visitStrikethrough(_ node: MarkdownNode) { wrap("del", node) }

    mutating func visitLink(_ node: MarkdownNode, destination: String, title: String) {
        guard let url = HTML.safeURL(destination) else {
            descendInto(node)  // the text stays, the dangerous link goes
            return
        }
        let titleAttribute = title.isEmpty ? "" : " title=\"\(HTML.escape(title))\""
        out += "<a href=\"\(HTML.escape(rewrite(url)))\"\(titleAttribute)>"
        descendInto(node)
        out += "</a>"
    }

    mutating func visitImage(_ node: MarkdownNode, source: String, title: String) {
        guard let url = HTML.safeURL(source, isImage: true) else {
            out += HTML.escape(MarkdownNode.plainText(of: node.children))
            return
        }
        let titleAttribute = title.isEmpty ? "" : " title=\"\(HTML.escape(title))\""
        out += "<img src=\"\(HTML.escape(HTML.encodeURL(url)))\" alt=\"\(HTML.escape(MarkdownNode.plainText(of: node.children)))\"\(titleAttribute) />"
    }

    private mutating func wrap(_ tag: String, _ node: MarkdownNode) {
        out += "<\(tag)>"
        descendInto(node)
        out += "</\(tag)>"
    }

    /// A link to another Markdown file of the project points at its page.
    private func rewrite(_ url: String) -> String {
        guard page != nil else { return HTML.encodeURL(url) }
        return HTML.encodeURL(Self.pagePath(of: url))
    }

    /// What `rewrite` encodes: `url` with a `.md` path made `.html`, unless it names a scheme
    /// (holds a colon) or starts at the site's root.
    static func pagePath(of url: String) -> String {
        let bytes = url.utf8
        if bytes.allSatisfy({ $0 < 0x80 }) {
            // ASCII, where characters are bytes: the tests below on bytes, without Foundation's
            // search for the colon and the split (most of `rewrite`, 1.6 % of a build).
            guard !bytes.contains(UInt8(ascii: ":")), bytes.first != UInt8(ascii: "/") else { return url }
            let hash = bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.endIndex
            guard bytes[..<hash].reversed().starts(with: "dm.".utf8) else { return url }
            let stem = bytes.index(hash, offsetBy: -3)
            return String(url[..<stem]) + ".html" + url[hash...]
        }
        return pagePathByCharacters(of: url)
    }

    /// `pagePath(of:)` on characters, for any text.
    static func pagePathByCharacters(of url: String) -> String {
        guard !url.contains(":"), !url.hasPrefix("/") else { return url }
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        var path = parts[0]
        if path.hasSuffix(".md") { path = String(path.dropLast(3)) + ".html" }
        let fragment = parts.count > 1 ? "#" + parts[1] : ""
        return path + fragment
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
    private mutating func itemInlines(_ nodes: [MarkdownNode], item: Item) {
        out += "<a class=\"item-id\" href=\"#\(HTML.escape(item.id))\">\(HTML.escape(item.id))</a>"
        var rest = Array(nodes.dropFirst())
        // The trailing run of plain text holds the arrow, the references and the attributes.
        var trailingStart = rest.count
        while trailingStart > 0, rest[trailingStart - 1].kind == .text || rest[trailingStart - 1].kind == .softBreak { trailingStart -= 1 }
        var trailing = rest[trailingStart...].map { $0.kind == .text ? $0.literal : " " }.joined()
        rest.removeSubrange(trailingStart...)
        if !item.attributes.isEmpty || trailing.trimmingCharacters(in: .whitespaces).hasSuffix("}"),
           let brace = Self.lastBrace(in: trailing), trailing[brace...].contains("=") {
            trailing = String(trailing[..<brace])
        }
        var arrowFound = false
        if !item.references.isEmpty, let arrow = trailing.lastArrowRange() {
            trailing = String(trailing[..<arrow.lowerBound])
            arrowFound = true
        }
        for node in rest { visit(node) }
        var statementTail = trailing
        while let last = statementTail.last, last == " " { statementTail.removeLast() }
        out += HTML.escape(statementTail)
        if arrowFound, let page {
            out += " <span class=\"refs\">→ "
            out += item.references.map { referenceLink($0, on: page) }.joined(separator: ", ")
            out += "</span>"
        }
    }

    /// Where the last `{` of `text` is, as Foundation's `range(of: "{", options: .backwards)` finds
    /// it (a `{` that a mark joins to a neighbour is no match there): found on the bytes when its
    /// neighbours are ASCII, which no mark is, else by Foundation. Every item asked Foundation,
    /// a fiftieth of a build.
    static func lastBrace(in text: String) -> String.Index? {
        switch text.lastStandaloneByte(UInt8(ascii: "{")) {
        case .found(let brace): brace
        case .absent: nil
        case .uncertain: text.range(of: "{", options: .backwards)?.lowerBound
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
        // Into an upstream that is not there: plain text saying so, never a broken link.
        let title = reference.syntax.document.flatMap { UpstreamSection.missingTitle(of: $0, in: project, strings: page.strings) }
            ?? page.strings["unresolved"]
        return "<span class=\"ref unresolved\" title=\"\(HTML.escape(title))\">\(text)</span>"
    }

    private func link(to target: Document, anchor: String?, from pagePath: String) -> String {
        link(toPage: self.page?.map.page(of: target) ?? "", anchor: anchor, from: pagePath)
    }

    private func link(toPage page: String, anchor: String?, from pagePath: String) -> String {
        let url = page == pagePath ? "" : HTML.encodeURL(SitePaths.relative(page, from: pagePath))
        return url + (anchor.map { "#" + HTML.encodeURL($0) } ?? (url.isEmpty ? "#" : ""))
    }

    /// "Covered by" (for coverage links) and "used by" back-links under an item; on an
    /// upstream's page, also the local items that implement or reference it.
    private mutating func backlinks(_ item: Item) {
        guard let page, let id = page.document.id else { return }
        let project = page.project
        let sources = project.index.sources(referencingItem: item.id, of: id)
        defer { implementedHere(item) }
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

    /// "本校对应" under an upstream's item: the local items (or documents, for a front-matter
    /// reference) that reference it through its key `ns:DOC#ITEM`, linked to their pages.
    private mutating func implementedHere(_ item: Item) {
        guard let page, let section = page.section, let id = page.document.id else { return }
        let links = Self.localLinks(section.local.index.sources(referencingItem: item.id, of: section.key(of: id)), section: section, from: page.path)
        guard !links.isEmpty else { return }
        out += "<div class=\"backlinks implemented\"><span>\(HTML.escape(page.strings["implementedHere"]))</span> \(links.joined(separator: ", "))</div>\n"
    }

    /// Links from the site page `pagePath` to the local places `sources` name, each labelled
    /// `DOC#ITEM` (or `DOC`) with its statement (or title) on hover.
    static func localLinks(_ sources: [ReferenceIndex.Source], section: UpstreamSection, from pagePath: String) -> [String] {
        var seen: Set<String> = []
        return sources.compactMap { source -> String? in
            guard let document = section.local.document(atPath: source.path) else { return nil }
            let label = source.item.map { "\(source.document)#\($0)" } ?? source.document
            guard seen.insert(label).inserted else { return nil }
            let target = section.localMap.page(of: document)
            let url = HTML.encodeURL(SitePaths.relative(target, from: pagePath)) + (source.item.map { "#" + HTML.encodeURL($0) } ?? "")
            let title = source.item.flatMap { document.item($0)?.text } ?? document.title ?? ""
            return "<a href=\"\(HTML.escape(url))\" title=\"\(HTML.escape(title))\">\(HTML.escape(label))</a>"
        }
    }
}
