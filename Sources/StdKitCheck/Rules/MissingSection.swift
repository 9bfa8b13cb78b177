import StdKitModel
import StdKitSyntax

/// A section the kind's schema (or, for a programme, the profile's `programme_sections`)
/// requires is absent.
struct MissingSection: Rule {
    let description = RuleDescription(
        id: "missing-section", family: .structure, scope: .document, severity: .warning,
        passing: [RuleExample(document: "---\nid: J1\nkind: job-profile\ntitle: 岗位\n---\n\n# 岗位\n\n## 一、典型工作任务\n\n任务。\n\n## Requirements\n\n- **R1** 要求\n")],
        failing: [RuleExample(document: "---\nid: J1\nkind: job-profile\ntitle: 岗位\n---\n\n# 岗位\n\n↓## 典型工作任务\n\n焊接机器人操作员负责开机与点检。\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for document in context.standardsDocuments {
            let expected = context.project.expectedSections(ofKind: document.kind)
            guard !expected.isEmpty else { continue }
            let found = document.sections.filter { $0.level >= 2 }.compactMap { section in
                context.sectionPosition(of: section.title, kind: document.kind).map { ($0, section) }
            }
            let present = Set(found.map(\.0))
            for (index, spec) in expected.enumerated() where spec.required && !present.contains(index) {
                // Point at the required section that should come just before the missing one.
                let before = found.filter { $0.0 < index }.max { $0.0 < $1.0 }?.1
                let location = before?.location ?? document.sections.first?.location ?? document.location(ofField: "kind")
                findings.append(Diagnostic(
                    rule: description.id, severity: description.severity, file: document.path, location: location,
                    message: .noSection(kind: document.kind, document: document.id ?? document.path, names: spec.names),
                    hint: before.map { .addSection(spec.names[0], after: $0.title) } ?? .addHeading(spec.names[0])))
            }
        }
        return findings
    }
}

extension Message {
    /// `names`: the section's name, then the other names it is recognised by.
    fileprivate static func noSection(kind: String, document: String, names: [String]) -> Message {
        let arguments: [String: Argument] = ["kind": documentKind(kind), "document": .verbatim(document), "name": .verbatim(names[0])]
        guard names.count > 1 else { return Message("missing-section.message", arguments) }
        return Message("missing-section.message.aliases", arguments.merging(["aliases": .list(Array(names.dropFirst()), .and)]) { a, _ in a })
    }

    fileprivate static func addSection(_ name: String, after previous: String) -> Message {
        Message("missing-section.hint.after", ["name": .verbatim(name), "previous": .verbatim(previous)])
    }

    fileprivate static func addHeading(_ name: String) -> Message {
        Message("missing-section.hint", ["name": .verbatim(name)])
    }
}
