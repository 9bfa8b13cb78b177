import Foundation
import StdKitModel
import StdKitSyntax

/// Compares two states of a project by meaning: documents by id, front-matter fields by path,
/// sections by heading, items by id, prose by word (Chinese by character); and says what each
/// change requires of the document's version and what depends on it.
public struct Differ {
    public let old: Project
    public let new: Project

    /// Front-matter lists compared as sets: their order carries no meaning.
    static let setLikeFields: Set<String> = ["tags", "parties", "prerequisites", "occupations", "supports", "authors", "levels"]

    public init(old: Project, new: Project) {
        self.old = old
        self.new = new
    }

    /// The changes between the two projects, documents sorted by id.
    public func compare() -> ProjectChange {
        func key(_ document: Document) -> String { document.id ?? "path:" + document.path }
        var oldDocuments: [String: Document] = [:]
        for document in old.documents where oldDocuments[key(document)] == nil { oldDocuments[key(document)] = document }
        var newDocuments: [String: Document] = [:]
        for document in new.documents where newDocuments[key(document)] == nil { newDocuments[key(document)] = document }
        var changes: [DocumentChange] = []
        for id in Set(oldDocuments.keys).union(newDocuments.keys).sorted() {
            let change = compare(oldDocuments[id], newDocuments[id])
            if change.status != .unchanged { changes.append(change) }
        }
        return ProjectChange(documents: changes)
    }

    /// The change from `before` to `after` (either may be absent: added, removed).
    public func compare(_ before: Document?, _ after: Document?) -> DocumentChange {
        let either = (after ?? before)!
        var change = DocumentChange(
            id: either.id ?? either.path, kind: either.kind, title: either.title ?? either.sections.first?.title ?? either.path,
            oldPath: before?.path, newPath: after?.path, status: .unchanged)
        change.oldVersion = before?.version
        change.newVersion = after?.version
        change.declaredBump = Bump.between(before?.version, after?.version)
        guard let before else {
            change.status = .added
            change.impact = []
            return change
        }
        guard let after else {
            change.status = .removed
            change.requiredBump = .major
            change.reasons = [.documentRemoved]
            change.impact = impact(ofDocument: before, in: old)
            return change
        }
        // The same text says the same thing: most documents of a revision did not change.
        if before.text == after.text {
            change.status = before.path == after.path ? .unchanged : .renamed
            return change
        }
        change.fields = fieldChanges(before.frontMatter, after.frontMatter)
        compareBodies(before, after, into: &change)
        change.references = referenceChanges(before, after)
        let moved = before.path != after.path
        if change.hasChanges {
            change.status = moved ? .renamed : .modified
        } else {
            change.status = moved ? .renamed : .unchanged
        }
        assess(&change, before: before, after: after)
        return change
    }

    // MARK: Front matter

    func fieldChanges(_ before: YAMLNode?, _ after: YAMLNode?) -> [FieldChange] {
        let a = Self.flatten(before, path: "")
        let b = Self.flatten(after, path: "")
        var changes: [FieldChange] = []
        for path in Set(a.keys).union(b.keys).sorted() where a[path] != b[path] {
            changes.append(FieldChange(path: path, old: a[path], new: b[path]))
        }
        return changes
    }

    /// The front matter as path → value. Lists of mappings with an `id` are addressed by it
    /// (`courses[id=C1].credits`), set-like lists by their elements (`tags[x]`), other lists by
    /// position. Key order and quoting are not part of the value.
    static func flatten(_ node: YAMLNode?, path: String) -> [String: String] {
        guard let node else { return [:] }
        switch node.value {
        case .scalar(let text, _):
            return [path: node.isNull ? "" : text]
        case .mapping(let pairs):
            var result: [String: String] = [:]
            for pair in pairs {
                guard let key = pair.key.scalar else { continue }
                result.merge(flatten(pair.value, path: path.isEmpty ? key : "\(path).\(key)")) { first, _ in first }
            }
            return result
        case .sequence(let elements):
            var result: [String: String] = [:]
            let name = path.split(separator: ".").last.map(String.init) ?? path
            if elements.allSatisfy({ $0.mapping != nil && $0["id"]?.scalar != nil }) && !elements.isEmpty {
                for element in elements {
                    result.merge(flatten(element, path: "\(path)[id=\(element["id"]!.scalar!)]")) { first, _ in first }
                }
            } else if setLikeFields.contains(name), elements.allSatisfy({ $0.scalar != nil }) {
                for element in elements { result["\(path)[\(element.scalar!)]"] = element.scalar! }
            } else {
                for (index, element) in elements.enumerated() {
                    result.merge(flatten(element, path: "\(path)[\(index)]")) { first, _ in first }
                }
            }
            if elements.isEmpty { result[path] = "[]" }
            return result
        }
    }

    // MARK: Body

    private func compareBodies(_ before: Document, _ after: Document, into change: inout DocumentChange) {
        let a = DocumentOutline(before)
        let b = DocumentOutline(after)
        // Sections by key.
        var oldParts: [String: DocumentOutline.Part] = [:]
        for part in a.parts where oldParts[part.key] == nil { oldParts[part.key] = part }
        var newParts: [String: DocumentOutline.Part] = [:]
        for part in b.parts where newParts[part.key] == nil { newParts[part.key] = part }
        var removed = a.parts.filter { newParts[$0.key] == nil }
        var added = b.parts.filter { oldParts[$0.key] == nil }
        // A removed and an added section holding the same items, or the same text, were renamed.
        var renamed: [(DocumentOutline.Part, DocumentOutline.Part)] = []
        for candidate in added {
            if let index = removed.firstIndex(where: { Self.sameContent($0, candidate) }) {
                renamed.append((removed[index], candidate))
                removed.remove(at: index)
            }
        }
        added.removeAll { part in renamed.contains { $0.1.key == part.key } }
        for part in removed where !part.title.isEmpty {
            change.sections.append(SectionChange(kind: .removed, title: part.title))
        }
        for part in added where !part.title.isEmpty {
            change.sections.append(SectionChange(kind: .added, title: part.title))
        }
        for (from, to) in renamed {
            change.sections.append(SectionChange(kind: .renamed, title: to.title, oldTitle: from.title))
        }
        // Moves: the order of the sections both have.
        let shared = a.parts.map(\.key).filter { newParts[$0] != nil }
        let sharedNew = b.parts.map(\.key).filter { oldParts[$0] != nil }
        for moved in Self.moves(from: shared, to: sharedNew) where !moved.isEmpty {
            change.sections.append(SectionChange(kind: .moved, title: newParts[moved]?.title ?? moved))
        }
        // Edited prose and table rows (matched by their first cell).
        for part in b.parts {
            guard let previous = oldParts[part.key] ?? renamed.first(where: { $0.1.key == part.key })?.0 else { continue }
            let wording = WordDiff(old: previous.prose, new: part.prose)
            let oldRows = Dictionary(previous.rows.map { ($0.key, $0.cells) }, uniquingKeysWith: { first, _ in first })
            let newRows = Dictionary(part.rows.map { ($0.key, $0.cells) }, uniquingKeysWith: { first, _ in first })
            var rows: [FieldChange] = []
            for key in (previous.rows.map(\.key) + part.rows.map(\.key).filter { oldRows[$0] == nil }) where oldRows[key] != newRows[key] {
                if rows.contains(where: { $0.path == key }) { continue }
                rows.append(FieldChange(path: key, old: oldRows[key], new: newRows[key]))
            }
            guard wording.changed || !rows.isEmpty else { continue }
            change.sections.append(SectionChange(kind: .edited, title: part.title, text: wording.changed ? wording : nil, rows: rows.isEmpty ? nil : rows))
        }
        compareItems(before, after, a, b, into: &change)
    }

    static func sameContent(_ a: DocumentOutline.Part, _ b: DocumentOutline.Part) -> Bool {
        guard a.level == b.level else { return false }
        if !a.items.isEmpty { return Set(a.items) == Set(b.items) }
        return !a.prose.isEmpty && !WordDiff(old: a.prose, new: b.prose).changed
    }

    /// The elements whose relative order changed between two orderings of the same elements.
    static func moves(from old: [String], to new: [String]) -> [String] {
        var moved: [String] = []
        for change in new.difference(from: old).inferringMoves() {
            if case .insert(_, let element, let associated) = change, associated != nil { moved.append(element) }
        }
        return moved
    }

    private func compareItems(_ before: Document, _ after: Document, _ a: DocumentOutline, _ b: DocumentOutline, into change: inout DocumentChange) {
        var oldItems: [String: Item] = [:]
        for item in before.items where oldItems[item.id] == nil { oldItems[item.id] = item }
        var newItems: [String: Item] = [:]
        for item in after.items where newItems[item.id] == nil { newItems[item.id] = item }
        var removed = before.items.filter { newItems[$0.id] == nil }.map(\.id)
        var added = after.items.filter { oldItems[$0.id] == nil }.map(\.id)
        // An item removed and one added with the same statement was renumbered.
        for id in added {
            guard let item = newItems[id],
                  let index = removed.firstIndex(where: { !WordDiff(old: oldItems[$0]?.text ?? "", new: item.text).changed }) else { continue }
            change.items.append(ItemChange(kind: .renumbered, id: id, oldID: removed[index], oldText: oldItems[removed[index]]?.text, newText: item.text))
            removed.remove(at: index)
            added.removeAll { $0 == id }
        }
        for id in removed { change.items.append(ItemChange(kind: .removed, id: id, oldText: oldItems[id]?.text)) }
        for id in added { change.items.append(ItemChange(kind: .added, id: id, newText: newItems[id]?.text)) }
        let sharedOld = before.items.map(\.id).filter { newItems[$0] != nil }
        let sharedNew = after.items.map(\.id).filter { oldItems[$0] != nil }
        let reordered = Set(Self.moves(from: sharedOld, to: sharedNew))
        for id in sharedNew {
            guard let was = oldItems[id], let now = newItems[id] else { continue }
            let wording = was.text == now.text ? WordDiff(old: "", new: "") : WordDiff(old: was.text, new: now.text)
            if wording.changed {
                change.items.append(ItemChange(kind: .reworded, id: id, oldText: was.text, newText: now.text, wording: wording))
            }
            let attributes = Self.attributeChanges(was, now)
            if !attributes.isEmpty {
                change.items.append(ItemChange(kind: .attributes, id: id, attributes: attributes))
            }
            let fromSection = a.sectionOfItem[id]
            let toSection = b.sectionOfItem[id]
            let sectionRenamed = change.sections.contains { $0.kind == .renamed && $0.oldTitle == fromSection && $0.title == toSection }
            if (fromSection != toSection && !sectionRenamed) || reordered.contains(id) {
                change.items.append(ItemChange(kind: .moved, id: id, section: toSection))
            }
        }
    }

    static func attributeChanges(_ a: Item, _ b: Item) -> [FieldChange] {
        let old = Dictionary(a.attributes.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        let new = Dictionary(b.attributes.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        return Set(old.keys).union(new.keys).sorted().compactMap { key in
            old[key] == new[key] ? nil : FieldChange(path: key, old: old[key], new: new[key])
        }
    }

    // MARK: References

    private func referenceChanges(_ before: Document, _ after: Document) -> [ReferenceChange] {
        func targets(_ document: Document, _ project: Project) -> Set<String> {
            var result: Set<String> = []
            for item in document.items {
                for reference in item.references {
                    result.insert("\(item.id)\u{1F}\(Self.target(reference, in: document))")
                }
            }
            return result
        }
        let a = targets(before, old)
        let b = targets(after, new)
        var changes: [ReferenceChange] = []
        for (kind, entries) in [(ReferenceChange.Kind.lost, a.subtracting(b)), (.gained, b.subtracting(a))] {
            for entry in entries.sorted() {
                let parts = entry.split(separator: "\u{1F}", maxSplits: 1).map(String.init)
                let document = kind == .lost ? before : after
                let project = kind == .lost ? old : new
                let coverage = project.schemas.schema(for: document.kind)?.itemKind(of: parts[0])?.coverage ?? false
                changes.append(ReferenceChange(kind: kind, source: parts[0], target: parts[1], coverage: coverage))
            }
        }
        return changes
    }

    /// A reference as a full id: `#R1` in document D is `D#R1`; pins are not part of the target.
    static func target(_ reference: Reference, in document: Document) -> String {
        let doc = reference.syntax.document ?? document.id ?? ""
        return reference.syntax.item.map { "\(doc)#\($0)" } ?? doc
    }

    // MARK: Bump and impact

    /// Front-matter fields that record the workflow, not the content: changing them needs no new
    /// version (the approval digest leaves out `approvals` and `status` for the same reason, so
    /// that marking a document approved neither asks for a new version nor makes it stale).
    static let workflowFields: Set<String> = ContentDigest.excluded.union(["version"])

    private func assess(_ change: inout DocumentChange, before: Document, after: Document) {
        var bump = Bump.none
        var reasons: [Message] = []
        func need(_ level: Bump, _ reason: Message) {
            bump = max(bump, level)
            reasons.append(reason)
        }
        var impacted: Set<String> = []
        for item in change.items {
            switch item.kind {
            case .removed:
                need(.major, .itemRemoved(item.id))
                impacted.formUnion(impact(ofItem: item.id, in: before, project: old))
            case .renumbered:
                need(.major, .itemRenumbered(item.oldID ?? "", to: item.id))
                impacted.formUnion(impact(ofItem: item.oldID ?? item.id, in: before, project: old))
            case .added:
                need(.minor, .itemAdded(item.id))
            case .reworded:
                need(.patch, .itemReworded(item.id))
                impacted.formUnion(impact(ofItem: item.id, in: after, project: new))
            case .attributes:
                need(.patch, .itemAttributesChanged(item.id))
                impacted.formUnion(impact(ofItem: item.id, in: after, project: new))
            case .moved:
                need(.patch, .itemMoved(item.id))
            }
        }
        for section in change.sections {
            switch section.kind {
            case .added: need(.minor, .sectionAdded(section.title))
            case .removed: need(.patch, .sectionRemoved(section.title))
            case .renamed: need(.patch, .sectionRenamed(section.oldTitle ?? "", to: section.title))
            case .moved: need(.patch, .sectionMoved(section.title))
            case .edited: need(.patch, section.title.isEmpty ? .introductionEdited : .sectionEdited(section.title))
            }
        }
        let metadata = change.fields.filter { !Self.workflowFields.contains($0.path.split(separator: ".").first.map(String.init)?.components(separatedBy: "[").first ?? "") }
        if !metadata.isEmpty {
            need(.patch, metadata.count == 1 ? .fieldChanged(metadata[0].path) : .fieldsChanged(metadata.count))
        }
        for reference in change.references {
            need(.patch, reference.kind == .gained ? .referenceGained(reference.source, reference.target) : .referenceLost(reference.source, reference.target))
        }
        change.requiredBump = bump
        change.reasons = reasons
        impacted.remove(after.id ?? "")
        change.impact = impacted.sorted()
    }

    /// What depends on item `item` of `document`, transitively: the items that reference it,
    /// their documents, and what references those.
    func impact(ofItem item: String, in document: Document, project: Project) -> Set<String> {
        guard let id = document.id else { return [] }
        return Self.dependents(of: ["\(id)#\(item)"], in: project)
    }

    func impact(ofDocument document: Document, in project: Project) -> [String] {
        guard let id = document.id else { return [] }
        return Self.dependents(of: [id] + document.items.map { "\(id)#\($0.id)" }, in: project)
            .filter { !$0.hasPrefix(id + "#") && $0 != id }.sorted()
    }

    /// Breadth-first over the reverse index: a target's sources (items and documents), then
    /// whatever references those, without end until nothing new is found.
    static func dependents(of start: [String], in project: Project) -> Set<String> {
        var seen = Set(start)
        var queue = start
        var result: Set<String> = []
        while let node = queue.popLast() {
            let parts = node.split(separator: "#", maxSplits: 1).map(String.init)
            let sources = parts.count == 2
                ? project.index.sources(referencingItem: parts[1], of: parts[0])
                : project.index.sources(referencingDocument: parts[0])
            for source in sources {
                var next = [source.document]
                if let item = source.item { next.append("\(source.document)#\(item)") }
                for dependent in next where seen.insert(dependent).inserted {
                    result.insert(dependent)
                    queue.append(dependent)
                }
            }
        }
        return result
    }
}

/// Why a change requires its version bump, one reason each (DocumentChange.reasons): the check
/// shows them in the reader's language, the diff's own reports in English.
extension Message {
    fileprivate static let documentRemoved = Message("change-reason.document-removed")

    fileprivate static func itemRemoved(_ id: String) -> Message { Message("change-reason.item-removed", ["id": .verbatim(id)]) }
    fileprivate static func itemAdded(_ id: String) -> Message { Message("change-reason.item-added", ["id": .verbatim(id)]) }
    fileprivate static func itemReworded(_ id: String) -> Message { Message("change-reason.item-reworded", ["id": .verbatim(id)]) }
    fileprivate static func itemMoved(_ id: String) -> Message { Message("change-reason.item-moved", ["id": .verbatim(id)]) }

    fileprivate static func itemRenumbered(_ old: String, to id: String) -> Message {
        Message("change-reason.item-renumbered", ["old": .verbatim(old), "id": .verbatim(id)])
    }

    fileprivate static func itemAttributesChanged(_ id: String) -> Message {
        Message("change-reason.item-attributes", ["id": .verbatim(id)])
    }

    fileprivate static func sectionAdded(_ title: String) -> Message { Message("change-reason.section-added", ["title": .verbatim(title)]) }
    fileprivate static func sectionRemoved(_ title: String) -> Message { Message("change-reason.section-removed", ["title": .verbatim(title)]) }
    fileprivate static func sectionMoved(_ title: String) -> Message { Message("change-reason.section-moved", ["title": .verbatim(title)]) }
    fileprivate static func sectionEdited(_ title: String) -> Message { Message("change-reason.section-edited", ["title": .verbatim(title)]) }
    fileprivate static let introductionEdited = Message("change-reason.introduction-edited")

    fileprivate static func sectionRenamed(_ old: String, to title: String) -> Message {
        Message("change-reason.section-renamed", ["old": .verbatim(old), "title": .verbatim(title)])
    }

    fileprivate static func fieldChanged(_ path: String) -> Message { Message("change-reason.field-changed", ["path": .verbatim(path)]) }
    fileprivate static func fieldsChanged(_ count: Int) -> Message { Message("change-reason.fields-changed", ["count": .number(count)]) }

    fileprivate static func referenceGained(_ source: String, _ target: String) -> Message {
        Message("change-reason.reference-gained", ["source": .verbatim(source), "target": .verbatim(target)])
    }

    fileprivate static func referenceLost(_ source: String, _ target: String) -> Message {
        Message("change-reason.reference-lost", ["source": .verbatim(source), "target": .verbatim(target)])
    }
}
