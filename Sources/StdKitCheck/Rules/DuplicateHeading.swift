import StdKitModel
import StdKitSyntax

/// Two sibling headings with the same title.
struct DuplicateHeading: Rule {
    let description = RuleDescription(
        id: "duplicate-heading", family: .structure, scope: .document, severity: .warning,
        passing: [RuleExample(document: "# 甲\n\n## 目标\n\n文字。\n\n# 乙\n\n## 目标\n\n文字。\n")],
        failing: [RuleExample(document: "# 标题\n\n## 课程目标\n\n文字。\n\n↓## 课程目标\n\n重复。\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for document in context.project.documents {
            // Each heading's siblings are those with the same nearest enclosing heading.
            var parents: [Section] = []
            var seen: [SiblingKey: Section] = [:]
            for section in document.sections {
                while let last = parents.last, last.level >= section.level { parents.removeLast() }
                let key = SiblingKey(parent: parents.last?.location, level: section.level, title: context.normalized(section.title))
                if let first = seen[key] {
                    findings.append(Diagnostic(
                        rule: description.id, severity: description.severity, file: document.path, location: section.location,
                        message: .repeatsSibling(section.title),
                        notes: [Diagnostic.Note(file: document.path, location: first.location, message: .firstHere(first.title))],
                        hint: .mergeSections))
                } else {
                    seen[key] = section
                }
                parents.append(section)
            }
        }
        return findings
    }

    /// Siblings: the same nearest enclosing heading (nil at the top), level and normalized
    /// title. A value, not a string made of them: the string was formatted and hashed for every
    /// heading of the project.
    private struct SiblingKey: Hashable {
        var parent: SourceLocation?
        var level: Int
        var title: String
    }
}

extension Message {
    fileprivate static func repeatsSibling(_ title: String) -> Message {
        Message("duplicate-heading.message", ["title": .verbatim(title)])
    }

    fileprivate static func firstHere(_ title: String) -> Message {
        Message("duplicate-heading.note", ["title": .verbatim(title)])
    }

    fileprivate static let mergeSections = Message("duplicate-heading.hint")
}
