/// A node of a parsed Markdown body: a Swift value copied from cmark-gfm's tree, with its
/// source range in file lines and character columns.
public struct MarkdownNode: Sendable, Hashable {
    /// What the node is. Blocks first, then inlines.
    public enum Kind: Sendable, Hashable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        /// A list item; `task` is nil for an ordinary item, else whether its box is checked.
        case item(task: Bool?)
        case codeBlock(info: String, fenced: Bool)
        case htmlBlock
        case paragraph
        case heading(level: Int)
        case thematicBreak
        /// A table; each column's alignment: "left", "center", "right" or "" for none.
        case table(alignments: [String])
        case tableRow(header: Bool)
        case tableCell
        case footnoteDefinition
        case text
        case softBreak
        case lineBreak
        case code
        case htmlInline
        case emphasis
        case strong
        case strikethrough
        case link(destination: String, title: String)
        case image(source: String, title: String)
        case footnoteReference
        /// A node type this converter does not know (an extension's), by cmark's type name.
        case other(String)
    }

    public var kind: Kind
    /// The text of a text, code, HTML or code-block node; empty for containers.
    public var literal: String
    /// Where the node starts (inclusive) and ends (exclusive); nil where cmark gives no position
    /// (autolinks report 0:0).
    public var range: SourceRange?
    public var children: [MarkdownNode]

    public init(kind: Kind, literal: String = "", range: SourceRange? = nil, children: [MarkdownNode] = []) {
        self.kind = kind
        self.literal = literal
        self.range = range
        self.children = children
    }

    /// Whether this is a block-level node.
    public var isBlock: Bool {
        switch kind {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading,
             .thematicBreak, .table, .tableRow, .tableCell, .footnoteDefinition:
            true
        default:
            false
        }
    }

    /// The node's text as a reader sees it: literals of text and code, no markup.
    ///
    /// A soft line break becomes a space, except between two CJK characters, where a line break
    /// is not a space (re-wrapping Chinese text must not change it).
    public var plainText: String {
        var collector = PlainTextCollector()
        collector.collect(children.isEmpty ? [self] : children)
        return collector.output
    }

    /// The plain text of a run of inline nodes.
    public static func plainText(of nodes: some Sequence<MarkdownNode>) -> String {
        var collector = PlainTextCollector()
        collector.collect(Array(nodes))
        return collector.output
    }

    /// The first character of the node's text: its own literal, else its first child's.
    var firstScalar: Unicode.Scalar? {
        var node = self
        while true {
            switch node.kind {
            case .text, .code:
                return node.literal.unicodeScalars.first
            default:
                guard let first = node.children.first else { return nil }
                node = first
            }
        }
    }
}

extension Unicode.Scalar {
    /// Whether the scalar is a CJK ideograph, kana, hangul or CJK punctuation: scripts written
    /// without spaces between words.
    public var isCJK: Bool {
        switch value {
        case 0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x312F, 0x31A0...0x31FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFFEF, 0x20000...0x2FA1F:
            true
        default:
            false
        }
    }
}
