import StdKitModel
import StdKitSyntax

/// Renaming an item's or a document's id everywhere it is written: where it is defined, every
/// reference in bodies and front-matter fields, and the reviewed links of `.stdkit/links.lock`
/// (else each renamed link would turn up as unreviewed).
extension ProjectQueries {
    /// The id at `location` that a rename would change, with what it names.
    func renameSubject(_ path: String, at location: SourceLocation) -> (target: RenameTarget, names: Target, document: Document)? {
        guard let subject = subject(path, at: location) else { return nil }
        switch subject {
        case .item(let item, let document, let range):
            guard let id = document.id, !isUpstream(document) else { return nil }
            return (RenameTarget(range: range, id: item.id), .item(document: id, item: item.id), document)
        case .documentID(let document, let range):
            guard let id = document.id, !isUpstream(document) else { return nil }
            return (RenameTarget(range: range, id: id), .document(id), document)
        case .reference(let reference, let source, let range):
            guard let target = self.target(reference, from: source) else { return nil }
            if let itemRange = Self.itemPart(of: reference, range: range), case .item(let documentID, let itemID) = reference.resolution,
               location.column >= itemRange.lowerBound.column || reference.syntax.document == nil {
                return (RenameTarget(range: itemRange, id: itemID), .item(document: documentID, item: itemID), target)
            }
            guard let documentRange = Self.documentPart(of: reference, range: range), let documentID = target.id else { return nil }
            return (RenameTarget(range: documentRange, id: documentID), .document(documentID), target)
        }
    }

    func renameTarget(_ path: String, at location: SourceLocation) -> RenameTarget? {
        renameSubject(path, at: location)?.target
    }

    func rename(_ path: String, at location: SourceLocation, to newID: String) throws(WorkspaceError) -> [String: [TextReplacement]] {
        guard case let (_, names, document)? = renameSubject(path, at: location) else {
            throw WorkspaceError(.nothingToRename(path, at: location))
        }
        if isUpstream(document), let key = document.id, case let (upstream, _)? = ReferenceSyntax.splitUpstream(key) {
            throw WorkspaceError(.upstreamID(key, upstream: upstream))
        }
        var edits: [String: [TextReplacement]] = [:]
        func add(_ place: Place) {
            edits[place.path, default: []].append(TextReplacement(range: place.range, text: newID))
        }
        switch names {
        case .item(let documentID, let itemID):
            guard newID != itemID else { return [:] }
            guard Identifier.isValidItem(newID) else { throw WorkspaceError(.malformedItemID(newID)) }
            if let other = document.items.first(where: { $0.id != itemID && Identifier.collisionKey($0.id) == Identifier.collisionKey(newID) }) {
                throw WorkspaceError(.itemIDTaken(newID, document: documentID, line: other.location.line))
            }
            guard let item = document.item(itemID) else { return [:] }
            add(place(of: item, in: document))
            for source in project.index.sources(referencingItem: itemID, of: documentID) {
                guard case let (found, holder)? = reference(in: source.path, at: source.location),
                      let part = Self.itemPart(of: found, range: place(of: found, in: holder).range) else { continue }
                add(Place(path: holder.path, range: part))
            }
            lockEdits(replacing: { $0 == "\(documentID)#\(itemID)" ? "\(documentID)#\(newID)" : nil }, into: &edits)
        case .document(let documentID):
            guard newID != documentID else { return [:] }
            guard Identifier.isValid(newID) else { throw WorkspaceError(.malformedDocumentID(newID)) }
            if let other = project.documents.first(where: { $0.path != document.path && $0.id.map(Identifier.collisionKey) == Identifier.collisionKey(newID) }) {
                throw WorkspaceError(.documentIDTaken(newID, path: other.path))
            }
            add(place(ofID: document))
            var sources = project.index.sources(referencingDocument: documentID)
            for item in document.items { sources += project.index.sources(referencingItem: item.id, of: documentID) }
            var written = sources.compactMap { reference(in: $0.path, at: $0.location) }
            // A reference to an item the document lacks names the document all the same.
            for holder in project.documents {
                for found in holder.allReferences {
                    if case .unresolvedItem(documentID, _) = found.resolution { written.append((found, holder)) }
                }
            }
            for (found, holder) in written {
                // `#O1` names no document: it follows the document wherever it is.
                guard found.syntax.document != nil,
                      let part = Self.documentPart(of: found, range: place(of: found, in: holder).range) else { continue }
                add(Place(path: holder.path, range: part))
            }
            lockEdits(replacing: { $0.hasPrefix("\(documentID)#") ? newID + $0.dropFirst(documentID.count) : nil }, into: &edits)
        }
        return edits.mapValues { $0.sorted { $0.range.lowerBound < $1.range.lowerBound } }
    }

    /// The edits of `.stdkit/links.lock` that rewrite each full item id (`DOC#ITEM`, either side
    /// of a link) that `replacement` maps to a new one.
    ///
    /// Lines keep their places: the file is then no longer sorted where a renamed link moves,
    /// which reading it does not mind and `stdkit review accept` puts right when it writes it.
    private func lockEdits(replacing replacement: (String) -> String?, into edits: inout [String: [TextReplacement]]) {
        guard let linkLock else { return }
        for (index, line) in TextLines.split(linkLock).enumerated() where !line.hasPrefix("#") {
            let scalars = Array(line.unicodeScalars)
            var start = 0
            while start < scalars.count {
                while start < scalars.count, scalars[start].properties.isWhitespace { start += 1 }
                var end = start
                while end < scalars.count, !scalars[end].properties.isWhitespace { end += 1 }
                if end > start, let new = replacement(String(String.UnicodeScalarView(scalars[start..<end]))) {
                    let range = SourceLocation(line: index + 1, column: start + 1)..<SourceLocation(line: index + 1, column: end + 1)
                    edits[Project.linkLockPath, default: []].append(TextReplacement(range: range, text: new))
                }
                start = end
            }
        }
    }
}

extension Message {
    static func nothingToRename(_ path: String, at location: SourceLocation) -> Message {
        Message("workspace.rename.nothing", ["path": .verbatim(path), "line": .number(location.line), "column": .number(location.column)])
    }

    static func upstreamID(_ id: String, upstream: String) -> Message {
        Message("workspace.rename.upstream", ["id": .verbatim(id), "upstream": .verbatim(upstream)])
    }

    static func malformedItemID(_ id: String) -> Message {
        Message("workspace.rename.malformed-item", ["id": .verbatim(id)])
    }

    static func malformedDocumentID(_ id: String) -> Message {
        Message("workspace.rename.malformed-document", ["id": .verbatim(id)])
    }

    static func itemIDTaken(_ id: String, document: String, line: Int) -> Message {
        Message("workspace.rename.item-taken", ["id": .verbatim(id), "document": .verbatim(document), "line": .number(line)])
    }

    static func documentIDTaken(_ id: String, path: String) -> Message {
        Message("workspace.rename.document-taken", ["id": .verbatim(id), "path": .verbatim(path)])
    }
}
