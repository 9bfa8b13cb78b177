import StdKitModel
import StdKitSyntax

/// A front-matter value of the wrong type: text where a number is expected, a single value
/// where a list is.
struct WrongType: Rule {
    let description = RuleDescription(
        id: "wrong-type", family: .schema, scope: .document,
        passing: [RuleExample(document: "---\nid: C1\nkind: course\ntitle: T\nhours: {theory: 32, practice: 32}\n---\n")],
        failing: [RuleExample(document: "---\nid: C1\nkind: course\ntitle: T\nhours: {theory: ↓三十二, practice: 32}\n---\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.schemaFindings[description.id] ?? []
    }
}
