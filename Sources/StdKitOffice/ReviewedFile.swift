/// What a reviewed Word file says, read once and kept as plain values: the export's custom
/// properties, the text of each unit as exported and as reviewed, who changed what, the
/// comments and where they stand, and the changes made outside any unit.
///
/// The review import works on this, not on the Word document, so that the merge and the report
/// can be tested from values.
public struct ReviewedFile: Sendable {
    /// A unit of a document of the export: the document's 0-based position in
    /// `stdkit.documents` and the unit's index (`ReviewUnits`).
    public struct UnitKey: Sendable, Hashable, Comparable {
        public var document: Int
        public var unit: Int

        public init(document: Int, unit: Int) {
            self.document = document
            self.unit = unit
        }

        public static func < (lhs: UnitKey, rhs: UnitKey) -> Bool {
            (lhs.document, lhs.unit) < (rhs.document, rhs.unit)
        }
    }

    /// One tracked change (修订): who, when, what.
    public struct Revision: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable { case insertion, deletion }
        public var kind: Kind
        public var author: String
        public var date: String?
        /// The text inserted or deleted (a paragraph mark alone: empty).
        public var text: String

        public init(kind: Kind, author: String, date: String?, text: String) {
            self.kind = kind
            self.author = author
            self.date = date
            self.text = text
        }
    }

    /// A Word paragraph (or table cell paragraph) of a unit.
    public struct Paragraph: Sendable, Hashable {
        /// The text with every change rejected: as exported.
        public var original: String
        /// The text with every change accepted: as reviewed.
        public var accepted: String
        /// The accepted text with bold and italic runs written as Markdown, for a unit that must
        /// be written anew.
        public var markdown: String
        /// Whether it stands after the unit's end bookmark (a paragraph the reviewer added after
        /// the unit, attached to it).
        public var attached: Bool

        public init(original: String, accepted: String, markdown: String, attached: Bool = false) {
            self.original = original
            self.accepted = accepted
            self.markdown = markdown
            self.attached = attached
        }
    }

    /// A unit as the file holds it.
    public struct Unit: Sendable {
        public var paragraphs: [Paragraph] = []
        public var revisions: [Revision] = []
        /// Whether a table stood among its paragraphs.
        public var hasTable = false

        public init(paragraphs: [Paragraph] = [], revisions: [Revision] = [], hasTable: Bool = false) {
            self.paragraphs = paragraphs
            self.revisions = revisions
            self.hasTable = hasTable
        }

        /// The text as exported: the paragraphs that had text, one per line.
        public var original: String { paragraphs.map(\.original).filter { !$0.isEmpty }.joined(separator: "\n") }
        /// The text as reviewed.
        public var accepted: String { paragraphs.map(\.accepted).filter { !$0.isEmpty }.joined(separator: "\n") }
        /// Whether the reviewer changed its text.
        public var isEdited: Bool { original != accepted }
    }

    /// A comment (批注) and the unit whose text it marks.
    public struct Comment: Sendable, Hashable {
        public var author: String
        public var initials: String?
        public var date: String?
        public var text: String
        /// The unit holding the comment's start (or, without one, its reference); nil when it
        /// marks text outside every unit (the title, the metadata table).
        public var unit: UnitKey?

        public init(author: String, initials: String?, date: String?, text: String, unit: UnitKey?) {
            self.author = author
            self.initials = initials
            self.date = date
            self.text = text
            self.unit = unit
        }
    }

    /// Text changed outside every unit (the title page, the metadata table, a heading stdkit
    /// generated): reported, never carried over.
    public struct OutsideChange: Sendable, Hashable {
        /// The document whose units it stands after or among, when known.
        public var document: Int?
        public var original: String
        public var accepted: String
        public var revisions: [Revision]

        public init(document: Int?, original: String, accepted: String, revisions: [Revision]) {
            self.document = document
            self.original = original
            self.accepted = accepted
            self.revisions = revisions
        }
    }

    /// The custom properties (`docProps/custom.xml`).
    public var properties: [String: String]
    public var units: [UnitKey: Unit]
    /// In the file's order.
    public var comments: [Comment]
    public var outside: [OutsideChange]

    public init(properties: [String: String], units: [UnitKey: Unit] = [:], comments: [Comment] = [], outside: [OutsideChange] = []) {
        self.properties = properties
        self.units = units
        self.comments = comments
        self.outside = outside
    }

    /// The documents of the export (`stdkit.documents`), in export order.
    public var documents: [String] {
        (properties["stdkit.documents"] ?? "").split(separator: " ").map(String.init)
    }

    /// The git commit the export was made at, nil outside git.
    public var commit: String? {
        properties["stdkit.commit"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The git blob of document `id`'s file as exported.
    public func blob(of id: String) -> String? {
        properties["stdkit.blob.\(id)"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The project-relative path of document `id`'s file as exported.
    public func path(of id: String) -> String? {
        properties["stdkit.path.\(id)"].flatMap { $0.isEmpty ? nil : $0 }
    }
}
