/// Collects the text of nodes as a reader sees it (`MarkdownNode.plainText`): literals of text
/// and code, no markup, no raw HTML, a space between blocks.
struct PlainTextCollector: MarkdownWalker {
    private(set) var output = ""
    /// The sibling after the node being visited: whether a soft break is a space depends on the
    /// characters on both sides of it.
    private var following: MarkdownNode?

    /// Visits `nodes`, siblings in order.
    mutating func collect(_ nodes: [MarkdownNode]) {
        for index in nodes.indices {
            following = index + 1 < nodes.count ? nodes[index + 1] : nil
            visit(nodes[index])
        }
    }

    mutating func defaultVisit(_ node: MarkdownNode) {
        if node.isBlock, !output.isEmpty, output.last != " " { output += " " }
        collect(node.children)
    }

    mutating func visitText(_ node: MarkdownNode) { output += node.literal }
    mutating func visitInlineCode(_ node: MarkdownNode) { output += node.literal }
    mutating func visitSoftBreak(_ node: MarkdownNode) { lineBreak() }
    mutating func visitLineBreak(_ node: MarkdownNode) { lineBreak() }
    mutating func visitInlineHTML(_ node: MarkdownNode) {}
    mutating func visitHTMLBlock(_ node: MarkdownNode) {}
    mutating func visitFootnoteReference(_ node: MarkdownNode) {}

    /// A line break is a space, except between two CJK characters, where it is not (re-wrapping
    /// Chinese text must not change it).
    private mutating func lineBreak() {
        if let before = output.unicodeScalars.last, let after = following?.firstScalar, before.isCJK, after.isCJK { return }
        output += " "
    }
}
