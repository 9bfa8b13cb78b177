/// What tells two projects apart, for holding `replacing(_:removing:)` to a build from scratch.
extension Project {
    /// How this project differs from `other` in what a reader can observe: the documents in
    /// order (path, id, kind, text, items, every reference with its resolution, findings), the
    /// reverse index (each key's sources in order, the first position of each id, who refers to
    /// each id), `document(_:)`, `document(atPath:)`, `containsFile(_:)` for the listed files and
    /// their folders, and `listedFiles`. Empty when they are the same; each entry says where not.
    func differences(from other: Project) -> [String] {
        var found: [String] = []
        if documents.count != other.documents.count { found.append("documents: \(documents.count) here, \(other.documents.count) there") }
        for (mine, theirs) in zip(documents, other.documents) {
            let path = mine.path
            if mine.path != theirs.path { found.append("document order: \(mine.path) here, \(theirs.path) there") }
            if mine.id != theirs.id { found.append("\(path): id \(mine.id ?? "nil") here, \(theirs.id ?? "nil") there") }
            if mine.kind != theirs.kind || mine.text != theirs.text { found.append("\(path): kind or text differ") }
            if mine.items != theirs.items { found.append("\(path): items (with their references' resolutions) differ") }
            if mine.references != theirs.references { found.append("\(path): front-matter references differ") }
            if mine.diagnostics != theirs.diagnostics { found.append("\(path): findings differ") }
        }
        for key in Set(index.sourcesByTarget.keys).union(other.index.sourcesByTarget.keys)
        where index.sourcesByTarget[key] != other.index.sourcesByTarget[key] {
            found.append("sources of \(key): \(index.sourcesByTarget[key]?.map(\.path) ?? []) here, \(other.index.sourcesByTarget[key]?.map(\.path) ?? []) there")
        }
        if index.documentPositions != other.index.documentPositions { found.append("index.documentPositions differ") }
        if index.referrers != other.index.referrers { found.append("index.referrers differ") }
        let ids = Set(documents.compactMap(\.id)).union(other.documents.compactMap(\.id)).union(upstreamDocuments.keys)
        for id in ids where document(id)?.path != other.document(id)?.path {
            found.append("document(\(id)): \(document(id)?.path ?? "nil") here, \(other.document(id)?.path ?? "nil") there")
        }
        for path in Set(documents.map(\.path)).union(other.documents.map(\.path))
        where document(atPath: path)?.path != other.document(atPath: path)?.path || document(atPath: path)?.text != other.document(atPath: path)?.text {
            found.append("document(atPath: \(path)) differs")
        }
        if listedFiles != other.listedFiles { found.append("listedFiles differ") }
        if listedFolders != other.listedFolders { found.append("listed folders differ") }
        let files = (listedFiles ?? []).union(other.listedFiles ?? [])
        for path in Self.folders(holding: files).union(files) where containsFile(path) != other.containsFile(path) {
            found.append("containsFile(\(path)) differs")
        }
        return found
    }
}
