/// Collects the text of nodes as a reader sees it (`MarkdownNode.plainText`): literals of text
/// and code, no markup, no raw HTML, a space between blocks.
struct PlainTextCollector: MarkdownWalker {
    private(set) var output = ""
    /// The siblings of the node being visited and the position of the one after it: whether a
    /// soft break is a space depends on the characters on both sides of it. (The array is kept,
    /// where a copy of the next node was made for every node.)
    private var siblings: [MarkdownNode] = []
    private var next = 0

    /// Visits `nodes`, siblings in order.
    mutating func collect(_ nodes: [MarkdownNode]) {
        let (outerSiblings, outerNext) = (siblings, next)
        defer { (siblings, next) = (outerSiblings, outerNext) }
        siblings = nodes
        for index in nodes.indices {
            next = index + 1
            visit(nodes[index])
        }
    }

    mutating func defaultVisit(_ node: MarkdownNode) {
        if node.isBlock, !output.isEmpty, !output.endsWithCharacter(ascii: UInt8(ascii: " ")) { output += " " }
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
        if let before = output.unicodeScalars.last, before.isCJK, next < siblings.count,
           let after = siblings[next].firstScalar, after.isCJK { return }
        output += " "
    }
}
