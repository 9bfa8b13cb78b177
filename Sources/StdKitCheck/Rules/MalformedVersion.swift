import StdKitModel
import StdKitSyntax

/// A version that is not MAJOR.MINOR.PATCH.
struct MalformedVersion: Rule {
    let description = RuleDescription(
        id: "malformed-version", family: .schema, scope: .document,
        passing: [RuleExample(document: "---\nid: C1\nkind: course\ntitle: T\nversion: 1.10.0\n---\n")],
        failing: [RuleExample(document: "---\nid: C1\nkind: course\ntitle: T\nversion: ↓1.10\n---\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.schemaFindings[description.id] ?? []
    }
}
