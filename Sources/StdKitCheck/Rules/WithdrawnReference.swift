import StdKitModel
import StdKitSyntax

/// A reference to a document whose status is `withdrawn`.
struct WithdrawnReference: Rule {
    let description = RuleDescription(
        id: "withdrawn-reference", family: .references, severity: .warning,
        passing: [RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\nstatus: review\n---\n\n- **R1** 要求\n",
                               "course.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 目标 → JOB-A#R1\n"])],
        failing: [RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\nstatus: withdrawn\n---\n\n- **R1** 要求\n",
                               "course.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 能完成开机 → ↓JOB-A#R1\n"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        let project = context.project
        var findings: [Diagnostic] = []
        for document in context.focusedStandardsDocuments where document.status != "withdrawn" {
            for reference in document.everyReference {
                let target: String
                switch reference.resolution {
                case .document(let id), .item(let id, _): target = id
                default: continue
                }
                guard let targetDocument = project.document(target), targetDocument.status == "withdrawn" else { continue }
                let replacement = project.documents.first { $0.frontMatter?["replaces"]?.scalar == target && $0.status != "withdrawn" }
                findings.append(Diagnostic(
                    rule: description.id, severity: description.severity, file: document.path, location: reference.syntax.location,
                    message: .withdrawn(reference.syntax.text, target: target, replacement: replacement?.id),
                    notes: [Diagnostic.Note(file: targetDocument.path, location: targetDocument.location(ofField: "status"),
                                            message: .withdrawnHere(target))],
                    hint: replacement?.id.map { .referToReplacement($0, replacing: target) } ?? .referElsewhere(target),
                    // Not the document's own `replaces`, pointed at the document itself.
                    fixes: replacement?.path == document.path ? []
                        : Fix.pointing(reference, toDocument: replacement?.id, resolvesTo: replacement, in: document)))
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func withdrawn(_ reference: String, target: String, replacement: String?) -> Message {
        Message("withdrawn-reference.message", [
            "reference": .verbatim(reference), "target": .verbatim(target), "suggestion": didYouMean(replacement),
        ])
    }

    fileprivate static func withdrawnHere(_ target: String) -> Message {
        Message("withdrawn-reference.note", ["target": .verbatim(target)])
    }

    fileprivate static func referToReplacement(_ replacement: String, replacing target: String) -> Message {
        Message("withdrawn-reference.hint.replacement", ["replacement": .verbatim(replacement), "target": .verbatim(target)])
    }

    fileprivate static func referElsewhere(_ target: String) -> Message {
        Message("withdrawn-reference.hint", ["target": .verbatim(target)])
    }
}
