/// Something that visits a Markdown tree one node at a time, in the manner of swift-markdown's
/// `MarkupVisitor`: `visit(_:)` sends each node to the method of its kind, with the kind's data
/// unpacked, and every method a visitor does not write falls back to `defaultVisit(_:)`.
///
/// One traversal, many visitors: a renderer, an extractor or a text collector writes only the
/// kinds it treats specially, instead of its own recursive `switch` over every kind. A visitor
/// recurses as deep as the tree; `MarkdownParser` never builds one deeper than
/// `Limits.nestingDepth`, so that this is safe.
public protocol MarkdownVisitor {
    /// What visiting a node gives (`Void` for a `MarkdownWalker`).
    associatedtype Result

    /// What a node gives whose kind's method the visitor does not implement.
    mutating func defaultVisit(_ node: MarkdownNode) -> Result

    // Blocks
    mutating func visitDocument(_ node: MarkdownNode) -> Result
    mutating func visitBlockQuote(_ node: MarkdownNode) -> Result
    mutating func visitList(_ node: MarkdownNode, ordered: Bool, start: Int, tight: Bool) -> Result
    /// A list item; `task` is nil for an ordinary item, else whether its box is checked.
    mutating func visitListItem(_ node: MarkdownNode, task: Bool?) -> Result
    mutating func visitCodeBlock(_ node: MarkdownNode, info: String, fenced: Bool) -> Result
    mutating func visitHTMLBlock(_ node: MarkdownNode) -> Result
    mutating func visitParagraph(_ node: MarkdownNode) -> Result
    mutating func visitHeading(_ node: MarkdownNode, level: Int) -> Result
    mutating func visitThematicBreak(_ node: MarkdownNode) -> Result
    mutating func visitTable(_ node: MarkdownNode, alignments: [String]) -> Result
    mutating func visitTableRow(_ node: MarkdownNode, header: Bool) -> Result
    mutating func visitTableCell(_ node: MarkdownNode) -> Result
    mutating func visitFootnoteDefinition(_ node: MarkdownNode) -> Result

    // Inlines
    mutating func visitText(_ node: MarkdownNode) -> Result
    mutating func visitSoftBreak(_ node: MarkdownNode) -> Result
    mutating func visitLineBreak(_ node: MarkdownNode) -> Result
    mutating func visitInlineCode(_ node: MarkdownNode) -> Result
    mutating func visitInlineHTML(_ node: MarkdownNode) -> Result
    mutating func visitEmphasis(_ node: MarkdownNode) -> Result
    mutating func visitStrong(_ node: MarkdownNode) -> Result
    mutating func visitStrikethrough(_ node: MarkdownNode) -> Result
    mutating func visitLink(_ node: MarkdownNode, destination: String, title: String) -> Result
    mutating func visitImage(_ node: MarkdownNode, source: String, title: String) -> Result
    mutating func visitFootnoteReference(_ node: MarkdownNode) -> Result
    /// A node of a type the parser does not know (an extension's), by cmark's type name.
    mutating func visitOther(_ node: MarkdownNode, typeName: String) -> Result
}

// `@inlinable` so that a visitor in another module gets `visit(_:)` specialised for its own
// type: the dispatch is then a direct call per node, not a witness-table call.
extension MarkdownVisitor {
    /// Visits `node` with the method of its kind.
    @inlinable
    public mutating func visit(_ node: MarkdownNode) -> Result {
        switch node.kind {
        case .document: visitDocument(node)
        case .blockQuote: visitBlockQuote(node)
        case .list(let ordered, let start, let tight): visitList(node, ordered: ordered, start: start, tight: tight)
        case .item(let task): visitListItem(node, task: task)
        case .codeBlock(let info, let fenced): visitCodeBlock(node, info: info, fenced: fenced)
        case .htmlBlock: visitHTMLBlock(node)
        case .paragraph: visitParagraph(node)
        case .heading(let level): visitHeading(node, level: level)
        case .thematicBreak: visitThematicBreak(node)
        case .table(let alignments): visitTable(node, alignments: alignments)
        case .tableRow(let header): visitTableRow(node, header: header)
        case .tableCell: visitTableCell(node)
        case .footnoteDefinition: visitFootnoteDefinition(node)
        case .text: visitText(node)
        case .softBreak: visitSoftBreak(node)
        case .lineBreak: visitLineBreak(node)
        case .code: visitInlineCode(node)
        case .htmlInline: visitInlineHTML(node)
        case .emphasis: visitEmphasis(node)
        case .strong: visitStrong(node)
        case .strikethrough: visitStrikethrough(node)
        case .link(let destination, let title): visitLink(node, destination: destination, title: title)
        case .image(let source, let title): visitImage(node, source: source, title: title)
        case .footnoteReference: visitFootnoteReference(node)
        case .other(let name): visitOther(node, typeName: name)
        }
    }

    @inlinable public mutating func visitDocument(_ node: MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitBlockQuote(_ node: MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitList(_ node: MarkdownNode, ordered: Bool, start: Int, tight: Bool) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitListItem(_ node: MarkdownNode, task: Bool?) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitCodeBlock(_ node: MarkdownNode, info: String, fenced: Bool) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitHTMLBlock(_ node: MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitParagraph(_ node: MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitHeading(_ node: MarkdownNode, level: Int) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitThematicBreak(_ node: MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitTable(_ node: MarkdownNode, alignments: [String]) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitTableRow(_ node: MarkdownNode, header: Bool) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitTableCell(_ node: MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitFootnoteDefinition(_ node: MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitText(_ node: MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitSoftBreak(_ node: MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitLineBreak(_ node: MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitInlineCode(_ node: MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitInlineHTML(_ node: MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitEmphasis(_ node: MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitStrong(_ node: MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitStrikethrough(_ node: MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitLink(_ node: MarkdownNode, destination: String, title: String) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitImage(_ node: MarkdownNode, source: String, title: String) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitFootnoteReference(_ node: MarkdownNode) -> Result { defaultVisit(node) }
    @inlinable public mutating func visitOther(_ node: MarkdownNode, typeName: String) -> Result { defaultVisit(node) }
}
