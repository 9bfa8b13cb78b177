import StdKitModel
import StdKitSyntax

/// A required front-matter field is absent or empty.
struct MissingField: Rule {
    let description = RuleDescription(
        id: "missing-field", family: .schema, scope: .document,
        passing: [RuleExample(document: "---\\nid: JOB-A\\nkind: job-profile\\ntitle: 焊接机器人操作员\\nversion: 1.0.0\\n---\\n\\n## 职业能力要求\\n\\n- **R1** 能完成开机与急停测试。\\n")],
        failing: [RuleExample(document: "---\n↓id: JOB-A\nkind: job-profile\n---\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.schemaFindings[description.id] ?? []
    }
}
