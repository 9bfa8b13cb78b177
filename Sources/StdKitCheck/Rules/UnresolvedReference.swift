import StdKitModel
import StdKitSyntax

/// A reference whose document or item does not exist.
struct UnresolvedReference: Rule {
    let description = RuleDescription(
        id: "unresolved-reference", family: .references,
        passing: [RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: T\n---\n\n- **R1** 能开机。\n",
                               "course.md": "---\nid: C1\nkind: course\ntitle: T\n---\n\n- **LO1** 会开机 → JOB-A#R1\n"])],
        failing: [RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: T\n---\n\n- **R1** 能开机。\n",
                               "course.md": "---\nid: C1\nkind: course\ntitle: T\n---\n\n- **LO1** 会开机 → ↓JOB-A#R9\n"]),
                  RuleExample(document: "---\nid: C1\nkind: course\ntitle: T\nprerequisites: [↓C0]\n---\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        let project = context.project
        // For a suggestion, made when a reference names no document.
        var knownIDs: [String]?
        func documentIDs() -> [String] {
            let ids = knownIDs ?? project.documents.compactMap(\.id)
            knownIDs = ids
            return ids
        }
        var findings: [Diagnostic] = []
        for document in context.focusedStandardsDocuments {
            for reference in document.everyReference {
                let written = reference.syntax.text
                switch reference.resolution {
                case .unresolvedDocument(let target) where target.isEmpty:
                    findings.append(Diagnostic(
                        rule: description.id, file: document.path, location: reference.syntax.location,
                        message: .itemOfDocumentWithoutID(written), hint: .giveDocumentID))
                case .unresolvedDocument(let target) where reference.syntax.upstream != nil:
                    guard let upstreamID = reference.syntax.upstream else { continue }
                    guard let upstream = project.upstream(upstreamID) else {
                        findings.append(Diagnostic(
                            rule: description.id, file: document.path, location: reference.syntax.location,
                            message: .noUpstream(written, prefix: upstreamID, declared: project.upstreams.map(\.id)),
                            hint: .declareUpstream(upstreamID, declared: project.upstreams.map(\.id))))
                        continue
                    }
                    // An absent upstream is one finding of its own (upstream-missing).
                    guard let upstreamProject = upstream.project else { continue }
                    let local = ReferenceSyntax.splitUpstream(target)?.document ?? target
                    let suggestion = Suggestion.closest(to: local, among: upstreamProject.documents.compactMap(\.id)).map(upstream.key(of:))
                    let suggested = suggestion.flatMap { ReferenceSyntax.splitUpstream($0) }.flatMap { upstreamProject.document($0.document) }
                    findings.append(Diagnostic(
                        rule: description.id, file: document.path, location: reference.syntax.location,
                        message: .noUpstreamDocument(written, upstream: upstreamID, path: upstream.declaration.path, suggestion: suggestion),
                        hint: .checkUpstreamDocumentID(upstreamID, release: upstream.declaration.release),
                        fixes: Fix.pointing(reference, toDocument: suggestion, resolvesTo: suggested, in: document)))
                case .unresolvedDocument(let target):
                    let suggestion = Suggestion.closest(to: target, among: documentIDs())
                    findings.append(Diagnostic(
                        rule: description.id, file: document.path, location: reference.syntax.location,
                        message: .noDocument(written, suggestion: suggestion),
                        hint: .checkDocumentID,
                        fixes: Fix.pointing(reference, toDocument: suggestion, resolvesTo: suggestion.flatMap { project.document($0) }, in: document)))
                case .unresolvedItem(let target, let item):
                    guard let targetDocument = project.document(target) else { continue }
                    let itemIDs = targetDocument.items.map(\.id)
                    var notes: [Diagnostic.Note] = []
                    if let first = targetDocument.items.first {
                        notes.append(Diagnostic.Note(file: targetDocument.path, location: first.location,
                                                     message: .itemsDeclaredHere(target)))
                    }
                    let hint = itemIDs.isEmpty ? Message.declaresNoItems(target) : Message.declares(target, items: itemIDs)
                    let suggestion = Suggestion.closest(to: item, among: itemIDs)
                    findings.append(Diagnostic(
                        rule: description.id, file: document.path, location: reference.syntax.location,
                        message: .noItem(written, suggestion: suggestion),
                        notes: notes, hint: hint, fixes: Fix.pointing(reference, toItem: suggestion, of: targetDocument, in: document)))
                default:
                    continue
                }
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func itemOfDocumentWithoutID(_ written: String) -> Message {
        Message("unresolved-reference.no-own-id", ["written": .verbatim(written)])
    }

    fileprivate static let giveDocumentID = Message("unresolved-reference.no-own-id.hint")

    fileprivate static func noDocument(_ written: String, suggestion: String?) -> Message {
        Message("unresolved-reference.no-document", ["written": .verbatim(written), "suggestion": didYouMean(suggestion)])
    }

    fileprivate static let checkDocumentID = Message("unresolved-reference.no-document.hint")

    fileprivate static func noUpstream(_ written: String, prefix: String, declared: [String]) -> Message {
        Message("unresolved-reference.no-upstream", [
            "written": .verbatim(written), "prefix": .verbatim(prefix),
            "suggestion": didYouMean(Suggestion.closest(to: prefix, among: declared)),
        ])
    }

    fileprivate static func declareUpstream(_ prefix: String, declared: [String]) -> Message {
        guard !declared.isEmpty else { return Message("unresolved-reference.no-upstream.none.hint", ["prefix": .verbatim(prefix)]) }
        return Message("unresolved-reference.no-upstream.hint", ["prefix": .verbatim(prefix), "declared": .list(declared, .and)])
    }

    fileprivate static func noUpstreamDocument(_ written: String, upstream: String, path: String, suggestion: String?) -> Message {
        Message("unresolved-reference.no-upstream-document", [
            "written": .verbatim(written), "upstream": .verbatim(upstream), "path": .verbatim(path), "suggestion": didYouMean(suggestion),
        ])
    }

    fileprivate static func checkUpstreamDocumentID(_ upstream: String, release: String?) -> Message {
        guard let release else { return Message("unresolved-reference.no-upstream-document.hint", ["upstream": .verbatim(upstream)]) }
        return Message("unresolved-reference.no-upstream-document.release.hint", ["upstream": .verbatim(upstream), "release": .verbatim(release)])
    }

    fileprivate static func itemsDeclaredHere(_ target: String) -> Message {
        Message("unresolved-reference.items-here", ["target": .verbatim(target)])
    }

    fileprivate static func declaresNoItems(_ target: String) -> Message {
        Message("unresolved-reference.no-items", ["target": .verbatim(target)])
    }

    /// All the ids when there are a few, else the first six, an ellipsis and the last.
    fileprivate static func declares(_ target: String, items: [String]) -> Message {
        guard items.count > 8, let last = items.last else {
            return Message("unresolved-reference.declares", ["target": .verbatim(target), "items": .list(items, .and)])
        }
        return Message("unresolved-reference.declares.many", [
            "target": .verbatim(target), "first": .list(Array(items.prefix(6)), .and), "last": .verbatim(last),
        ])
    }

    fileprivate static func noItem(_ written: String, suggestion: String?) -> Message {
        Message("unresolved-reference.no-item", ["written": .verbatim(written), "suggestion": didYouMean(suggestion)])
    }
}
