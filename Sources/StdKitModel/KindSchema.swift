import StdKitSyntax

/// What a document kind requires: its fields, its item prefixes and its sections.
///
/// Schemas are data files (`Resources/schemas/KIND.yml`) shipped with stdkit; a project can
/// override one or add a kind of its own in its `schemas/` folder.
public struct KindSchema: Sendable, Hashable {
    /// An item family of the kind, by id prefix: `R` requirements, `LO` learning outcomes.
    public struct ItemKind: Sendable, Hashable {
        /// The letters an id starts with.
        public var prefix: String
        public var name: String
        /// Kinds (`job-profile`) or kind-and-prefix pairs (`job-profile#R`) the items may
        /// reference; empty when the items carry no references.
        public var references: [String]
        /// Whether the references of these items are coverage links (outcome → requirement).
        public var coverage: Bool
        /// Whether each item of this family must be covered by at least one coverage item
        /// (a requirement by an outcome, a specification by a course outcome).
        public var mustBeCovered: Bool

        public init(prefix: String, name: String, references: [String] = [], coverage: Bool = false, mustBeCovered: Bool = false) {
            self.prefix = prefix
            self.name = name
            self.references = references
            self.coverage = coverage
            self.mustBeCovered = mustBeCovered
        }
    }

    /// A section the kind expects, recognised by any of its names (Chinese or English).
    public struct SectionSpec: Sendable, Hashable {
        public var names: [String]
        public var required: Bool

        public init(names: [String], required: Bool = true) {
            self.names = names
            self.required = required
        }
    }

    /// The kind's name, e.g. `course`.
    public var kind: String
    /// A human title, e.g. `课程标准 / Course standard`.
    public var title: String
    /// The fields, common ones first.
    public var fields: [NamedField]
    public var items: [ItemKind]
    public var sections: [SectionSpec]
    /// Whether unknown fields are reported.
    public var closed: Bool

    public init(kind: String, title: String, fields: [NamedField], items: [ItemKind] = [], sections: [SectionSpec] = [], closed: Bool = true) {
        self.kind = kind
        self.title = title
        self.fields = fields
        self.items = items
        self.sections = sections
        self.closed = closed
    }

    /// The schema of the top-level field `name`.
    public func field(_ name: String) -> FieldSchema? {
        fields.first(where: { $0.name == name })?.schema
    }

    /// The item family an id belongs to: the longest prefix of letters that the kind declares.
    public func itemKind(of itemID: String) -> ItemKind? {
        // Asked for every item by loading and by a dozen rules: compared on the bytes, with no
        // string or array made. The first of the longest prefixes wins, as `max(by:)` chose.
        let letters = itemID.utf8.prefix(while: { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) })
        var best: ItemKind?
        var bestLength = -1
        for kind in items {
            let prefix = kind.prefix.utf8
            let matches: Bool
            if prefix.allSatisfy({ $0 < 0x80 }) {
                matches = prefix.count <= letters.count && letters.starts(with: prefix)
            } else {
                // A prefix beyond ASCII can still be canonically equivalent to letters (the
                // Kelvin sign and K): Swift's comparison decides, as it did.
                matches = String(decoding: letters, as: UTF8.self).hasPrefix(kind.prefix)
            }
            // Prefixes that match are letters (or their equivalents): counted as characters.
            guard matches else { continue }
            let length = prefix.allSatisfy({ $0 < 0x80 }) ? prefix.count : kind.prefix.count
            if length > bestLength { (best, bestLength) = (kind, length) }
        }
        return best
    }

    /// The plain page: a Markdown file without a kind; no fields are required.
    public static let page = KindSchema(kind: "page", title: "Page", fields: [], closed: false)
}
