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
    public internal(set) var documentPositions: [String: Int] = [:]
    /// Sources by target key: `DOC` for a whole document, `DOC#ITEM` for an item; each list in
    /// the order of the documents (by path), then of the references in each document.
    public internal(set) var sourcesByTarget: [String: [Source]] = [:]
    /// The paths of the documents with a reference to each document id, resolved or not: when a
    /// document's items change, these are the documents whose references may resolve otherwise
    /// (`Project.replacing`).
    var referrers: [String: Set<String>] = [:]

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
    ///
    /// Each document's item ids, and what each reference resolves to, are worked out on every
    /// core, in pieces of documents, and the resolutions written into the documents there;
    /// filing the rest, in the order of the documents, is two fillings run side by side (it was
    /// all one thread's: a tenth of a second after the loading of 10,000 documents, with the
    /// other core idle).
    static func resolve(_ documents: inout [Document], upstreamDocuments: [String: Document] = [:]) -> ReferenceIndex {
        var index = ReferenceIndex()
        var itemSets: [String: Set<String>] = [:]
        for (key, document) in upstreamDocuments { itemSets[key] = Set(document.items.map(\.id)) }
        let ownSets = inPieces(documents) { document in document.id.map { _ in Set(document.items.map(\.id)) } }
        for (position, document) in documents.enumerated() {
            guard let id = document.id, index.documentPositions[id] == nil else { continue }
            index.documentPositions[id] = position
            itemSets[id] = ownSets[position]
        }
        let known = itemSets
        // What each reference resolves to, written into its document where it is worked out.
        let paths = documents.map(\.path)
        let resolved = Parallel.updateInPieces(&documents) { document in
            var records: [(key: String, source: Source)] = []
            let resolutions = resolutions(of: document, items: { known[$0] }) { key, source in records.append((key, source)) }
            let targets = targets(of: document)
            apply(resolutions, to: &document)
            return (records: records, targets: targets)
        }
        // Two fillings, each in the order of the documents and each one thread's, at once: the
        // sources by target and the referrers.
        let parts = Parallel.map([0, 1]) { part -> Filed in
            if part == 0 {
                var sourcesByTarget: [String: [Source]] = [:]
                for made in resolved {
                    for record in made.records { sourcesByTarget[record.key, default: []].append(record.source) }
                }
                return .sources(sourcesByTarget)
            }
            var referrers: [String: Set<String>] = [:]
            for (made, path) in zip(resolved, paths) {
                for target in made.targets { referrers[target, default: []].insert(path) }
            }
            return .referrers(referrers)
        }
        for part in parts {
            switch part {
            case .sources(let made): index.sourcesByTarget = made
            case .referrers(let made): index.referrers = made
            }
        }
        return index
    }

    /// What one of the fillings of `resolve` made.
    private enum Filed: Sendable {
        case sources([String: [Source]])
        case referrers([String: Set<String>])
    }

    /// `transform` of each of `documents`, in their order, worked out on every core in pieces
    /// (`Parallel.pieces`): a task per document would cost more than most documents' work.
    private static func inPieces<Output: Sendable>(_ documents: [Document], _ transform: @Sendable (Document) -> Output) -> [Output] {
        Array(Parallel.map(Parallel.pieces(documents.count)) { piece in documents[piece].map(transform) }.joined())
    }

    /// What each reference of `document` resolves to (front matter first, then items in order)
    /// when document `id` has the items `items(id)` (nil: no such document); `record` is called
    /// with the key and source of each resolved reference, in that order.
    static func resolutions(of document: Document, items: (String) -> Set<String>?,
                            record: (String, Source) -> Void) -> [Reference.Resolution] {
        let sourceID = document.id
        let path = document.path
        var resolved: [Reference.Resolution] = []
        func resolve(_ reference: Reference, item: String?) {
            guard let target = reference.targetDocument(from: sourceID) else {
                resolved.append(.unresolvedDocument(""))
                return
            }
            guard let targetItems = items(target) else {
                resolved.append(.unresolvedDocument(target))
                return
            }
            var field: String?
            if case .field(let fieldPath) = reference.origin { field = fieldPath }
            let source = Source(document: sourceID ?? path, path: path, item: item, field: field, location: reference.syntax.location)
            if let targetItem = reference.syntax.item {
                guard targetItems.contains(targetItem) else {
                    resolved.append(.unresolvedItem(document: target, item: targetItem))
                    return
                }
                resolved.append(.item(document: target, item: targetItem))
                record("\(target)#\(targetItem)", source)
            } else {
                resolved.append(.document(target))
                record(target, source)
            }
        }
        for reference in document.references { resolve(reference, item: nil) }
        for item in document.items {
            for reference in item.references { resolve(reference, item: item.id) }
        }
        return resolved
    }

    /// Writes `resolutions` (in the order of `resolutions(of:items:record:)`) into `document`'s
    /// references, touching only those that differ: a document whose references resolve as they
    /// did keeps its shared box (no copy on write).
    static func apply(_ resolutions: [Reference.Resolution], to document: inout Document) {
        var next = 0
        for r in document.references.indices {
            if document.references[r].resolution != resolutions[next] { document.references[r].resolution = resolutions[next] }
            next += 1
        }
        for i in document.items.indices {
            for r in document.items[i].references.indices {
                if document.items[i].references[r].resolution != resolutions[next] {
                    document.items[i].references[r].resolution = resolutions[next]
                }
                next += 1
            }
        }
    }

    /// The key in `sourcesByTarget` a resolution is filed under, nil when unresolved.
    static func key(of resolution: Reference.Resolution) -> String? {
        switch resolution {
        case .document(let target): target
        case .item(let document, let item): "\(document)#\(item)"
        case .unresolvedDocument, .unresolvedItem, .pending: nil
        }
    }

    /// The document ids `document`'s references name, resolved or not.
    static func targets(of document: Document) -> Set<String> {
        var targets: Set<String> = []
        for reference in document.everyReference {
            if let target = reference.targetDocument(from: document.id) { targets.insert(target) }
        }
        return targets
    }
}
