import StdKitModel
import StdKitSyntax

/// A heading more than one level deeper than the one before it.
struct SkippedHeadingLevel: Rule {
    let description = RuleDescription(
        id: "skipped-heading-level", family: .structure, scope: .document, severity: .warning,
        passing: [RuleExample(document: "# 标题\n\n## 节\n\n### 小节\n\n文字。\n")],
        failing: [RuleExample(document: "# 标题\n\n## 课程内容\n\n↓#### 弧焊编程\n\n文字。\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for document in context.project.documents {
            for (previous, section) in zip(document.sections, document.sections.dropFirst()) where section.level > previous.level + 1 {
                findings.append(Diagnostic(
                    rule: description.id, severity: description.severity, file: document.path,
                    location: section.location,
                    message: .skippedLevel(section.title, level: section.level, previous: previous.level),
                    hint: .makeLevel(previous.level + 1)))
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func skippedLevel(_ title: String, level: Int, previous: Int) -> Message {
        Message("skipped-heading-level.message", ["title": .verbatim(title), "level": .number(level), "previous": .number(previous)])
    }

    fileprivate static func makeLevel(_ level: Int) -> Message {
        Message("skipped-heading-level.hint", ["level": .number(level), "marks": .verbatim(String(repeating: "#", count: level))])
    }
}
