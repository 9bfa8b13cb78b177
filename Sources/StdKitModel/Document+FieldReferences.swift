import StdKitSyntax

extension Document {
    /// The ids of the documents that the resolved references of front-matter fields point at,
    /// for the field paths `field` accepts (`{ $0.hasPrefix("occupations[") }`), in the order
    /// written; unresolved references are left out (the check reports them).
    public func referencedDocuments(inFields field: (String) -> Bool) -> [String] {
        references.compactMap { reference in
            guard case .field(let path) = reference.origin, field(path), case .document(let id) = reference.resolution else { return nil }
            return id
        }
    }
}
