/// An identified statement in a document body: a list item or heading whose inline content
/// begins with a strong id, as `- **LO2** 能编写… → JOB-WELD-ROBOT#R2 {level=3}`.
public struct ItemSyntax: Sendable, Hashable {
    /// What holds the item.
    public enum Host: Sendable, Hashable {
        case listItem
        case heading(level: Int)
    }

    /// The id local to the document, e.g. `LO2`.
    public var id: String
    /// Where the id text starts (inside the `**`).
    public var location: SourceLocation
    public var host: Host
    /// The text after the id, up to the reference arrow, without attributes.
    public var statement: String
    public var attributes: [AttributeSyntax]
    public var references: [ReferenceSyntax]
    /// The id of the item whose nested list holds this one.
    public var parentID: String?
    /// The lines the item spans (for a list item, with its nested content).
    public var lines: ClosedRange<Int>

    public init(
        id: String, location: SourceLocation, host: Host, statement: String,
        attributes: [AttributeSyntax], references: [ReferenceSyntax], parentID: String?, lines: ClosedRange<Int>
    ) {
        self.id = id
        self.location = location
        self.host = host
        self.statement = statement
        self.attributes = attributes
        self.references = references
        self.parentID = parentID
        self.lines = lines
    }
}

/// One `key=value` of an item's `{…}` attribute block.
public struct AttributeSyntax: Sendable, Hashable {
    public var key: String
    public var value: String
    /// Where the key starts.
    public var location: SourceLocation

    public init(key: String, value: String, location: SourceLocation) {
        self.key = key
        self.value = value
        self.location = location
    }
}

/// A heading of the body, for sections and structure checks.
public struct HeadingSyntax: Sendable, Hashable {
    public var level: Int
    /// The heading's plain text; an item heading keeps its id but not its attributes:
    /// `U3 弧焊工作站编程`.
    public var text: String
    public var location: SourceLocation
    /// The item the heading declares, if it is one.
    public var itemID: String?

    public init(level: Int, text: String, location: SourceLocation, itemID: String? = nil) {
        self.level = level
        self.text = text
        self.location = location
        self.itemID = itemID
    }
}

/// A link or image in the body, with where it is written.
public struct LinkSyntax: Sendable, Hashable {
    public var destination: String
    /// Where the link starts, or the start of its block where cmark gives no position.
    public var location: SourceLocation
    public var isImage: Bool

    public init(destination: String, location: SourceLocation, isImage: Bool) {
        self.destination = destination
        self.location = location
        self.isImage = isImage
    }

    /// Every link and image of `node`, in source order.
    public static func all(in node: MarkdownNode) -> [LinkSyntax] {
        var links: [LinkSyntax] = []
        // An explicit stack: lists can nest deeply.
        var stack: [(MarkdownNode, SourceLocation)] = [(node, node.range?.lowerBound ?? .start)]
        while let (current, fallback) = stack.popLast() {
            let location = current.range?.lowerBound ?? fallback
            switch current.kind {
            case .link(let destination, _):
                links.append(LinkSyntax(destination: destination, location: location, isImage: false))
            case .image(let source, _):
                links.append(LinkSyntax(destination: source, location: location, isImage: true))
            default:
                break
            }
            for child in current.children.reversed() { stack.append((child, location)) }
        }
        return links
    }
}
