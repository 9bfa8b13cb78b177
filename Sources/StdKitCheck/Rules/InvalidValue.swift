import StdKitModel
import StdKitSyntax

/// A value outside the field's enumeration.
struct InvalidValue: Rule {
    let description = RuleDescription(
        id: "invalid-value", family: .schema, scope: .document,
        summary: "a front-matter value is not one of the allowed values",
        explanation: """
            Fields such as `status` (draft, review, approved, published, withdrawn) and a course's `category` take one of a fixed list of values. The finding lists them and suggests the closest.
            """,
        passing: [RuleExample(document: "---\nid: C1\nkind: course\ntitle: T\nstatus: review\n---\n")],
        failing: [RuleExample(document: "---\nid: C1\nkind: course\ntitle: T\nstatus: ↓reviewed\n---\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.schemaFindings[description.id] ?? []
    }
}
