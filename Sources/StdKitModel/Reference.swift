import StdKitSyntax

/// A link from an item or a document to another document or item, with where it was written
/// and what it resolved to.
public struct Reference: Sendable, Hashable {
    /// Where the reference was written.
    public enum Origin: Sendable, Hashable {
        /// After the arrow of an item (its local id).
        case item(String)
        /// In a front-matter field, by path: `prerequisites[0]`, `courses[2].id`.
        case field(String)
    }

    /// What the reference points at, once the project is loaded.
    public enum Resolution: Sendable, Hashable {
        case document(String)
        case item(document: String, item: String)
        /// No document has the id.
        case unresolvedDocument(String)
        /// The document exists but has no such item.
        case unresolvedItem(document: String, item: String)
        /// Not yet resolved (a document on its own).
        case pending
    }

    public var syntax: ReferenceSyntax
    public var origin: Origin
    public var resolution: Resolution = .pending
    /// The kinds of document the reference may point at, from the schema (`course`, or
    /// `job-profile#R` for items of a prefix); empty for any.
    public var allowedTargets: [String] = []

    public init(syntax: ReferenceSyntax, origin: Origin) {
        self.syntax = syntax
        self.origin = origin
    }

    /// The target document id, with `#ITEM` read against `sourceDocument`.
    public func targetDocument(from sourceDocument: String?) -> String? {
        syntax.document ?? sourceDocument
    }

    public var isResolved: Bool {
        switch resolution {
        case .document, .item: true
        default: false
        }
    }
}
