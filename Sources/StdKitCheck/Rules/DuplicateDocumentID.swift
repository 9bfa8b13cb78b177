import StdKitModel
import StdKitSyntax

/// Two documents with the same id.
struct DuplicateDocumentID: Rule {
    let description = RuleDescription(
        id: "duplicate-document-id", family: .identity,
        summary: "two documents have the same id",
        explanation: """
            References name documents by id, so an id must be unique in the project. The finding is \
            on every document after the first (by path) and points at the first. Give one of them a \
            new id; if one replaces the other, say so with `replaces`.
            """,
        passing: [RuleExample(["a.md": "---\nid: C1\nkind: course\ntitle: A\n---\n",
                               "b.md": "---\nid: C2\nkind: course\ntitle: B\n---\n"])],
        failing: [RuleExample(["a.md": "---\nid: C1\nkind: course\ntitle: A\n---\n",
                               "b.md": "---\nid: ↓C1\nkind: course\ntitle: B\n---\n"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        Repeats.of(context.project.documents, key: \.id).map { document, original in
            let id = document.id ?? ""
            return Diagnostic(
                rule: description.id, file: document.path, location: document.location(ofField: "id"),
                message: "document id '\(id)' is already used by \(original.path)",
                notes: [Diagnostic.Note(file: original.path, location: original.location(ofField: "id"),
                                        message: "'\(id)' is first declared here")],
                hint: "give this document a new id")
        }
    }
}
