/// A project with some documents changed: what an editor's workspace does on every keystroke.
extension Project {
    /// This project with `documents` in place of the documents at their paths (added where no
    /// document has the path), and the documents at `removing` gone; every reference resolved
    /// and the reverse index as loading the changed files would make them.
    ///
    /// The result equals `Project(…documents: all…)` built from scratch, but is made from this
    /// one: the changed documents are resolved, and of the others only those with a reference
    /// to an id whose items changed (the changed documents' ids before and after). The other
    /// documents keep their boxes (no copy on write), which at 10,000 documents is most of the
    /// time a full build took. It relies on this project's documents being as it resolved them
    /// (not assigned to `documents` since).
    public func replacing(_ documents: [Document], removing: Set<String> = []) -> Project {
        var changed: [String: Document] = [:]
        for document in documents { changed[document.path] = document }
        let incoming = changed.values.filter { !removing.contains($0.path) }.sorted { $0.path.precedesInUTF8($1.path) }
        // The documents that go: replaced or removed, as they were.
        let gone = Set(changed.keys).union(removing).compactMap { path in pathPositions[path].map { self.documents[$0] } }
        var project = self

        // The documents, sorted by path. When every incoming document replaces one (the
        // keystroke), they take its place and no position moves.
        let shifted = !removing.allSatisfy({ pathPositions[$0] == nil }) || !incoming.allSatisfy({ pathPositions[$0.path] != nil })
        if shifted {
            let leaving = Set(gone.map(\.path))
            var merged: [Document] = []
            merged.reserveCapacity(self.documents.count + incoming.count)
            var next = incoming.startIndex
            for document in self.documents where !leaving.contains(document.path) {
                while next < incoming.endIndex, incoming[next].path.precedesInUTF8(document.path) {
                    merged.append(incoming[next])
                    next += 1
                }
                merged.append(document)
            }
            merged += incoming[next...]
            project.documents = merged
            project.pathPositions = Dictionary(merged.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        } else {
            for document in incoming { project.documents[pathPositions[document.path]!] = document }
        }

        // The first document (by path) with each id.
        let oldIDs = Set(gone.compactMap(\.id))
        let changedIDs = oldIDs.union(incoming.compactMap(\.id))
        if shifted {
            var positions: [String: Int] = [:]
            for (position, document) in project.documents.enumerated() {
                if let id = document.id, positions[id] == nil { positions[id] = position }
            }
            project.index.documentPositions = positions
        } else if incoming.contains(where: { self.documents[pathPositions[$0.path]!].id != $0.id }) {
            for id in changedIDs { project.index.documentPositions[id] = nil }
            for (position, document) in project.documents.enumerated() {
                if let id = document.id, changedIDs.contains(id), project.index.documentPositions[id] == nil {
                    project.index.documentPositions[id] = position
                }
            }
        }

        // What references an id whose items changed may resolve otherwise.
        var itemSets: [String: Set<String>?] = [:]
        func items(_ id: String, in project: Project) -> Set<String>? {
            if let position = project.index.documentPositions[id] { return Set(project.documents[position].items.map(\.id)) }
            return project.upstreamDocuments[id].map { Set($0.items.map(\.id)) }
        }
        func newItems(_ id: String) -> Set<String>? {
            if let known = itemSets[id] { return known }
            let found = items(id, in: project)
            itemSets[id] = .some(found)
            return found
        }
        let incomingPaths = Set(incoming.map(\.path))
        var affected = Set(gone.map(\.path))
        var resolving = incomingPaths
        for id in changedIDs where items(id, in: self) != newItems(id) {
            for path in index.referrers[id] ?? [] where !incomingPaths.contains(path) && !removing.contains(path) {
                affected.insert(path)
                resolving.insert(path)
            }
        }

        // The references of the documents that go, and of those resolved again, leave the index.
        var touched: Set<String> = []
        for path in affected {
            guard let position = pathPositions[path] else { continue }
            for reference in self.documents[position].allReferences {
                if let key = ReferenceIndex.key(of: reference.resolution) { touched.insert(key) }
            }
        }
        for document in gone {
            for target in ReferenceIndex.targets(of: document) {
                project.index.referrers[target]?.remove(document.path)
                if project.index.referrers[target]?.isEmpty == true { project.index.referrers[target] = nil }
            }
        }
        for document in incoming {
            for target in ReferenceIndex.targets(of: document) { project.index.referrers[target, default: []].insert(document.path) }
        }

        // Resolved again in the order of the documents, so that each key's new sources come in
        // the order a full build lists them.
        var added: [String: [ReferenceIndex.Source]] = [:]
        for position in resolving.compactMap({ project.pathPositions[$0] }).sorted() {
            let resolved = ReferenceIndex.resolutions(of: project.documents[position], items: newItems) { key, source in
                added[key, default: []].append(source)
                touched.insert(key)
            }
            ReferenceIndex.apply(resolved, to: &project.documents[position])
        }
        for key in touched {
            let kept = (index.sourcesByTarget[key] ?? []).filter { !affected.contains($0.path) }
            let merged = Self.merged(kept, added[key] ?? [])
            project.index.sourcesByTarget[key] = merged.isEmpty ? nil : merged
        }

        if let listedFiles {
            let files = listedFiles.union(changed.keys).subtracting(removing)
            if files != listedFiles {
                project.listedFiles = files
                project.listedFolders = files.isSuperset(of: listedFiles)
                    ? Self.folders(holding: files.subtracting(listedFiles), adding: listedFolders)
                    : Self.folders(holding: files)
            }
        }
        return project
    }

    /// Two lists of sources, each in path order, from different documents, merged in path order.
    private static func merged(_ first: [ReferenceIndex.Source], _ second: [ReferenceIndex.Source]) -> [ReferenceIndex.Source] {
        guard !first.isEmpty else { return second }
        guard !second.isEmpty else { return first }
        var result: [ReferenceIndex.Source] = []
        result.reserveCapacity(first.count + second.count)
        var i = 0
        var j = 0
        while i < first.count, j < second.count {
            if second[j].path.precedesInUTF8(first[i].path) {
                result.append(second[j])
                j += 1
            } else {
                result.append(first[i])
                i += 1
            }
        }
        result += first[i...]
        result += second[j...]
        return result
    }
}
