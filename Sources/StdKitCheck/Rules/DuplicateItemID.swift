import StdKitModel
import StdKitSyntax

/// Two items with the same id in one document.
struct DuplicateItemID: Rule {
    let description = RuleDescription(
        id: "duplicate-item-id", family: .identity, scope: .document,
        summary: "two items of a document have the same id",
        explanation: """
            An item id is local to its document and must be unique there: `JOB-A#R2` must mean one \
            requirement. Renumber the second item (and what references it).
            """,
        passing: [RuleExample(document: "---\nid: J1\nkind: job-profile\ntitle: T\n---\n\n- **R1** 甲。\n- **R2** 乙。\n")],
        failing: [RuleExample(document: "---\nid: J1\nkind: job-profile\ntitle: T\n---\n\n- **R1** 甲。\n- **↓R1** 乙。\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.standardsDocuments.flatMap { document in
            Repeats.of(document.items, key: \.id).map { item, original in
                Diagnostic(
                    rule: description.id, file: document.path, location: item.location,
                    message: "item id '\(item.id)' is already used in this document",
                    notes: [Diagnostic.Note(file: document.path, location: original.location, message: "'\(item.id)' is first declared here")],
                    hint: "renumber this item")
            }
        }
    }
}
