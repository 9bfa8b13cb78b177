import StdKitModel

/// Every item of a project as table rows, for spreadsheets: where it is, what it says, what it
/// references and which outcomes cover it.
public enum ItemTable {
    public static let header = ["document", "kind", "document_title", "item", "family", "section", "statement",
                                "attributes", "references", "covered_by"]

    public static func rows(_ project: Project) -> [[String]] {
        var rows = [header]
        for document in project.documents where !document.isPage {
            guard let id = document.id else { continue }
            let schema = project.schemas.schema(for: document.kind)
            for item in document.items {
                let section = document.section(of: item)?.title ?? ""
                let coveredBy = project.index.sources(referencingItem: item.id, of: id).compactMap { source -> String? in
                    guard let sourceItem = source.item, let sourceDocument = project.document(atPath: source.path),
                          project.schemas.schema(for: sourceDocument.kind)?.itemKind(of: sourceItem)?.coverage == true else { return nil }
                    return "\(source.document)#\(sourceItem)"
                }
                rows.append([
                    id, document.kind, document.title ?? "", item.id, schema?.itemKind(of: item.id)?.name ?? "", section, item.text,
                    item.attributes.map { "\($0.key)=\($0.value)" }.joined(separator: " "),
                    item.references.map(\.syntax.text).joined(separator: "; "),
                    coveredBy.joined(separator: "; "),
                ])
            }
        }
        return rows
    }
}
