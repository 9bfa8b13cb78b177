import StdKitModel
import StdKitSyntax

/// Text in a reference position that is not a reference.
struct MalformedReference: Rule {
    let description = RuleDescription(
        id: "malformed-reference", family: .references, scope: .document,
        passing: [RuleExample(document: "---\nid: C1\nkind: course\ntitle: T\n---\n\n- **LO1** 能编程 → #LO1\n")],
        failing: [RuleExample(document: "---\nid: C1\nkind: course\ntitle: T\n---\n\n- **LO1** 能编程 → ↓焊接岗位#R1\n"),
                  RuleExample(document: "---\nid: C1\nkind: course\ntitle: T\nprerequisites: [↓\"C 0\"]\n---\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.loadDiagnostics(rule: description.id) + (context.schemaFindings[description.id] ?? [])
    }
}
