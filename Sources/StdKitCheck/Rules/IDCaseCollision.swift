import StdKitModel
import StdKitSyntax

/// Ids that differ only by case: the same on case-insensitive file systems and to readers.
struct IDCaseCollision: Rule {
    let description = RuleDescription(
        id: "id-case-collision", family: .identity,
        passing: [RuleExample(["a.md": "---\nid: C-PLC\nkind: course\ntitle: A\n---\n",
                               "b.md": "---\nid: C-CNC\nkind: course\ntitle: B\n---\n"])],
        failing: [RuleExample(["a.md": "---\nid: C-PLC\nkind: course\ntitle: A\n---\n",
                               "b.md": "---\nid: ↓c-plc\nkind: course\ntitle: B\n---\n"]),
                  RuleExample(document: "---\nid: J1\nkind: job-profile\ntitle: T\n---\n\n- **R1** 甲。\n- **↓r1** 乙。\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        // An exact repeat is a duplicate (another rule); only ids that differ in case collide here.
        let documents = Repeats.of(context.project.documents) { $0.id.map(Identifier.collisionKey) }
            .filter { $0.repeat.id != $0.first.id }
            .map { document, original in
                let id = document.id ?? ""
                let originalID = original.id ?? ""
                return Diagnostic(
                    rule: description.id, file: document.path, location: document.location(ofField: "id"),
                    message: .documentIDsDifferByCase(id, originalID, in: original.path),
                    notes: [Diagnostic.Note(file: original.path, location: original.location(ofField: "id"), message: .declaredHere(originalID))],
                    hint: .differentDocumentIDs)
            }
        let items = context.focusedStandardsDocuments.flatMap { document in
            Repeats.of(document.items) { Identifier.collisionKey($0.id) }
                .filter { $0.repeat.id != $0.first.id }
                .map { item, original in
                    Diagnostic(
                        rule: description.id, file: document.path, location: item.location,
                        message: .itemIDsDifferByCase(item.id, original.id),
                        notes: [Diagnostic.Note(file: document.path, location: original.location, message: .declaredHere(original.id))],
                        hint: .differentItemIDs)
                }
        }
        return documents + items
    }
}

extension Message {
    fileprivate static func documentIDsDifferByCase(_ id: String, _ original: String, in path: String) -> Message {
        Message("id-case-collision.document", ["id": .verbatim(id), "original": .verbatim(original), "path": .verbatim(path)])
    }

    fileprivate static let differentDocumentIDs = Message("id-case-collision.document.hint")

    fileprivate static func itemIDsDifferByCase(_ id: String, _ original: String) -> Message {
        Message("id-case-collision.item", ["id": .verbatim(id), "original": .verbatim(original)])
    }

    fileprivate static let differentItemIDs = Message("id-case-collision.item.hint")

    fileprivate static func declaredHere(_ id: String) -> Message {
        Message("id-case-collision.note", ["id": .verbatim(id)])
    }
}
