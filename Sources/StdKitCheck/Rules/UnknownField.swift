import StdKitModel
import StdKitSyntax

/// A front-matter field the kind's schema does not know, usually a misspelling.
struct UnknownField: Rule {
    let description = RuleDescription(
        id: "unknown-field", family: .schema, scope: .document, severity: .warning,
        passing: [RuleExample(document: "---\\nid: JOB-A\\nkind: job-profile\\ntitle: 焊接机器人操作员\\nversion: 1.0.0\\n---\\n\\n## 职业能力要求\\n\\n- **R1** 能完成开机与急停测试。\\n")],
        failing: [RuleExample(document: "---\nid: JOB-A\nkind: job-profile\ntitle: T\n↓titel: T\n---\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.schemaFindings[description.id] ?? []
    }
}
