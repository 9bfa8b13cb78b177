import StdKitModel
import StdKitSyntax

/// A learning outcome that names nothing it covers.
struct OutcomeCoversNothing: Rule {
    let description = RuleDescription(
        id: "outcome-covers-nothing", family: .coverage, scope: .document, severity: .warning,
        passing: [RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\n---\n\n- **R1** 要求\n",
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 目标 → JOB-A#R1\n"])],
        failing: [RuleExample(document: "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **↓LO1** 能编写焊接程序\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for document in context.standardsDocuments where document.status != "withdrawn" {
            for item in document.items where item.references.isEmpty {
                guard let family = context.itemKind(of: item.id, in: document), family.coverage else { continue }
                findings.append(Diagnostic(
                    rule: description.id, severity: description.severity, file: document.path, location: item.location,
                    message: .coversNothing(kind: family.name, item: item.fullID), hint: .nameWhatItServes))
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func coversNothing(kind: String, item: String) -> Message {
        Message("outcome-covers-nothing.message", ["kind": itemKind(kind), "item": .verbatim(item)])
    }

    fileprivate static let nameWhatItServes = Message("outcome-covers-nothing.hint")
}
