import StdKitModel
import StdKitSyntax

/// A job requirement that no learning outcome covers: a gap between what the enterprise needs
/// and what the school teaches.
struct UncoveredRequirement: Rule {
    let description = RuleDescription(
        id: "uncovered-requirement", family: .coverage, severity: .warning,
        summary: "a requirement is covered by no learning outcome",
        explanation: """
            Every requirement of a job profile (items `R*`) should be covered by at least one course \
            outcome (`LO*` with `→ JOB#R*`). An uncovered requirement is a gap in the curriculum: \
            add it after the arrow of the outcome that teaches it, or add an outcome.
            """,
        passing: [RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\n---\n\n- **R1** 要求\n",
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 目标 → JOB-A#R1\n"])],
        failing: [RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\n---\n\n- **R1** 要求\n- **↓R2** 能调试焊接轨迹\n",
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 目标 → JOB-A#R1\n"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.uncoveredItems { $0.kind != "programme" }.map { document, item, family in
            Diagnostic(
                rule: description.id, severity: description.severity, file: document.path, location: item.location,
                message: "\(family.name) \(item.fullID) is covered by no learning outcome",
                hint: "add '\(item.fullID)' after the arrow of the outcome that teaches it")
        }
    }
}
