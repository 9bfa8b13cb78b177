import Foundation
import StdKitSyntax

/// A loaded standards project: its settings, schemas, documents with resolved references, and
/// the reverse index of what covers or uses each document and item.
public struct Project: Sendable {
    /// The project folder (nil for a project read from elsewhere than a folder).
    public var root: URL?
    public var config: ProjectConfig
    public var schemas: SchemaLibrary
    /// Documents sorted by path.
    public var documents: [Document]
    /// Problems that belong to no single document (settings, schema files, unreadable files).
    public var diagnostics: [Diagnostic]
    public private(set) var index: ReferenceIndex

    public init(root: URL?, config: ProjectConfig, schemas: SchemaLibrary, documents: [Document], diagnostics: [Diagnostic]) {
        self.root = root
        self.config = config
        self.schemas = schemas
        self.diagnostics = diagnostics
        var documents = documents.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        self.index = ReferenceIndex.resolve(&documents)
        self.documents = documents
    }

    /// The document with id `id` (the first by path if several share it).
    public func document(_ id: String) -> Document? {
        index.documentPositions[id].map { documents[$0] }
    }

    /// The party with id `id`.
    public func party(_ id: String) -> Party? {
        config.parties.first(where: { $0.id == id })
    }
}
