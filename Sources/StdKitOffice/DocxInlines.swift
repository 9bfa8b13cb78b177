import StdKitSyntax

/// Turns the inline nodes of one Markdown block into Word runs: bold, italic, struck and code
/// runs, line breaks, and hyperlinks.
///
/// The text is the text as written: an item's references keep their source form (`→
/// PROG-ROBOT-460305#S8`), because the review import reads the paragraph back and rewrites the
/// Markdown from it. Each reference after the arrow whose target is in the file becomes an
/// internal hyperlink to the target's bookmark (`w:hyperlink w:anchor`); one into a document not
/// exported stays text.
struct DocxInlines: MarkdownWalker {
    /// The item's references in source order, each with the bookmark it links to (nil: text).
    var references: [(text: String, anchor: String?)] = []
    /// The bookmark a link destination (`../courses/x.md`) goes to, when its document is in the file.
    var linkAnchor: (String) -> String? = { _ in nil }

    private(set) var xml = ""
    private var format = WordXML.RunFormat()
    private var afterArrow = false
    private var pendingSoftBreak = false
    private var lastScalar: Unicode.Scalar?

    init(references: [(text: String, anchor: String?)] = [], linkAnchor: @escaping (String) -> String? = { _ in nil }) {
        self.references = references
        self.linkAnchor = linkAnchor
    }

    /// The runs of `nodes`.
    static func runs(of nodes: [MarkdownNode], references: [(text: String, anchor: String?)] = [],
                     linkAnchor: @escaping (String) -> String? = { _ in nil }) -> String {
        var inlines = DocxInlines(references: references, linkAnchor: linkAnchor)
        for node in nodes { inlines.visit(node) }
        return inlines.xml
    }

    /// Emits `text` in the current format, after a pending soft break: a space, except between two
    /// CJK characters, where a line break in the source is no space (as `plainText` reads it).
    private mutating func emit(_ text: String, hyperlinkTo anchor: String? = nil) {
        guard !text.isEmpty else { return }
        if pendingSoftBreak {
            pendingSoftBreak = false
            let next = text.unicodeScalars.first
            if !((lastScalar?.isCJK ?? false) && (next?.isCJK ?? false)) {
                xml += WordXML.run(" ", format)
            }
        }
        if let anchor {
            var linked = format
            linked.hyperlink = true
            xml += "<w:hyperlink w:anchor=\"\(WordXML.escape(anchor))\" w:history=\"1\">" + WordXML.run(text, linked) + "</w:hyperlink>"
        } else {
            xml += WordXML.run(text, format)
        }
        lastScalar = text.unicodeScalars.last
    }

    mutating func visitText(_ node: MarkdownNode) {
        var rest = Substring(node.literal)
        guard !references.isEmpty else { return emit(String(rest)) }
        if !afterArrow {
            guard let arrow = rest.firstIndex(of: "→") else { return emit(String(rest)) }
            afterArrow = true
            emit(String(rest[...arrow]))
            rest = rest[rest.index(after: arrow)...]
        }
        // After the arrow: each reference in order, where it is written.
        while let reference = references.first, let range = rest.range(of: reference.text) {
            emit(String(rest[..<range.lowerBound]))
            emit(reference.text, hyperlinkTo: reference.anchor)
            references.removeFirst()
            rest = rest[range.upperBound...]
        }
        emit(String(rest))
    }

    mutating func visitSoftBreak(_ node: MarkdownNode) {
        pendingSoftBreak = true
    }

    mutating func visitLineBreak(_ node: MarkdownNode) {
        pendingSoftBreak = false
        xml += "<w:r><w:br/></w:r>"
        lastScalar = nil
    }

    mutating func visitInlineCode(_ node: MarkdownNode) {
        let saved = format
        format.code = true
        emit(node.literal)
        format = saved
    }

    mutating func visitInlineHTML(_ node: MarkdownNode) {
        emit(node.literal)
    }

    mutating func visitEmphasis(_ node: MarkdownNode) {
        let saved = format
        format.italic = true
        descendInto(node)
        format = saved
    }

    mutating func visitStrong(_ node: MarkdownNode) {
        let saved = format
        format.bold = true
        descendInto(node)
        format = saved
    }

    mutating func visitStrikethrough(_ node: MarkdownNode) {
        let saved = format
        format.strike = true
        descendInto(node)
        format = saved
    }

    mutating func visitLink(_ node: MarkdownNode, destination: String, title: String) {
        guard let anchor = linkAnchor(destination) else { return descendInto(node) }
        // The link's text as one hyperlink to the document's bookmark.
        let text = node.plainText
        emit(text.isEmpty ? destination : text, hyperlinkTo: anchor)
    }

    mutating func visitImage(_ node: MarkdownNode, source: String, title: String) {
        // Images are not embedded (docs/word.md): their description stands in.
        let text = node.plainText
        emit("[\(text.isEmpty ? source : text)]")
    }

    mutating func visitFootnoteReference(_ node: MarkdownNode) {
        emit(node.literal.isEmpty ? "" : "[^\(node.literal)]")
    }
}
