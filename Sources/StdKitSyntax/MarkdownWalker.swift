/// A visitor that goes through a tree for its effects, in the manner of swift-markdown's
/// `MarkupWalker`: by default every node's children are visited in order, so a walker writes
/// only the kinds it acts on, and calls `descendInto(_:)` where it wants to go on below one.
public protocol MarkdownWalker: MarkdownVisitor where Result == Void {}

extension MarkdownWalker {
    /// Visits the node's children.
    @inlinable
    public mutating func defaultVisit(_ node: MarkdownNode) {
        descendInto(node)
    }

    /// Visits each child of `node`, in order.
    @inlinable
    public mutating func descendInto(_ node: MarkdownNode) {
        for child in node.children { visit(child) }
    }
}
