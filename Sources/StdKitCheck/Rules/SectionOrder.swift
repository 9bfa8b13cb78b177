import StdKitModel
import StdKitSyntax

/// Required sections in an order other than the schema's (or the profile's framework, for a
/// programme: `Project.expectedSections`).
struct SectionOrder: Rule {
    let description = RuleDescription(
        id: "section-order", family: .structure, scope: .document, severity: .warning,
        passing: [RuleExample(document: "---\nid: J1\nkind: job-profile\ntitle: 岗位\n---\n\n## 典型工作任务\n\n任务。\n\n## 职业能力要求\n\n- **R1** 要求\n")],
        failing: [RuleExample(document: "---\nid: J1\nkind: job-profile\ntitle: 岗位\n---\n\n## 职业能力要求\n\n- **R1** 要求\n\n↓## 典型工作任务\n\n焊接机器人操作员负责开机。\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for document in context.standardsDocuments {
            let expected = context.project.expectedSections(ofKind: document.kind)
            guard expected.count > 1 else { continue }
            var latest: (index: Int, section: Section)?
            for section in document.sections where section.level >= 2 {
                guard let index = context.sectionPosition(of: section.title, kind: document.kind) else { continue }
                if let previous = latest, index < previous.index {
                    findings.append(Diagnostic(
                        rule: description.id, severity: description.severity, file: document.path, location: section.location,
                        message: .outOfOrder(section.title, before: previous.section.title),
                        notes: [Diagnostic.Note(file: document.path, location: previous.section.location, message: .sectionIsHere(previous.section.title))],
                        hint: .moveBefore(previous.section.title, order: expected.map { $0.names[0] })))
                } else {
                    latest = (index, section)
                }
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func outOfOrder(_ title: String, before previous: String) -> Message {
        Message("section-order.message", ["title": .verbatim(title), "previous": .verbatim(previous)])
    }

    fileprivate static func sectionIsHere(_ title: String) -> Message {
        Message("section-order.note", ["title": .verbatim(title)])
    }

    fileprivate static func moveBefore(_ previous: String, order: [String]) -> Message {
        Message("section-order.hint", ["previous": .verbatim(previous), "order": .list(order, .and)])
    }
}
