import StdKitModel
import StdKitSyntax

/// A job requirement that no learning outcome covers: a gap between what the enterprise needs
/// and what the school teaches.
struct UncoveredRequirement: Rule {
    let description = RuleDescription(
        id: "uncovered-requirement", family: .coverage, severity: .warning,
        passing: [RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\n---\n\n- **R1** 要求\n",
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 目标 → JOB-A#R1\n"])],
        failing: [RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\n---\n\n- **R1** 要求\n- **↓R2** 能调试焊接轨迹\n",
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 目标 → JOB-A#R1\n"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.uncoveredItems { $0.kind != "programme" }.map { document, item, family in
            Diagnostic(
                rule: description.id, severity: description.severity, file: document.path, location: item.location,
                message: .uncovered(kind: family.name, item: item.fullID), hint: .addAfterArrow(item.fullID))
        }
    }
}

extension Message {
    fileprivate static func uncovered(kind: String, item: String) -> Message {
        Message("uncovered-requirement.message", ["kind": itemKind(kind), "item": .verbatim(item)])
    }

    fileprivate static func addAfterArrow(_ item: String) -> Message {
        Message("uncovered-requirement.hint", ["item": .verbatim(item)])
    }
}
