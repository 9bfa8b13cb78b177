import StdKitModel
import StdKitSyntax

/// A document id that is not of an id's form.
struct MalformedID: Rule {
    let description = RuleDescription(
        id: "malformed-id", family: .schema, scope: .document,
        summary: "a document id is malformed",
        explanation: """
            Ids are what references point at, in every party's files and tools, so they are plain ASCII: a letter first, then letters, digits, `-`, `_` and `.`. Put a Chinese name in `title`.
            """,
        passing: [RuleExample(document: "---\nid: COURSE-ROBOT-PROG\nkind: course\ntitle: 工业机器人编程\n---\n")],
        failing: [RuleExample(document: "---\nid: ↓机器人编程\nkind: course\ntitle: 工业机器人编程\n---\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.schemaFindings[description.id] ?? []
    }
}
