import StdKitSyntax

/// Resolves every reference of a project and keeps the reverse direction: which items and
/// documents cover or use a given document or item.
public struct ReferenceIndex: Sendable {
    /// The place a reference was written.
    public struct Source: Sendable, Hashable {
        /// The id of the document holding the reference (its path when it has no id).
        public var document: String
        public var path: String
        /// The local id of the item holding it, nil for a front-matter reference.
        public var item: String?
        /// The front-matter field path, for a front-matter reference.
        public var field: String?
        public var location: SourceLocation
    }

    /// Position in `Project.documents` of the first document (by path) with each id.
    public private(set) var documentPositions: [String: Int] = [:]
    /// Sources by target key: `DOC` for a whole document, `DOC#ITEM` for an item.
    public private(set) var sourcesByTarget: [String: [Source]] = [:]

    /// The references that point at document `id` as a whole.
    public func sources(referencingDocument id: String) -> [Source] {
        sourcesByTarget[id] ?? []
    }

    /// The references that point at item `item` of document `document`: what covers or uses it.
    public func sources(referencingItem item: String, of document: String) -> [Source] {
        sourcesByTarget["\(document)#\(item)"] ?? []
    }

    /// Resolves the references of `documents` (sorted by path) in place and returns the index.
    /// References into an upstream resolve against `upstreamDocuments` (by key `ns:DOC`); what
    /// references them is indexed like what references a local document.
    static func resolve(_ documents: inout [Document], upstreamDocuments: [String: Document] = [:]) -> ReferenceIndex {
        var index = ReferenceIndex()
        var itemSets: [String: Set<String>] = [:]
        for (key, document) in upstreamDocuments { itemSets[key] = Set(document.items.map(\.id)) }
        for (position, document) in documents.enumerated() {
            guard let id = document.id, index.documentPositions[id] == nil else { continue }
            index.documentPositions[id] = position
            itemSets[id] = Set(document.items.map(\.id))
        }
        for position in documents.indices {
            let sourceID = documents[position].id
            let path = documents[position].path
            func resolve(_ reference: inout Reference, item: String?) {
                guard let target = reference.targetDocument(from: sourceID) else {
                    reference.resolution = .unresolvedDocument("")
                    return
                }
                guard let items = itemSets[target] else {
                    reference.resolution = .unresolvedDocument(target)
                    return
                }
                var field: String?
                if case .field(let fieldPath) = reference.origin { field = fieldPath }
                let source = Source(document: sourceID ?? path, path: path, item: item, field: field, location: reference.syntax.location)
                if let targetItem = reference.syntax.item {
                    guard items.contains(targetItem) else {
                        reference.resolution = .unresolvedItem(document: target, item: targetItem)
                        return
                    }
                    reference.resolution = .item(document: target, item: targetItem)
                    index.sourcesByTarget["\(target)#\(targetItem)", default: []].append(source)
                } else {
                    reference.resolution = .document(target)
                    index.sourcesByTarget[target, default: []].append(source)
                }
            }
            for r in documents[position].references.indices {
                resolve(&documents[position].references[r], item: nil)
            }
            for i in documents[position].items.indices {
                let itemID = documents[position].items[i].id
                for r in documents[position].items[i].references.indices {
                    resolve(&documents[position].items[i].references[r], item: itemID)
                }
            }
        }
        return index
    }
}
