import StdKitSyntax

/// One Markdown file of a project with what stdkit understands of it.
public struct Document: Sendable {
    /// The path relative to the project root, with `/`.
    public var path: String
    /// The file's text, as read (without a byte-order mark).
    public var text: String
    /// The id from front matter (nil for a page without one, or an unreadable id).
    public var id: String?
    /// `job-profile`, `course`, …, or `page` for a file without a kind.
    public var kind: String
    public var title: String?
    public var version: String?
    public var status: String?
    public var owner: String?
    public var parties: [String]
    public var frontMatter: YAMLNode?
    public var sections: [Section]
    public var items: [Item]
    /// References written in front-matter fields.
    public var references: [Reference]
    /// Links and images of the body.
    public var links: [LinkSyntax]
    public var hasByteOrderMark: Bool
    public var lineEnding: String
    /// Lines exempted from rules by `<!-- stdkit-disable-next-line … -->`.
    public var suppressions: [Int: Set<String>]
    /// What went wrong reading the file (syntax).
    public var diagnostics: [Diagnostic]

    /// Whether this is a plain page (no kind): checked for Markdown hygiene only.
    public var isPage: Bool { kind == "page" }

    /// The item with local id `id`.
    public func item(_ id: String) -> Item? {
        items.first(where: { $0.id == id })
    }

    /// The section an item is written in: the last heading before it that is not itself an
    /// item (a unit's heading `### **U1** …` is an item, not a section).
    public func section(of item: Item) -> Section? {
        sections.last(where: { $0.itemID == nil && $0.location.line < item.location.line })
    }

    /// Where a front-matter field's value was written, else where its key was, else line 1.
    public func location(ofField name: String) -> SourceLocation {
        frontMatter?[name]?.location ?? frontMatter?.location ?? .start
    }

    /// The text of 1-based line `line`, without its line ending.
    public func line(_ line: Int) -> Substring? {
        Self.line(line, of: text)
    }

    /// The text of 1-based line `line` of `text`, without its line ending.
    public static func line(_ line: Int, of text: String) -> Substring? {
        guard line >= 1 else { return nil }
        // On the UTF-8 bytes: the text reporter asks for a line of every finding it shows.
        var current = 1
        let bytes = text.utf8
        var start = bytes.startIndex
        var index = start
        while index < bytes.endIndex {
            if bytes[index] == 0x0A {
                if current == line { return Self.trimmed(text[start..<index]) }
                current += 1
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        return current == line ? Self.trimmed(text[start...]) : nil
    }

    private static func trimmed(_ line: Substring) -> Substring {
        line.utf8.last == 0x0D ? line[..<line.utf8.index(before: line.utf8.endIndex)] : line
    }

    /// Every reference of the document: front matter first, then items in order.
    public var allReferences: [Reference] {
        references + items.flatMap(\.references)
    }
}
