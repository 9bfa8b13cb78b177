import Foundation
import StdKitModel
import StdKitSyntax

/// A project as 1EdTech CASE 1.1 packages: one per document (job profile, programme, course,
/// certificate, material), its items as CFItems, and as CFAssociations: `isChildOf` for the
/// structure (an item under its parent item, or under the document), `isRelatedTo` for the
/// references of items — an outcome covering a requirement is marked `covers` in the
/// association's `extensions` — `precedes` from a prerequisite to its course, `replacedBy` from
/// a replaced document to the one replacing it, `isRelatedTo` for other document fields
/// (`occupations`, `supports`, the programme's `courses`). docs/interop.md gives the mapping.
///
/// Of the kinds of cooperation (DESIGN §13.3), an employee training's modules and an
/// apprenticeship's rotation posts are CFItems of their own CFItemType; a module's reference to
/// a requirement is `covers`, to a course unit `reuses`. CASE describes competences, not people
/// or rooms: an apprenticeship's mentors (`M` items, named people) and facilities are not
/// exported (`excludedKinds`, `excludedItemFamilies`).
///
/// Identifiers are version-5 UUIDs of the project's name and stdkit ids, so the same project
/// always gives the same identifiers, and a link to another document's item has its identifier
/// without reading that package.
public struct CASEExport: Sendable {
    /// stdkit's UUID namespace: uuid5(NAMESPACE_URL, "https://stdkit.dev/case").
    public static let namespace = "99cfc571-0f9d-5f09-b568-22c8343819dc"

    /// Kinds CASE has no type for: a facility is a place, not a framework of competences.
    public static let excludedKinds: Set = ["facility"]
    /// Item families (`kind#PREFIX`) left out of a package: an apprenticeship's mentors are
    /// people, named.
    public static let excludedItemFamilies: Set = ["apprenticeship#M"]

    public let project: Project
    /// When each document (by path) last changed, as an ISO 8601 date and time.
    public let lastChange: [String: String]
    /// Used for a document `lastChange` does not name.
    public let defaultChange: String

    public init(project: Project, lastChange: [String: String], defaultChange: String) {
        self.project = project
        self.lastChange = lastChange
        self.defaultChange = defaultChange
    }

    /// One package per document with an id and a kind, by document id.
    public func packages() -> [(id: String, package: CASE.Package)] {
        project.documents.compactMap { document in
            guard !document.isPage, !Self.excludedKinds.contains(document.kind), let id = document.id else { return nil }
            return (id, package(for: document, id: id))
        }
    }

    // MARK: Identifiers

    /// The UUID of a document (`COURSE-PLC`) or an item (`COURSE-PLC#LO1`) of this project.
    public func uuid(_ fullID: String) -> String {
        NameUUID.make(namespace: Self.namespace, name: project.config.name + "/" + fullID)
    }

    static func uri(_ uuid: String) -> String { "urn:uuid:" + uuid }

    func link(_ fullID: String, title: String) -> CASE.Link {
        let uuid = uuid(fullID)
        return CASE.Link(title: title, identifier: uuid, uri: Self.uri(uuid))
    }

    /// A link to a document or item of the project by id, titled by its statement or title.
    func link(document: String, item: String?) -> CASE.Link {
        let target = project.document(document)
        guard let item else { return link(document, title: target?.title ?? document) }
        let text = target?.item(item)?.text
        return link(document + "#" + item, title: text.map { "\(item) \($0)" } ?? "\(document)#\(item)")
    }

    // MARK: Packages

    func package(for document: Document, id: String) -> CASE.Package {
        let date = lastChange[document.path] ?? defaultChange
        let language = document.frontMatter?["lang"]?.scalar ?? project.config.lang
        let documentLink = link(id, title: document.title ?? id)
        let owner = document.owner.flatMap(project.party)
        let schema = project.schemas.schema(for: document.kind)
        let cfDocument = CASE.Document(
            identifier: documentLink.identifier, sourcedId: documentLink.identifier, uri: documentLink.uri,
            title: document.title ?? id, creator: owner?.name ?? project.config.name, publisher: project.config.name,
            description: schema?.title, language: language, frameworkType: document.kind, version: document.version,
            adoptionStatus: Self.adoptionStatus(document.status), lastChangeDateTime: date, officialSourceURL: nil,
            caseVersion: "1.1", CFPackageURI: documentLink,
            extensions: CASE.Extensions(stdkit: .init(id: id, kind: document.kind, path: document.path)))

        var items: [CASE.Item] = []
        var associations: [CASE.Association] = []
        var types: [String: CASE.ItemType] = [:]
        var siblings: [String: Int] = [:]
        for item in document.items {
            if let prefix = schema?.itemKind(of: item.id)?.prefix, Self.excludedItemFamilies.contains("\(document.kind)#\(prefix)") { continue }
            let itemLink = link(id + "#" + item.id, title: "\(item.id) \(item.text)")
            let family = schema?.itemKind(of: item.id)
            var typeLink: CASE.Link?
            if let family {
                let typeID = "type/\(document.kind)#\(family.prefix)"
                let typeUUID = uuid(typeID)
                let title = family.name.prefix(1).uppercased() + family.name.dropFirst()
                types[typeID] = CASE.ItemType(identifier: typeUUID, uri: Self.uri(typeUUID), title: title,
                                              description: "\(schema?.title ?? document.kind): \(family.prefix)",
                                              hierarchyCode: family.prefix, typeCode: family.prefix, lastChangeDateTime: date)
                typeLink = CASE.Link(title: title, identifier: typeUUID, uri: Self.uri(typeUUID))
            }
            let parent = item.parentID.map { id + "#" + $0 } ?? id
            siblings[parent, default: 0] += 1
            let attributes = Dictionary(item.attributes.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            items.append(CASE.Item(
                identifier: itemLink.identifier, sourcedId: itemLink.identifier, uri: itemLink.uri, fullStatement: item.text,
                humanCodingScheme: item.id, listEnumeration: String(siblings[parent]!), abbreviatedStatement: nil, notes: nil,
                CFItemType: typeLink?.title, CFItemTypeURI: typeLink, language: language, lastChangeDateTime: date,
                CFDocumentURI: documentLink,
                extensions: CASE.Extensions(stdkit: .init(section: document.section(of: item)?.title, attributes: attributes.isEmpty ? nil : attributes))))
            let parentLink = item.parentID.map { link(document: id, item: $0) } ?? documentLink
            associations.append(association("isChildOf", from: itemLink, to: parentLink, in: documentLink, date: date, sequence: siblings[parent]))
            let covers = family?.coverage ?? false
            for reference in item.references {
                guard let target = target(of: reference) else { continue }
                associations.append(association("isRelatedTo", from: itemLink, to: target, in: documentLink, date: date,
                                                relation: covers ? (Self.isReuse(reference, in: project) ? "reuses" : "covers") : "references"))
            }
        }
        for reference in document.references {
            guard let target = target(of: reference), case .field(let path) = reference.origin else { continue }
            let field = String(path.prefix(while: { $0 != "[" && $0 != "." }))
            switch field {
            case "prerequisites":
                associations.append(association("precedes", from: target, to: documentLink, in: documentLink, date: date))
            case "replaces":
                associations.append(association("replacedBy", from: target, to: documentLink, in: documentLink, date: date))
            default:
                associations.append(association("isRelatedTo", from: documentLink, to: target, in: documentLink, date: date, relation: field))
            }
        }
        let definitions = types.isEmpty ? nil : CASE.Definitions(CFItemTypes: types.keys.sorted().compactMap { types[$0] })
        return CASE.Package(CFDocument: cfDocument, CFItems: items, CFAssociations: associations, CFDefinitions: definitions)
    }

    /// The node a resolved reference points at; nil for an unresolved one (the check reports
    /// those). A replaced document need not be in the project: its identifier comes from its id.
    func target(of reference: Reference) -> CASE.Link? {
        switch reference.resolution {
        case .document(let document): return link(document: document, item: nil)
        case .item(let document, let item): return link(document: document, item: item)
        case .unresolvedDocument(let document) where reference.origin == .field("replaces"): return link(document, title: document)
        default: return nil
        }
    }

    func association(_ type: String, from origin: CASE.Link, to destination: CASE.Link, in document: CASE.Link,
                     date: String, sequence: Int? = nil, relation: String? = nil) -> CASE.Association {
        let uuid = NameUUID.make(namespace: Self.namespace, name: "\(project.config.name)/\(origin.identifier) \(type) \(destination.identifier)")
        return CASE.Association(identifier: uuid, sourcedId: uuid, uri: Self.uri(uuid), associationType: type,
                                originNodeURI: origin, destinationNodeURI: destination, CFDocumentURI: document,
                                sequenceNumber: sequence.map(CASE.Number.init), lastChangeDateTime: date,
                                extensions: relation.map { CASE.Extensions(stdkit: .init(relation: $0)) })
    }

    /// Whether a coverage item's reference points at a course's unit — a training module reusing
    /// the school's teaching — rather than at what it covers. The shipped schemas let only
    /// training modules refer a coverage item to a course, so older kinds' output is unchanged.
    static func isReuse(_ reference: Reference, in project: Project) -> Bool {
        guard case .item(let document, _) = reference.resolution else { return false }
        return project.document(document)?.kind == "course"
    }

    /// CASE's adoption status for a document status.
    static func adoptionStatus(_ status: String?) -> String {
        switch status {
        case "approved", "published": "Adopted"
        case "withdrawn": "Deprecated"
        case "review": "Private Draft"
        default: "Draft"
        }
    }
}
