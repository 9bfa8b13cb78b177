import StdKitModel
import StdKitSyntax

/// A section the kind's schema requires is absent.
struct MissingSection: Rule {
    let description = RuleDescription(
        id: "missing-section", family: .structure, scope: .document, severity: .warning,
        summary: "a required section is missing",
        explanation: """
            Each kind lists the sections its documents must have (a course standard: 课程性质与任务, \
            课程目标, 课程内容与学时分配, 考核评价; a programme: the eleven elements of the ministry). \
            A heading matches in Chinese or English as the schema lists it, with or without \
            numbering such as 一、 or 2.
            """,
        passing: [RuleExample(document: "---\nid: J1\nkind: job-profile\ntitle: 岗位\n---\n\n# 岗位\n\n## 一、典型工作任务\n\n任务。\n\n## Requirements\n\n- **R1** 要求\n")],
        failing: [RuleExample(document: "---\nid: J1\nkind: job-profile\ntitle: 岗位\n---\n\n# 岗位\n\n↓## 典型工作任务\n\n焊接机器人操作员负责开机与点检。\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for document in context.standardsDocuments {
            guard let schema = context.project.schemas.schema(for: document.kind), !schema.sections.isEmpty else { continue }
            let found = document.sections.filter { $0.level >= 2 }.compactMap { section in
                context.sectionPosition(of: section.title, kind: document.kind).map { ($0, section) }
            }
            let present = Set(found.map(\.0))
            for (index, spec) in schema.sections.enumerated() where spec.required && !present.contains(index) {
                // Point at the required section that should come just before the missing one.
                let before = found.filter { $0.0 < index }.max { $0.0 < $1.0 }?.1
                let location = before?.location ?? document.sections.first?.location ?? document.location(ofField: "kind")
                let names = spec.names.count > 1 ? "'\(spec.names[0])' (\(spec.names.dropFirst().joined(separator: ", ")))" : "'\(spec.names[0])'"
                findings.append(Diagnostic(
                    rule: description.id, severity: description.severity, file: document.path, location: location,
                    message: "\(document.kind) \(document.id ?? document.path) has no section \(names)",
                    hint: before.map { "add '## \(spec.names[0])' after '\($0.title)'" } ?? "add a heading '## \(spec.names[0])'"))
            }
        }
        return findings
    }
}
