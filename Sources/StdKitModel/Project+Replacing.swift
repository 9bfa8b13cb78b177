/// A project with some documents changed: what an editor's workspace does on every keystroke.
extension Project {
    /// This project with `documents` in place of the documents at their paths (added where no
    /// document has the path), and the documents at `removing` gone; every reference resolved
    /// again and the reverse index made anew, exactly as loading the changed files would.
    public func replacing(_ documents: [Document], removing: Set<String> = []) -> Project {
        let changed = Dictionary(documents.map { ($0.path, $0) }, uniquingKeysWith: { _, last in last })
        var kept = self.documents.filter { changed[$0.path] == nil && !removing.contains($0.path) }
        kept += changed.values.filter { !removing.contains($0.path) }
        return Project(root: root, config: config, schemas: schemas, documents: kept, diagnostics: diagnostics, profile: profile,
                       listedFiles: listedFiles.map { $0.union(changed.keys).subtracting(removing) }, linkLock: linkLock, upstreams: upstreams)
    }
}
