import StdKitModel
import StdKitSyntax

/// A heading more than one level deeper than the one before it.
struct SkippedHeadingLevel: Rule {
    let description = RuleDescription(
        id: "skipped-heading-level", family: .structure, scope: .document, severity: .warning,
        summary: "a heading skips a level",
        explanation: """
            Heading levels go down one at a time (`##` then `###`); a jump from `##` to `####` breaks \
            the outline of the published page and the table of contents.
            """,
        passing: [RuleExample(document: "# 标题\n\n## 节\n\n### 小节\n\n文字。\n")],
        failing: [RuleExample(document: "# 标题\n\n## 课程内容\n\n↓#### 弧焊编程\n\n文字。\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for document in context.project.documents {
            for (previous, section) in zip(document.sections, document.sections.dropFirst()) where section.level > previous.level + 1 {
                findings.append(Diagnostic(
                    rule: description.id, severity: description.severity, file: document.path,
                    location: section.location,
                    message: "heading '\(section.title)' is level \(section.level) after a level \(previous.level) heading",
                    hint: "make it level \(previous.level + 1) (\(String(repeating: "#", count: previous.level + 1)))"))
            }
        }
        return findings
    }
}
