import StdKitModel
import StdKitSyntax

/// A `kind` no schema defines.
struct UnknownKind: Rule {
    let description = RuleDescription(
        id: "unknown-kind", family: .schema, scope: .document,
        passing: [RuleExample(document: "---\nid: C1\nkind: course\ntitle: T\n---\n")],
        failing: [RuleExample(document: "---\nid: C1\nkind: ↓cours\ntitle: T\n---\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.schemaFindings[description.id] ?? []
    }
}
