import StdKitSyntax

/// What `stdkit import docx` reads of a Word file, reduced to what the import's guesses look at:
/// paragraphs (accepted text, the number Word draws, heading level by style, boldness) and
/// tables (cells with their merges), in body order, plus what the reading already dropped or
/// moved and says so.
///
/// A neutral value, so that the guesses (`WordImport`) are tested on values built in the test,
/// and one reader of WordprocessingML (`WordDocument`) feeds them (`WordImportSource(document:)`).
public struct WordImportSource: Sendable {
    public enum Block: Sendable, Hashable {
        case paragraph(Paragraph)
        case table(Table)
    }

    public struct Paragraph: Sendable, Hashable {
        /// The text with all tracked changes accepted, without the number Word draws.
        public var text: String
        /// The label Word's automatic numbering (`w:numPr`) draws before the text, computed from
        /// numbering.xml (`一、`, `（一）`, `1.`); nil when the number, if any, is typed.
        public var autoNumber: String?
        /// The heading level its style gives (1-based), nil for body text (正文).
        public var headingLevel: Int?
        /// Whether every run of text is bold: a typed heading in 正文 usually is.
        public var bold: Bool
        /// Images in the paragraph: the package part (`word/media/image1.png`) and the
        /// description Word keeps as alternative text.
        public var images: [Image]
        /// Its 1-based place among the Word body's paragraphs, as the report names it (a text
        /// box's paragraphs have the number of the paragraph holding it); nil: its place in
        /// `blocks`.
        public var number: Int?

        public init(_ text: String, autoNumber: String? = nil, headingLevel: Int? = nil, bold: Bool = false, images: [Image] = [], number: Int? = nil) {
            self.text = text
            self.number = number
            self.autoNumber = autoNumber
            self.headingLevel = headingLevel
            self.bold = bold
            self.images = images
        }
    }

    public struct Image: Sendable, Hashable {
        /// The part in the package, nil when the image is linked from outside or missing.
        public var part: String?
        public var description: String?

        public init(part: String?, description: String? = nil) {
            self.part = part
            self.description = description
        }
    }

    public struct Table: Sendable, Hashable {
        public var rows: [[Cell]]

        public init(rows: [[Cell]]) {
            self.rows = rows
        }
    }

    public struct Cell: Sendable, Hashable {
        public enum Merge: Sendable, Hashable {
            /// The first cell of a vertical merge (`w:vMerge w:val="restart"`).
            case restart
            /// A cell covered by the one above (`w:vMerge` without a value).
            case `continue`
        }

        /// The text of each paragraph of the cell.
        public var paragraphs: [String]
        /// How many grid columns it covers (`w:gridSpan`).
        public var span: Int
        public var merge: Merge?

        public init(_ paragraphs: [String], span: Int = 1, merge: Merge? = nil) {
            self.paragraphs = paragraphs
            self.span = span
            self.merge = merge
        }
    }

    public var blocks: [Block]
    /// The title the file's properties state (docProps/core.xml), if any.
    public var propertiesTitle: String?
    /// Footnote and endnote texts, in the order their markers (`[注1]`…) appear in the text.
    public var notes: [String]
    /// What the reading dropped or changed: comments, tracked changes accepted, the table of
    /// contents, fields, page breaks, headers and footers, text boxes.
    public var notices: [Message]

    /// The marker a footnote or endnote leaves in the text: `[注1]`, numbered in the order the
    /// markers appear, and repeated before its text in the list at the document's end.
    public static func noteMarker(_ number: Int) -> String { "[注\(number)]" }

    public init(blocks: [Block], propertiesTitle: String? = nil, notes: [String] = [], notices: [Message] = []) {
        self.blocks = blocks
        self.propertiesTitle = propertiesTitle
        self.notes = notes
        self.notices = notices
    }
}
