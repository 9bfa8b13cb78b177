import StdKitModel
import StdKitSyntax

/// Required sections in an order other than the schema's.
struct SectionOrder: Rule {
    let description = RuleDescription(
        id: "section-order", family: .structure, scope: .document, severity: .warning,
        summary: "a required section is out of order",
        explanation: """
            The sections a kind requires follow a fixed order (for a programme, the ministry's order \
            of elements), so that every standard reads the same way. The finding names the section \
            that should come later.
            """,
        passing: [RuleExample(document: "---\nid: J1\nkind: job-profile\ntitle: 岗位\n---\n\n## 典型工作任务\n\n任务。\n\n## 职业能力要求\n\n- **R1** 要求\n")],
        failing: [RuleExample(document: "---\nid: J1\nkind: job-profile\ntitle: 岗位\n---\n\n## 职业能力要求\n\n- **R1** 要求\n\n↓## 典型工作任务\n\n焊接机器人操作员负责开机。\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for document in context.standardsDocuments {
            guard let schema = context.project.schemas.schema(for: document.kind), schema.sections.count > 1 else { continue }
            var latest: (index: Int, section: Section)?
            for section in document.sections where section.level >= 2 {
                guard let index = context.sectionPosition(of: section.title, kind: document.kind) else { continue }
                if let previous = latest, index < previous.index {
                    findings.append(Diagnostic(
                        rule: description.id, severity: description.severity, file: document.path, location: section.location,
                        message: "section '\(section.title)' should come before '\(previous.section.title)'",
                        notes: [Diagnostic.Note(file: document.path, location: previous.section.location, message: "'\(previous.section.title)' is here")],
                        hint: "move it before '\(previous.section.title)'; the order is \(schema.sections.map { $0.names[0] }.joined(separator: ", "))"))
                } else {
                    latest = (index, section)
                }
            }
        }
        return findings
    }
}
