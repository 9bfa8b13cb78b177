import StdKitModel
import StdKitSyntax

/// A heading with nothing under it.
struct EmptySection: Rule {
    let description = RuleDescription(
        id: "empty-section", family: .structure, scope: .document, severity: .warning,
        passing: [RuleExample(document: "# 标题\n\n## 课程目标\n\n目标。\n\n## 考核评价\n\n### 过程考核\n\n占 60%。\n")],
        failing: [RuleExample(document: "# 标题\n\n↓## 课程目标\n\n## 考核评价\n\n过程考核占 60%。\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for document in context.project.documents {
            let sections = document.sections
            for (index, section) in sections.enumerated() where section.level >= 2 && section.itemID == nil && !section.hasContent {
                let next = index + 1 < sections.count ? sections[index + 1] : nil
                if let next, next.level > section.level { continue }  // it has subsections
                findings.append(Diagnostic(
                    rule: description.id, severity: description.severity, file: document.path, location: section.location,
                    message: .emptySection(section.title), hint: .writeContent))
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func emptySection(_ title: String) -> Message {
        Message("empty-section.message", ["title": .verbatim(title)])
    }

    fileprivate static let writeContent = Message("empty-section.hint")
}
