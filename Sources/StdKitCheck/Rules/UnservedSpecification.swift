import StdKitModel
import StdKitSyntax

/// A programme specification that no course outcome serves.
struct UnservedSpecification: Rule {
    let description = RuleDescription(
        id: "unserved-specification", family: .coverage, severity: .warning,
        summary: "a training specification is served by no course outcome",
        explanation: """
            Every training specification of a programme (items `S*`, 素质/知识/能力) should be served \
            by at least one course outcome that names it after its arrow. A specification no course \
            serves is a promise the curriculum does not keep.
            """,
        passing: [RuleExample(["p.md": "---\nid: P1\nkind: programme\ntitle: 方案\n---\n\n- **S1** 规格\n",
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 目标 → P1#S1\n"])],
        failing: [RuleExample(["p.md": "---\nid: P1\nkind: programme\ntitle: 方案\n---\n\n- **S1** 规格\n- **↓S2** 具有安全意识\n",
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 目标 → P1#S1\n"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.uncoveredItems { $0.kind == "programme" }.map { document, item, family in
            Diagnostic(
                rule: description.id, severity: description.severity, file: document.path, location: item.location,
                message: "\(family.name) \(item.fullID) is served by no course outcome",
                hint: "add '\(item.fullID)' after the arrow of an outcome of a course that serves it")
        }
    }
}
