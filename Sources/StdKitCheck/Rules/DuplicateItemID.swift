import StdKitModel
import StdKitSyntax

/// Two items with the same id in one document.
struct DuplicateItemID: Rule {
    let description = RuleDescription(
        id: "duplicate-item-id", family: .identity, scope: .document,
        passing: [RuleExample(document: "---\nid: J1\nkind: job-profile\ntitle: T\n---\n\n- **R1** 甲。\n- **R2** 乙。\n")],
        failing: [RuleExample(document: "---\nid: J1\nkind: job-profile\ntitle: T\n---\n\n- **R1** 甲。\n- **↓R1** 乙。\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.standardsDocuments.flatMap { document in
            Repeats.of(document.items, key: \.id).map { item, original in
                Diagnostic(
                    rule: description.id, file: document.path, location: item.location,
                    message: .itemIDUsed(item.id),
                    notes: [Diagnostic.Note(file: document.path, location: original.location, message: .firstDeclared(item.id))],
                    hint: .renumber)
            }
        }
    }
}

extension Message {
    fileprivate static func itemIDUsed(_ id: String) -> Message {
        Message("duplicate-item-id.message", ["id": .verbatim(id)])
    }

    fileprivate static func firstDeclared(_ id: String) -> Message {
        Message("duplicate-item-id.note", ["id": .verbatim(id)])
    }

    fileprivate static let renumber = Message("duplicate-item-id.hint")
}
