import StdKitModel
import StdKitSyntax

/// Go to definition and find references.
extension ProjectQueries {
    /// What a subject stands for: an item of a document, or a whole document.
    enum Target: Hashable {
        case item(document: String, item: String)
        case document(String)
    }

    /// The item or document `subject` names; nil for an unresolved reference.
    func target(of subject: Subject) -> Target? {
        switch subject {
        case .reference(let reference, _, _):
            switch reference.resolution {
            case .item(let document, let item): .item(document: document, item: item)
            case .document(let document): .document(document)
            default: nil
            }
        case .item(let item, let document, _):
            document.id.map { .item(document: $0, item: item.id) }
        case .documentID(let document, _):
            document.id.map { .document($0) }
        }
    }

    /// Where `target` is written: the item's id on its line, the document's `id:` value.
    func definition(of target: Target) -> Place? {
        switch target {
        case .item(let id, let itemID):
            guard let document = project.document(id), let item = document.item(itemID) else { return nil }
            return place(of: item, in: document)
        case .document(let id):
            return project.document(id).map(place(ofID:))
        }
    }

    func definition(_ path: String, at location: SourceLocation) -> [Place] {
        guard let subject = subject(path, at: location), let target = target(of: subject), let place = definition(of: target) else { return [] }
        return [place]
    }

    /// Every reference to `target` (for a document: to it and to any of its items), by path and
    /// place.
    func referencePlaces(to target: Target) -> [Place] {
        var sources: [ReferenceIndex.Source]
        switch target {
        case .item(let document, let item):
            sources = project.index.sources(referencingItem: item, of: document)
        case .document(let id):
            sources = project.index.sources(referencingDocument: id)
            for item in project.document(id)?.items ?? [] {
                sources += project.index.sources(referencingItem: item.id, of: id)
            }
        }
        return sources.compactMap { source in
            reference(in: source.path, at: source.location).map { place(of: $0.0, in: $0.1) }
        }
        .sorted(by: Self.inReadingOrder)
    }

    func references(_ path: String, at location: SourceLocation, includingDeclaration: Bool) -> [Place] {
        guard let subject = subject(path, at: location), let target = target(of: subject) else { return [] }
        var places = referencePlaces(to: target)
        if includingDeclaration, let declaration = definition(of: target) { places.insert(declaration, at: 0) }
        return places
    }

    /// By path, then place: the same answer every time.
    static func inReadingOrder(_ a: Place, _ b: Place) -> Bool {
        a.path == b.path ? a.range.lowerBound < b.range.lowerBound : a.path.precedesInUTF8(b.path)
    }
}
