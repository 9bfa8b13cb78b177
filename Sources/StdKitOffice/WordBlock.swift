/// A block of a Word document's body, as WordprocessingML has them: a paragraph or a table.
public enum WordBlock: Sendable, Hashable {
    case paragraph(WordParagraph)
    case table(WordTable)

    /// The block's text: a paragraph's, or a table's cells row by row (cells joined with a
    /// tab, rows with a line break).
    public func text(_ view: WordTextView = .accepted) -> String {
        switch self {
        case .paragraph(let paragraph):
            paragraph.text(view)
        case .table(let table):
            table.rows.map { $0.cells.map { $0.text(view) }.joined(separator: "\t") }.joined(separator: "\n")
        }
    }
}

/// Which text a paragraph with tracked changes has: as if every change were accepted (what the
/// reviewer means), or as if every change were rejected (what the reviewer was given).
public enum WordTextView: Sendable, Hashable {
    case accepted, original
}

/// A tracked change (修订): who made it and when.
public struct WordRevision: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case insertion, deletion
    }

    public var kind: Kind
    public var id: String
    public var author: String
    /// As written (`2026-11-20T10:00:00Z`); Word leaves it out when the user hides dates.
    public var date: String?

    public init(kind: Kind, id: String, author: String, date: String?) {
        self.kind = kind
        self.id = id
        self.author = author
        self.date = date
    }

    /// Whether text under this revision (nil: none) is part of `view`.
    static func shows(_ revision: WordRevision?, in view: WordTextView) -> Bool {
        switch (revision?.kind, view) {
        case (nil, _), (.insertion, .accepted), (.deletion, .original): true
        default: false
        }
    }
}

/// How a run of text is formatted, as far as Markdown can say it.
public struct WordRunFormat: Sendable, Hashable {
    public var bold = false
    public var italic = false
    public var underline = false
    public var strike = false
    /// The character style (`w:rStyle`).
    public var styleID: String?

    public init(bold: Bool = false, italic: Bool = false, underline: Bool = false, strike: Bool = false, styleID: String? = nil) {
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.strike = strike
        self.styleID = styleID
    }
}

/// What a paragraph holds, in order: text and the markers between it.
public enum WordInline: Sendable, Hashable {
    case text(String, WordRunFormat, WordRevision?)
    case tab(WordRevision?)
    case lineBreak(WordRevision?)
    case bookmarkStart(id: String, name: String)
    case bookmarkEnd(id: String)
    case commentStart(id: String)
    case commentEnd(id: String)
    case commentReference(id: String)
    /// An internal link (`anchor`, a bookmark name) or an external one (`relationship`).
    case hyperlinkStart(anchor: String?, relationship: String?)
    case hyperlinkEnd
    /// A field (`TOC`, `PAGE`, `REF`): its instruction is not text; its result, the text between
    /// `fieldSeparate` and `fieldEnd`, is.
    case fieldBegin
    case fieldInstruction(String)
    case fieldSeparate
    case fieldEnd
    /// A picture, by the relationship that names its part.
    case image(relationship: String, description: String?)
    case footnoteReference(id: String)
    case endnoteReference(id: String)
    /// A text box's content: not part of the paragraph's text.
    case textBox([WordBlock])
}

/// A reference to a numbering definition (`w:numPr`).
public struct WordNumberingReference: Sendable, Hashable {
    public var numID: String
    /// 0-based, as in the XML.
    public var level: Int

    public init(numID: String, level: Int) {
        self.numID = numID
        self.level = level
    }
}

/// A paragraph (`w:p`).
public struct WordParagraph: Sendable, Hashable {
    public var styleID: String?
    public var numbering: WordNumberingReference?
    /// `w:outlineLvl` set on the paragraph itself, 0-based as in the XML (9 is body text).
    public var outlineLevel: Int?
    public var inlines: [WordInline]
    /// The paragraph mark inserted or deleted as a tracked change.
    public var markRevision: WordRevision?

    public init(styleID: String? = nil, numbering: WordNumberingReference? = nil, outlineLevel: Int? = nil,
                inlines: [WordInline] = [], markRevision: WordRevision? = nil) {
        self.styleID = styleID
        self.numbering = numbering
        self.outlineLevel = outlineLevel
        self.inlines = inlines
        self.markRevision = markRevision
    }

    /// The paragraph's text in `view`: tabs as `\t`, breaks as `\n`; field instructions and
    /// text boxes are not text.
    public func text(_ view: WordTextView = .accepted) -> String {
        var text = ""
        var fields: [Bool] = []  // for each open field: whether its result has started
        for inline in inlines {
            let inInstruction = fields.last == false
            switch inline {
            case .text(let string, _, let revision) where !inInstruction && WordRevision.shows(revision, in: view):
                text += string
            case .tab(let revision) where !inInstruction && WordRevision.shows(revision, in: view):
                text += "\t"
            case .lineBreak(let revision) where !inInstruction && WordRevision.shows(revision, in: view):
                text += "\n"
            case .fieldBegin:
                fields.append(false)
            case .fieldSeparate:
                if !fields.isEmpty { fields[fields.count - 1] = true }
            case .fieldEnd:
                _ = fields.popLast()
            default:
                break
            }
        }
        return text
    }
}

/// A table (`w:tbl`): rows of cells as written, merges not expanded.
public struct WordTable: Sendable, Hashable {
    public var styleID: String?
    public var rows: [WordTableRow]

    public init(styleID: String? = nil, rows: [WordTableRow] = []) {
        self.styleID = styleID
        self.rows = rows
    }
}

public struct WordTableRow: Sendable, Hashable {
    public var cells: [WordTableCell]
    /// Repeated as a header on each page (`w:tblHeader`).
    public var isHeader: Bool

    public init(cells: [WordTableCell] = [], isHeader: Bool = false) {
        self.cells = cells
        self.isHeader = isHeader
    }
}

public struct WordTableCell: Sendable, Hashable {
    /// How a cell takes part in a vertical merge: it starts one, or continues the one above.
    public enum VerticalMerge: Sendable, Hashable {
        case restart, `continue`
    }

    public var blocks: [WordBlock]
    /// Grid columns the cell spans (`w:gridSpan`), 1 unless merged horizontally.
    public var gridSpan: Int
    public var verticalMerge: VerticalMerge?

    public init(blocks: [WordBlock] = [], gridSpan: Int = 1, verticalMerge: VerticalMerge? = nil) {
        self.blocks = blocks
        self.gridSpan = gridSpan
        self.verticalMerge = verticalMerge
    }

    /// The cell's text: its blocks' texts joined by line breaks.
    public func text(_ view: WordTextView = .accepted) -> String {
        blocks.map { $0.text(view) }.joined(separator: "\n")
    }
}

/// A comment (批注) of `word/comments.xml`.
public struct WordComment: Sendable, Hashable {
    public var id: String
    public var author: String
    public var initials: String?
    public var date: String?
    public var blocks: [WordBlock]
    /// Its paragraphs' text, joined by line breaks.
    public var text: String

    public init(id: String, author: String, initials: String?, date: String?, blocks: [WordBlock]) {
        self.id = id
        self.author = author
        self.initials = initials
        self.date = date
        self.blocks = blocks
        self.text = blocks.map { $0.text() }.joined(separator: "\n")
    }
}
