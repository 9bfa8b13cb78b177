import StdKitModel
import StdKitSyntax

/// Which files' findings a change of documents can reach: checked again (`Checker.check(_:focus:)`,
/// with the whole project read), they are all that changes.
///
/// Rule by rule, a finding in a file other than the edited one depends on the edited document
/// through one of these, each of which puts that file in the set:
/// - a reference to the document or one of its items, resolved or not (coverage, levels, wrong
///   kinds, withdrawn targets, suspect links, an unresolved item's hint listing the items) —
///   but not a front-matter field naming the whole document, which reads only its front matter,
///   unchanged here (`references(_:anyOf:)`);
/// - a reference of the document, before or after, to another document (what covers a
///   requirement, a specification or a task; the target's own findings);
/// - a link to the document's file, when its headings or item ids changed (anchors);
/// - a note of a finding pointing into the document (the note moves with the text);
/// - for an upstream (DESIGN §14), the programmes: their findings stand for the upstream's
///   documents, which are not the project's files;
/// - without a links lock, the one `unreviewed-link` finding that counts every link.
/// What it does not follow it declines (nil, a full check): a document added or removed; a
/// changed path, id, kind or front matter (programmes' course lists, prerequisites, titles,
/// statuses, versions others pin, ids shared or colliding — all written there); an id another
/// document has too (references resolve to the first by path).
public enum EditImpact {
    /// The files whose findings may differ after `changes` (each document before, nil when new,
    /// and after) and `removing`, or nil when only a full check can say. `findings` are the
    /// findings before the change, by file.
    public static func files(reachedBy changes: [(old: Document?, new: Document)], removing: Set<String>, old: Project, new: Project,
                             findings: [String: [Diagnostic]]) -> Set<String>? {
        guard removing.isEmpty, !changes.isEmpty else { return removing.isEmpty ? [] : nil }
        var reached = Set<String>()
        var ids = Set<String>()
        var anchorsChanged = Set<String>()
        var touchesUpstream = false
        for (before, after) in changes {
            guard let before, before.path == after.path, before.id == after.id, before.kind == after.kind, before.isPage == after.isPage,
                  before.version == after.version, sameFrontMatter(before, after) else { return nil }
            reached.insert(after.path)
            if let id = after.id {
                // Another document with this id: references go to the first by path.
                guard !sharesID(id, path: after.path, in: old), !sharesID(id, path: after.path, in: new) else { return nil }
                ids.insert(id)
            }
            if anchors(of: before) != anchors(of: after) { anchorsChanged.insert(after.path) }
            // The targets, before and after: their coverage, levels and own findings.
            for (document, project) in [(before, old), (after, new)] {
                for reference in document.everyReference {
                    guard let target = target(of: reference) else { continue }
                    if let local = project.document(target), project.document(atPath: local.path) != nil {
                        reached.insert(local.path)
                    } else if reference.syntax.upstream != nil || project.document(target) != nil {
                        touchesUpstream = true
                    }
                }
            }
        }
        let edited = Set(changes.map(\.new.path))
        // What points at the edited documents or their items, resolved or not; and, when their
        // anchors changed, what links to their files.
        for document in new.documents where !edited.contains(document.path) {
            if references(document, anyOf: ids) { reached.insert(document.path) }
            if !anchorsChanged.isEmpty, links(document, toAnyOf: anchorsChanged) { reached.insert(document.path) }
        }
        // Notes pointing into an edited document move with its text.
        for (file, found) in findings where !reached.contains(file) {
            if found.contains(where: { $0.notes.contains { edited.contains($0.file) } }) { reached.insert(file) }
        }
        if touchesUpstream || !new.upstreams.isEmpty {
            for document in new.documents where document.kind == "programme" { reached.insert(document.path) }
        }
        guard let holders = unreviewedLinkHolders(changes, old: old, new: new, findings: findings) else { return nil }
        return reached.union(holders)
    }

    /// The id a reference names (its own document's for `#ITEM`), nil for none.
    private static func target(of reference: Reference) -> String? {
        switch reference.resolution {
        case .document(let id), .item(let id, _), .unresolvedItem(let id, _): id
        case .unresolvedDocument(let id): id.isEmpty ? nil : id
        default: nil
        }
    }

    /// The front matter as written, the version's value aside (compared by itself).
    private static func sameFrontMatter(_ a: Document, _ b: Document) -> Bool {
        let (first, firstEnd) = Outward.frontMatter(of: a.text)
        let (second, secondEnd) = Outward.frontMatter(of: b.text)
        return firstEnd == secondEnd && first == second
    }

    private static func sharesID(_ id: String, path: String, in project: Project) -> Bool {
        project.documents.contains { $0.id == id && $0.path != path }
    }

    /// What a link's fragment can name in the document: its headings' anchors and its items' ids.
    private static func anchors(of document: Document) -> [String] {
        document.sections.map(\.anchor) + document.items.map(\.id)
    }

    /// Whether `document` writes a reference to another document whose id is in `ids` that can
    /// see more of it than its front matter: any reference of an item, and a front-matter one
    /// naming an item or an upstream's document.
    ///
    /// A front-matter field naming a whole document (a programme's `courses`, a course's
    /// `prerequisites`, a facility's courses) leads the rules to the target's front-matter facts
    /// only — id, kind, title, status, version, hours, credits, semesters, which `files` has
    /// required to be as they were —: rule by rule, none reads the items, headings, links or
    /// body of a document named so (an unresolved `ID#ITEM` lists the target's items, hence the
    /// item case; upstreams reach the programmes anyway). So a course's body edited leaves out
    /// the programme listing 5,000 courses, the costliest document to check again.
    private static func references(_ document: Document, anyOf ids: Set<String>) -> Bool {
        guard !ids.isEmpty else { return false }
        func names(_ reference: Reference) -> Bool { reference.syntax.document.map(ids.contains) ?? false }
        func seesBody(_ reference: Reference) -> Bool {
            reference.syntax.item != nil || reference.syntax.upstream != nil
        }
        return document.references.contains { names($0) && seesBody($0) } || document.items.contains { $0.references.contains(where: names) }
    }

    /// Whether `document` has a relative link that may lead to a file in `paths`, its path part
    /// resolved as `broken-link` does.
    private static func links(_ document: Document, toAnyOf paths: Set<String>) -> Bool {
        document.links.contains { link in
            let destination = link.destination
            guard !destination.isEmpty, !BrokenLink.isExternal(destination) else { return false }
            let pathPart = BrokenLink.decoded(destination.prefix { $0 != "#" })
            guard !pathPart.isEmpty else { return false }
            return ProjectPath.resolve(pathPart, from: document.path).map(paths.contains) ?? false
        }
    }

    /// Without a links lock, `unreviewed-link` reports once, at the first unreviewed link of the
    /// project, counting them all: the files holding that finding now, or nil when the edited
    /// documents' links changed and which link comes first can no longer be told from here.
    private static func unreviewedLinkHolders(_ changes: [(old: Document?, new: Document)], old: Project, new: Project,
                                              findings: [String: [Diagnostic]]) -> Set<String>? {
        guard new.linkLock == nil, old.linkLock == nil else { return [] }
        let edited = Set(changes.map(\.new.path))
        let before = LinkReview.links(in: old, sources: edited)
        let after = LinkReview.links(in: new, sources: edited)
        guard before.map(\.key) != after.map(\.key) else { return [] }
        let holders = findings.filter { $0.value.contains { $0.rule == "unreviewed-link" } }
        // The first link leaving an edited document: the next one may be anywhere.
        for (file, found) in holders where edited.contains(file) {
            for finding in found where finding.rule == "unreviewed-link" {
                guard let first = before.first(where: { $0.sourcePath == file && $0.location == finding.location }),
                      after.contains(where: { $0.key == first.key }) else { return nil }
            }
        }
        // No finding seen (suppressed where it stands) while an edited document had links: it
        // may have held it.
        if holders.isEmpty, !before.isEmpty, new.config.rules["unreviewed-link"] != "off" { return nil }
        return Set(holders.keys)
    }
}
