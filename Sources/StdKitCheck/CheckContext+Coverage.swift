import StdKitModel
import StdKitSyntax

extension CheckContext {
    /// The document a reference source was written in.
    func document(of source: ReferenceIndex.Source) -> Document? {
        project.document(atPath: source.path)
    }

    /// The item family of `itemID` in `document`, from the document's kind schema.
    func itemKind(of itemID: String, in document: Document) -> KindSchema.ItemKind? {
        project.schemas.schema(for: document.kind)?.itemKind(of: itemID)
    }

    /// The coverage items (course outcomes) that reference item `item` of `document`.
    func coveringSources(of item: Item, in document: Document) -> [ReferenceIndex.Source] {
        guard let id = document.id else { return [] }
        return project.index.sources(referencingItem: item.id, of: id).filter { source in
            guard let sourceItem = source.item, let sourceDocument = self.document(of: source) else { return false }
            return itemKind(of: sourceItem, in: sourceDocument)?.coverage == true
        }
    }

    /// Items that must be covered but are not, in documents for which `include` holds.
    func uncoveredItems(in include: (Document) -> Bool) -> [(Document, Item, KindSchema.ItemKind)] {
        var result: [(Document, Item, KindSchema.ItemKind)] = []
        for document in focusedStandardsDocuments where include(document) && document.status != "withdrawn" {
            for item in document.items {
                guard let family = itemKind(of: item.id, in: document), family.mustBeCovered else { continue }
                if coveringSources(of: item, in: document).isEmpty { result.append((document, item, family)) }
            }
        }
        return result
    }

    /// Documents of kind `kind`.
    func documents(ofKind kind: String) -> [Document] {
        documentsByKind[kind] ?? []
    }
}
