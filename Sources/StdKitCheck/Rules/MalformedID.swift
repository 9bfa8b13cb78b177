import StdKitModel
import StdKitSyntax

/// A document id that is not of an id's form.
struct MalformedID: Rule {
    let description = RuleDescription(
        id: "malformed-id", family: .schema, scope: .document,
        passing: [RuleExample(document: "---\nid: COURSE-ROBOT-PROG\nkind: course\ntitle: 工业机器人编程\n---\n")],
        failing: [RuleExample(document: "---\nid: ↓机器人编程\nkind: course\ntitle: 工业机器人编程\n---\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.schemaFindings[description.id] ?? []
    }
}
