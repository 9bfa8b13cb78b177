import Foundation
import StdKitSyntax

/// What a project uses of one of its upstreams (DESIGN §14.2): each upstream document or item
/// that a local reference names (`implements: ns:PROG-NS-460305`, `→ ns:PROG-NS-460305#S7`),
/// with the local places that name it; and the upstream's specifications and professional-core
/// courses that nothing local names.
///
/// Places are found from the references as written, not from their resolution, so that the
/// same usage answers for any release of the upstream: `stdkit upstream diff` asks which local
/// places name an item that the next release rewords or removes, whatever the checkout holds.
public struct UpstreamUsage: Sendable {
    /// A local place that names something of the upstream: an item's reference after its arrow
    /// or a front-matter field.
    public struct Place: Sendable, Hashable {
        /// The local document's id (its path when it has none).
        public var document: String
        public var path: String
        /// The local item holding the reference, nil for a front-matter field.
        public var item: String?
        /// The front-matter field path (`implements`, `courses[3].id`), nil for an item.
        public var field: String?
        public var location: SourceLocation
        /// Whether the reference resolves against the upstream as the project has it now.
        public var resolved: Bool

        /// `P1#S1` for an item, `P1 implements` for a field.
        public var label: String {
            if let item { return "\(document)#\(item)" }
            return field.map { "\(document) \($0)" } ?? document
        }
    }

    /// An upstream document (`ns:DOC`) or item (`ns:DOC#ITEM`) and the places that name it.
    public struct Use: Sendable, Hashable {
        public var target: String
        public var places: [Place]
    }

    /// The upstream's prefix.
    public let id: String
    /// Every target named, sorted by target; places in the order of the local documents' paths.
    public let uses: [Use]
    /// The upstream's specifications (`ns:PROG#S3`) that no local place names.
    public let unusedSpecifications: [String]
    /// The upstream's professional-core courses (`ns:COURSE-NS-…`) that no local place names:
    /// no local course implements them and no programme lists them.
    public let unusedCoreCourses: [String]

    private let placesByTarget: [String: [Place]]

    /// The usage of upstream `id` by `project` (unused parts are empty when the upstream is
    /// absent).
    public init(project: Project, upstream id: String) {
        self.id = id
        var byTarget: [String: [Place]] = [:]
        for document in project.documents {
            let name = document.id ?? document.path
            func add(_ reference: Reference, item: String?) {
                guard reference.syntax.upstream == id, let target = reference.syntax.document else { return }
                var field: String?
                if case .field(let path) = reference.origin { field = path }
                let key = reference.syntax.item.map { "\(target)#\($0)" } ?? target
                byTarget[key, default: []].append(Place(document: name, path: document.path, item: item, field: field,
                                                        location: reference.syntax.location, resolved: reference.isResolved))
            }
            for reference in document.references { add(reference, item: nil) }
            for item in document.items {
                for reference in item.references { add(reference, item: item.id) }
            }
        }
        placesByTarget = byTarget
        // S2 before S10: targets in the order a reader counts them.
        uses = byTarget.keys.sorted { $0.compare($1, options: [.literal, .numeric]) == .orderedAscending }.map { Use(target: $0, places: byTarget[$0] ?? []) }
        let upstreamProject = project.upstream(id)?.project
        let named = Set(byTarget.keys)
        unusedSpecifications = upstreamProject.map { Self.specifications(of: $0, prefix: id) }?.filter { !named.contains($0) } ?? []
        let namedDocuments = Set(named.map { $0.split(separator: "#", maxSplits: 1)[0] })
        unusedCoreCourses = upstreamProject.map { Self.coreCourses(of: $0, prefix: id) }?.filter { !namedDocuments.contains(Substring($0)) } ?? []
    }

    /// The places naming `target` exactly (`ns:DOC` or `ns:DOC#ITEM`).
    public func places(naming target: String) -> [Place] {
        placesByTarget[target] ?? []
    }

    /// The places naming document `key` (`ns:DOC`) or any item of it.
    public func places(namingDocumentOrItemsOf key: String) -> [Place] {
        uses.filter { $0.target == key || $0.target.hasPrefix(key + "#") }.flatMap(\.places)
    }

    /// The keys (`ns:PROG#S3`) of an upstream project's specifications: the items of its
    /// programmes that its schemas say must be covered, in document and item order.
    public static func specifications(of upstream: Project, prefix: String) -> [String] {
        upstream.documents.filter { $0.kind == "programme" }.flatMap { document -> [String] in
            guard let documentID = document.id, let schema = upstream.schemas.schema(for: document.kind) else { return [] }
            return document.items.filter { schema.itemKind(of: $0.id)?.mustBeCovered == true }.map { "\(prefix):\(documentID)#\($0.id)" }
        }
    }

    /// The keys (`ns:COURSE-NS-…`) of an upstream project's professional-core courses: those its
    /// programmes list as `professional-core`, and course documents of that `category`; sorted.
    public static func coreCourses(of upstream: Project, prefix: String) -> [String] {
        var ids: Set<String> = []
        for document in upstream.documents {
            if document.kind == "programme", let table = CourseTable(document) {
                for entry in table.entries where entry.category == "professional-core" {
                    if let id = entry.id { ids.insert(id) }
                }
            } else if document.kind == "course", document.frontMatter?["category"]?.scalar == "professional-core", let id = document.id {
                ids.insert(id)
            }
        }
        return ids.map { "\(prefix):\($0)" }.sorted { $0.precedesInUTF8($1) }
    }
}
