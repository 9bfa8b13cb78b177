import StdKitModel
import StdKitSyntax

/// A value outside the field's enumeration.
struct InvalidValue: Rule {
    let description = RuleDescription(
        id: "invalid-value", family: .schema, scope: .document,
        passing: [RuleExample(document: "---\nid: C1\nkind: course\ntitle: T\nstatus: review\n---\n")],
        failing: [RuleExample(document: "---\nid: C1\nkind: course\ntitle: T\nstatus: ↓reviewed\n---\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.schemaFindings[description.id] ?? []
    }
}
