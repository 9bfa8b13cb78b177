import StdKitSyntax

/// The JSON form of a project's model (`stdkit model --json`, schema version "1"), documented
/// in `docs/model.md`. Its own types, so the internal model can change without breaking it.
public struct ModelJSON: Encodable, Sendable {
    public struct ProjectEntry: Encodable, Sendable {
        var name: String
        var lang: String
        var profile: String?
        var parties: [PartyEntry]
    }

    public struct PartyEntry: Encodable, Sendable {
        var id: String
        var name: String
        var kind: String
        /// A joint body's or group's members; left out for the other parties.
        var members: [String]?
        /// 行政区划代码; left out when not given.
        var region: String?
    }

    public struct DocumentEntry: Encodable, Sendable {
        var id: String?
        var kind: String
        var path: String
        var title: String?
        var version: String?
        var status: String?
        var owner: String?
        var parties: [String]
        /// Every front-matter field, typed by the kind's schema (absent for a page without
        /// front matter).
        var fields: FieldValue?
        var items: [ItemEntry]
        /// Front-matter references.
        var references: [ReferenceEntry]
        /// References from elsewhere to the whole document.
        var referencedBy: [SourceEntry]
    }

    public struct ItemEntry: Encodable, Sendable {
        var id: String
        var fullId: String
        var line: Int
        var column: Int
        var text: String
        var attributes: [String: String]
        var parent: String?
        var references: [ReferenceEntry]
        /// What covers or uses this item.
        var referencedBy: [SourceEntry]
    }

    public struct ReferenceEntry: Encodable, Sendable {
        /// As written.
        var target: String
        var line: Int
        var column: Int
        var resolved: Bool
        /// The resolved target document id, when resolved.
        var document: String?
        /// The resolved target item id, when resolved to an item.
        var item: String?
        var pin: Int?
        /// The front-matter field path, for a front-matter reference.
        var field: String?
    }

    public struct SourceEntry: Encodable, Sendable {
        var document: String
        var item: String?
        var field: String?
        var path: String
        var line: Int
        var column: Int
    }

    var version = "1"
    var project: ProjectEntry
    var documents: [DocumentEntry]

    public init(_ project: Project) {
        self.project = ProjectEntry(
            name: project.config.name, lang: project.config.lang, profile: project.config.profile,
            parties: project.config.parties.map {
                PartyEntry(id: $0.id, name: $0.name, kind: $0.kind.rawValue, members: $0.members.isEmpty ? nil : $0.members, region: $0.region)
            })
        let index = project.index
        func sources(_ list: [ReferenceIndex.Source]) -> [SourceEntry] {
            list.map { SourceEntry(document: $0.document, item: $0.item, field: $0.field, path: $0.path,
                                   line: $0.location.line, column: $0.location.column) }
        }
        func reference(_ reference: Reference) -> ReferenceEntry {
            var entry = ReferenceEntry(target: reference.syntax.text, line: reference.syntax.location.line,
                                       column: reference.syntax.location.column, resolved: reference.isResolved,
                                       pin: reference.syntax.pin)
            switch reference.resolution {
            case .document(let document): entry.document = document
            case .item(let document, let item): entry.document = document; entry.item = item
            default: break
            }
            if case .field(let path) = reference.origin { entry.field = path }
            return entry
        }
        documents = project.documents.map { document in
            let id = document.id
            return DocumentEntry(
                id: id, kind: document.kind, path: document.path, title: document.title, version: document.version,
                status: document.status, owner: document.owner, parties: document.parties,
                fields: document.frontMatter.map { front in
                    let schema = project.schemas.schema(for: document.kind)
                    return FieldValue(front, schema: FieldSchema(type: .mapping(schema?.fields ?? [])))
                },
                items: document.items.map { item in
                    ItemEntry(id: item.id, fullId: item.fullID, line: item.location.line, column: item.location.column,
                              text: item.text,
                              attributes: Dictionary(item.attributes.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }),
                              parent: item.parentID, references: item.references.map(reference),
                              referencedBy: id.map { sources(index.sources(referencingItem: item.id, of: $0)) } ?? [])
                },
                references: document.references.map(reference),
                referencedBy: id.map { sources(index.sources(referencingDocument: $0)) } ?? [])
        }
    }
}
