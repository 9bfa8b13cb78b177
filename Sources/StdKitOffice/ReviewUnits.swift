import StdKitModel
import StdKitSyntax

/// One piece of a document's body that a Word export brackets and a review import puts back:
/// the source lines it was made from.
public struct ReviewUnit: Sendable, Hashable {
    /// Its position among the document's units, from 0.
    public var index: Int
    /// The 1-based lines of the document's file it was made from.
    public var lines: ClosedRange<Int>
    /// The id of the item it is, when it is one (a numbered outcome, a requirement).
    public var item: String?
    /// The title of the section it is in, nil before the first heading.
    public var heading: String?

    public init(index: Int, lines: ClosedRange<Int>, item: String?, heading: String?) {
        self.index = index
        self.lines = lines
        self.item = item
        self.heading = heading
    }
}

/// The contract between `stdkit export --format docx` and `stdkit import docx --review`: how a
/// document's body is cut into units that each become a bracketed stretch of Word paragraphs.
///
/// A unit is a top-level block of the body — a heading, a paragraph, a table, a code block, a
/// quote — except that a list gives one unit per top-level item, so that a reviewer's edit to
/// one outcome replaces that outcome's lines and no other. The exporter puts the paragraphs of
/// each unit between a hidden bookmark (`bookmarkName`), the review import reads the text
/// between them with every change accepted and with every change rejected, and only a unit
/// whose text changed is written back. Both sides compute the units from the same source (the
/// exported revision), so nothing but the bookmark names travels in the file.
public enum ReviewUnits {
    /// The units of `document`, in order.
    public static func units(of document: Document) -> [ReviewUnit] {
        let body = document.body ?? DocumentParser.parse(bytes: Array(document.text.utf8), path: document.path).body
        let itemsByLine = Dictionary(document.items.map { ($0.lines.lowerBound, $0.id) }, uniquingKeysWith: { first, _ in first })
        var units: [ReviewUnit] = []
        var heading: String?
        func add(_ node: MarkdownNode) {
            guard let range = node.range else { return }
            let lines = range.lowerBound.line...endLine(of: range)
            units.append(ReviewUnit(index: units.count, lines: lines, item: itemsByLine[lines.lowerBound], heading: heading))
        }
        for block in body.children {
            switch block.kind {
            case .heading:
                heading = block.plainText
                add(block)
            case .list:
                for item in block.children { add(item) }
            default:
                add(block)
            }
        }
        return units
    }

    /// The hidden bookmark (Word hides names that start with `_`) around unit `unit` of the
    /// `document`-th document of an export.
    public static func bookmarkName(document: Int, unit: Int) -> String {
        "_sk\(document)_\(unit)"
    }

    /// The document and unit a bookmark name of ours stands for; nil for any other bookmark.
    public static func unit(ofBookmark name: String) -> (document: Int, unit: Int)? {
        guard name.hasPrefix("_sk") else { return nil }
        let numbers = name.dropFirst(3).split(separator: "_", omittingEmptySubsequences: false)
        guard numbers.count == 2, let document = Int(numbers[0]), let unit = Int(numbers[1]) else { return nil }
        return (document, unit)
    }

    /// The last line with content: cmark ends a block at column 1 of the next line when it
    /// closes at a line break.
    static func endLine(of range: SourceRange) -> Int {
        range.upperBound.column <= 1 && range.upperBound.line > range.lowerBound.line
            ? range.upperBound.line - 1 : range.upperBound.line
    }
}
