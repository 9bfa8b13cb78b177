import StdKitModel
import StdKitSyntax

/// A front-matter value of the wrong type: text where a number is expected, a single value
/// where a list is.
struct WrongType: Rule {
    let description = RuleDescription(
        id: "wrong-type", family: .schema, scope: .document,
        summary: "a front-matter value has the wrong type",
        explanation: """
            Values are read as written and typed by the kind's schema: hours are whole numbers, credits numbers, dates YYYY-MM-DD, `parties` and `prerequisites` lists. YAML's own guesses do not apply: `version: 1.10` stays "1.10" and `code: 0012` stays "0012".
            """,
        passing: [RuleExample(document: "---\nid: C1\nkind: course\ntitle: T\nhours: {theory: 32, practice: 32}\n---\n")],
        failing: [RuleExample(document: "---\nid: C1\nkind: course\ntitle: T\nhours: {theory: ↓三十二, practice: 32}\n---\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.schemaFindings[description.id] ?? []
    }
}
