import StdKitModel
import StdKitSyntax

/// A reference to a document whose status is `withdrawn`.
struct WithdrawnReference: Rule {
    let description = RuleDescription(
        id: "withdrawn-reference", family: .references, severity: .warning,
        summary: "a reference points at a withdrawn document",
        explanation: """
            A withdrawn document no longer applies; what refers to it must move to the document that \
            replaces it. The finding names the replacement when a document declares `replaces:` for \
            the withdrawn one.
            """,
        passing: [RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\nstatus: review\n---\n\n- **R1** 要求\n",
                               "course.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 目标 → JOB-A#R1\n"])],
        failing: [RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\nstatus: withdrawn\n---\n\n- **R1** 要求\n",
                               "course.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 能完成开机 → ↓JOB-A#R1\n"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        let project = context.project
        var findings: [Diagnostic] = []
        for document in context.standardsDocuments where document.status != "withdrawn" {
            for reference in document.allReferences {
                let target: String
                switch reference.resolution {
                case .document(let id), .item(let id, _): target = id
                default: continue
                }
                guard let targetDocument = project.document(target), targetDocument.status == "withdrawn" else { continue }
                let replacement = project.documents.first { $0.frontMatter?["replaces"]?.scalar == target && $0.status != "withdrawn" }
                findings.append(Diagnostic(
                    rule: description.id, severity: description.severity, file: document.path, location: reference.syntax.location,
                    message: "reference '\(reference.syntax.text)' points at \(target), which is withdrawn"
                        + (replacement?.id.map { "; did you mean '\($0)'?" } ?? ""),
                    notes: [Diagnostic.Note(file: targetDocument.path, location: targetDocument.location(ofField: "status"),
                                            message: "\(target) is withdrawn here")],
                    hint: replacement?.id.map { "\($0) replaces \(target): refer to it instead" }
                        ?? "refer to the document that replaces \(target), or remove the reference"))
            }
        }
        return findings
    }
}
