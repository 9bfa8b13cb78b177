import StdKitModel
import StdKitSyntax

/// Ids that differ only by case: the same on case-insensitive file systems and to readers.
struct IDCaseCollision: Rule {
    let description = RuleDescription(
        id: "id-case-collision", family: .identity,
        summary: "two ids differ only by case",
        explanation: """
            `COURSE-PLC` and `Course-PLC` are different strings but read as the same id, and web \
            servers and file systems that ignore case mix them up. Ids of documents (in the project) \
            and of items (in a document) must differ by more than case.
            """,
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
                    message: "document id '\(id)' differs only by case from '\(originalID)' in \(original.path)",
                    notes: [Diagnostic.Note(file: original.path, location: original.location(ofField: "id"), message: "'\(originalID)' is declared here")],
                    hint: "give the documents ids that differ by more than case")
            }
        let items = context.standardsDocuments.flatMap { document in
            Repeats.of(document.items) { Identifier.collisionKey($0.id) }
                .filter { $0.repeat.id != $0.first.id }
                .map { item, original in
                    Diagnostic(
                        rule: description.id, file: document.path, location: item.location,
                        message: "item id '\(item.id)' differs only by case from '\(original.id)'",
                        notes: [Diagnostic.Note(file: document.path, location: original.location, message: "'\(original.id)' is declared here")],
                        hint: "give the items ids that differ by more than case")
                }
        }
        return documents + items
    }
}
