import StdKitModel
import StdKitSyntax

/// A reference whose document or item does not exist.
struct UnresolvedReference: Rule {
    let description = RuleDescription(
        id: "unresolved-reference", family: .references,
        summary: "a reference matches no document or item",
        explanation: """
            Every reference must name an existing document (`DOC`) or an item of it (`DOC#ITEM`, \
            `#ITEM` for the same document). The finding suggests the closest id and points at the \
            target's items.
            """,
        passing: [RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: T\n---\n\n- **R1** 能开机。\n",
                               "course.md": "---\nid: C1\nkind: course\ntitle: T\n---\n\n- **LO1** 会开机 → JOB-A#R1\n"])],
        failing: [RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: T\n---\n\n- **R1** 能开机。\n",
                               "course.md": "---\nid: C1\nkind: course\ntitle: T\n---\n\n- **LO1** 会开机 → ↓JOB-A#R9\n"]),
                  RuleExample(document: "---\nid: C1\nkind: course\ntitle: T\nprerequisites: [↓C0]\n---\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        let project = context.project
        let documentIDs = project.documents.compactMap(\.id)
        var findings: [Diagnostic] = []
        for document in context.standardsDocuments {
            for reference in document.allReferences {
                let written = reference.syntax.text
                switch reference.resolution {
                case .unresolvedDocument(let target) where target.isEmpty:
                    findings.append(Diagnostic(
                        rule: description.id, file: document.path, location: reference.syntax.location,
                        message: "reference '\(written)' names an item of this document, which has no id",
                        hint: "give the document an 'id'"))
                case .unresolvedDocument(let target):
                    findings.append(Diagnostic(
                        rule: description.id, file: document.path, location: reference.syntax.location,
                        message: "reference '\(written)' matches no document\(Suggestion.phrase(for: target, among: documentIDs))",
                        hint: "check the document id, or add the document to the project"))
                case .unresolvedItem(let target, let item):
                    guard let targetDocument = project.document(target) else { continue }
                    let itemIDs = targetDocument.items.map(\.id)
                    var notes: [Diagnostic.Note] = []
                    if let first = targetDocument.items.first {
                        notes.append(Diagnostic.Note(file: targetDocument.path, location: first.location,
                                                     message: "items of \(target) are declared here"))
                    }
                    let hint = itemIDs.isEmpty
                        ? "\(target) declares no items"
                        : "\(target) declares \(Self.summarize(itemIDs))"
                    findings.append(Diagnostic(
                        rule: description.id, file: document.path, location: reference.syntax.location,
                        message: "reference '\(written)' matches no item\(Suggestion.phrase(for: item, among: itemIDs))",
                        notes: notes, hint: hint))
                default:
                    continue
                }
            }
        }
        return findings
    }

    /// "R1, R2, … R9" for a long list of ids.
    static func summarize(_ ids: [String]) -> String {
        ids.count <= 8 ? ids.joined(separator: ", ") : ids.prefix(6).joined(separator: ", ") + ", … " + ids.last!
    }
}
