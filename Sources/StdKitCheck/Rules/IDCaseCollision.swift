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
                               "b.md": "---\nid: c-plc\nkind: course\ntitle: B\n---\n"]),
                  RuleExample(document: "---\nid: J1\nkind: job-profile\ntitle: T\n---\n\n- **R1** 甲。\n- **r1** 乙。\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var firstDocument: [String: Document] = [:]
        for document in context.project.documents {
            guard let id = document.id else { continue }
            let key = Identifier.collisionKey(id)
            guard let original = firstDocument[key] else {
                firstDocument[key] = document
                continue
            }
            guard original.id != id else { continue }  // an exact duplicate is duplicate-document-id
            findings.append(Diagnostic(
                rule: description.id, file: document.path, location: document.location(ofField: "id"),
                message: "document id '\(id)' differs only by case from '\(original.id ?? "")' in \(original.path)",
                notes: [Diagnostic.Note(file: original.path, location: original.location(ofField: "id"), message: "'\(original.id ?? "")' is declared here")],
                hint: "give the documents ids that differ by more than case"))
        }
        for document in context.standardsDocuments {
            var firstItem: [String: Item] = [:]
            for item in document.items {
                let key = Identifier.collisionKey(item.id)
                guard let original = firstItem[key] else {
                    firstItem[key] = item
                    continue
                }
                guard original.id != item.id else { continue }
                findings.append(Diagnostic(
                    rule: description.id, file: document.path, location: item.location,
                    message: "item id '\(item.id)' differs only by case from '\(original.id)'",
                    notes: [Diagnostic.Note(file: document.path, location: original.location, message: "'\(original.id)' is declared here")],
                    hint: "give the items ids that differ by more than case"))
            }
        }
        return findings
    }
}
