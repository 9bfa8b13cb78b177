import StdKitModel
import StdKitSyntax

/// Two sibling headings with the same title.
struct DuplicateHeading: Rule {
    let description = RuleDescription(
        id: "duplicate-heading", family: .structure, scope: .document, severity: .warning,
        summary: "two headings under the same parent have the same title",
        explanation: """
            Sibling sections with the same title are ambiguous for readers and give the published \
            page two anchors that differ only by a number. The same title under different parents \
            (素质 under two programmes' 培养规格) is fine.
            """,
        passing: [RuleExample(document: "# 甲\n\n## 目标\n\n文字。\n\n# 乙\n\n## 目标\n\n文字。\n")],
        failing: [RuleExample(document: "# 标题\n\n## 课程目标\n\n文字。\n\n↓## 课程目标\n\n重复。\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for document in context.project.documents {
            // Each heading's siblings are those with the same nearest enclosing heading.
            var parents: [Section] = []
            var seen: [String: Section] = [:]
            for section in document.sections {
                while let last = parents.last, last.level >= section.level { parents.removeLast() }
                let key = "\(parents.last.map { "\($0.location)" } ?? "root")|\(section.level)|\(context.normalized(section.title))"
                if let first = seen[key] {
                    findings.append(Diagnostic(
                        rule: description.id, severity: description.severity, file: document.path, location: section.location,
                        message: "heading '\(section.title)' repeats a sibling heading",
                        notes: [Diagnostic.Note(file: document.path, location: first.location, message: "'\(first.title)' is first here")],
                        hint: "merge the two sections, or give this one a distinct title"))
                } else {
                    seen[key] = section
                }
                parents.append(section)
            }
        }
        return findings
    }
}
