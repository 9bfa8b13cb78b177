import StdKitModel
import StdKitSyntax

/// A programme specification that no course outcome serves.
struct UnservedSpecification: Rule {
    let description = RuleDescription(
        id: "unserved-specification", family: .coverage, severity: .warning,
        passing: [RuleExample(["p.md": "---\nid: P1\nkind: programme\ntitle: 方案\n---\n\n- **S1** 规格\n",
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 目标 → P1#S1\n"])],
        failing: [RuleExample(["p.md": "---\nid: P1\nkind: programme\ntitle: 方案\n---\n\n- **S1** 规格\n- **↓S2** 具有安全意识\n",
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 目标 → P1#S1\n"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.uncoveredItems { $0.kind == "programme" }.map { document, item, family in
            Diagnostic(
                rule: description.id, severity: description.severity, file: document.path, location: item.location,
                message: .unserved(kind: family.name, item: item.fullID), hint: .addToOutcome(item.fullID))
        }
    }
}

extension Message {
    fileprivate static func unserved(kind: String, item: String) -> Message {
        Message("unserved-specification.message", ["kind": itemKind(kind), "item": .verbatim(item)])
    }

    fileprivate static func addToOutcome(_ item: String) -> Message {
        Message("unserved-specification.hint", ["item": .verbatim(item)])
    }
}
