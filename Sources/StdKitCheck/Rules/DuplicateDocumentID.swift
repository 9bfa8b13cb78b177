import StdKitModel
import StdKitSyntax

/// Two documents with the same id.
struct DuplicateDocumentID: Rule {
    let description = RuleDescription(
        id: "duplicate-document-id", family: .identity,
        passing: [RuleExample(["a.md": "---\nid: C1\nkind: course\ntitle: A\n---\n",
                               "b.md": "---\nid: C2\nkind: course\ntitle: B\n---\n"])],
        failing: [RuleExample(["a.md": "---\nid: C1\nkind: course\ntitle: A\n---\n",
                               "b.md": "---\nid: ↓C1\nkind: course\ntitle: B\n---\n"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        Repeats.of(context.project.documents, key: \.id).map { document, original in
            let id = document.id ?? ""
            return Diagnostic(
                rule: description.id, file: document.path, location: document.location(ofField: "id"),
                message: .documentIDUsed(id, by: original.path),
                notes: [Diagnostic.Note(file: original.path, location: original.location(ofField: "id"), message: .firstDeclared(id))],
                hint: .giveNewID)
        }
    }
}

extension Message {
    fileprivate static func documentIDUsed(_ id: String, by path: String) -> Message {
        Message("duplicate-document-id.message", ["id": .verbatim(id), "path": .verbatim(path)])
    }

    fileprivate static func firstDeclared(_ id: String) -> Message {
        Message("duplicate-document-id.note", ["id": .verbatim(id)])
    }

    fileprivate static let giveNewID = Message("duplicate-document-id.hint")
}
