import StdKitModel
import StdKitSyntax

/// A required front-matter field is absent or empty.
struct MissingField: Rule {
    let description = RuleDescription(
        id: "missing-field", family: .schema, scope: .document,
        summary: "a required front-matter field is missing or empty",
        explanation: """
            Every standards document needs `id`, `kind` and `title`; a kind's schema may require more (a programme's `major.name`, each course entry's `id` and `category`). The finding names the field and where to add it.
            """,
        passing: [RuleExample(document: "---\\nid: JOB-A\\nkind: job-profile\\ntitle: 焊接机器人操作员\\nversion: 1.0.0\\n---\\n\\n## 职业能力要求\\n\\n- **R1** 能完成开机与急停测试。\\n")],
        failing: [RuleExample(document: "---\n↓id: JOB-A\nkind: job-profile\n---\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.schemaFindings[description.id] ?? []
    }
}
