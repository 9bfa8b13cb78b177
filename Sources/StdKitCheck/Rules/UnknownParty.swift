import StdKitModel
import StdKitSyntax

/// A party id that `stdkit.yml` does not declare.
struct UnknownParty: Rule {
    let description = RuleDescription(
        id: "unknown-party", family: .schema, scope: .document,
        passing: [RuleExample(["stdkit.yml": "parties:\n  - {id: szpt, name: 学院, kind: school}\n",
                               "doc.md": "---\nid: C1\nkind: course\ntitle: T\nowner: szpt\n---\n"])],
        failing: [RuleExample(["stdkit.yml": "parties:\n  - {id: szpt, name: 学院, kind: school}\n",
                               "doc.md": "---\nid: C1\nkind: course\ntitle: T\nowner: ↓sztp\n---\n"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.schemaFindings[description.id] ?? []
    }
}
