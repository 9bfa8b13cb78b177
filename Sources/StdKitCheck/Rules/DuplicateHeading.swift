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
        // The enclosing headings and the first heading of each sibling key, by position in the
        // document's sections; kept at their size from one document to the next.
        var parents: [Int] = []
        var firsts: [(key: SiblingKey, section: Int)] = []
        for document in context.project.documents {
            let sections = document.sections
            guard sections.count > 1 else { continue }
            parents.removeAll(keepingCapacity: true)
            firsts.removeAll(keepingCapacity: true)
            // Most documents have a few headings: comparing each key with the earlier ones costs
            // less than a dictionary made for each document (a dictionary per document was
            // most of this rule, 3 % of a check of the generated 10,000). Past a few, a
            // dictionary, so that a document of thousands of headings is not read in square time.
            var seen: [SiblingKey: Int]? = sections.count > Self.fewHeadings ? Dictionary(minimumCapacity: sections.count) : nil
            // The sections are read in place: a copy of each was a fifth of the rule.
            for index in sections.indices {
                // Each heading's siblings are those with the same nearest enclosing heading.
                let level = sections[index].level
                while let last = parents.last, sections[last].level >= level { parents.removeLast() }
                let key = SiblingKey(parent: parents.last.map { sections[$0].location }, level: level,
                                     title: context.normalized(sections[index].title))
                let earlier = seen != nil ? seen![key] : firsts.first { $0.key == key }?.section
                if let earlier {
                    findings.append(Diagnostic(
                        rule: description.id, severity: description.severity, file: document.path, location: sections[index].location,
                        message: .repeatsSibling(sections[index].title),
                        notes: [Diagnostic.Note(file: document.path, location: sections[earlier].location,
                                                message: .firstHere(sections[earlier].title))],
                        hint: .mergeSections))
                } else if seen != nil {
                    seen![key] = index
                } else {
                    firsts.append((key, index))
                }
                parents.append(index)
            }
        }
        return findings
    }

    /// Up to this many headings a document's keys are compared one by one.
    static let fewHeadings = 24

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
