import StdKitModel
import StdKitSyntax

/// A pinned reference whose major version no longer matches its target.
struct VersionPinMismatch: Rule {
    let description = RuleDescription(
        id: "version-pin-mismatch", family: .references,
        summary: "a pinned reference no longer matches the target's major version",
        explanation: """
            `DOC@2#R1` says the reference was written against major version 2 of DOC. When DOC's \
            major version changes, an item was removed or renumbered or a target was removed: review \
            what the reference claims, then update the pin.
            """,
        passing: [RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\nversion: 2.1.0\n---\n\n- **R1** 要求\n",
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 目标 → JOB-A@2#R1\n"])],
        failing: [RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\nversion: 3.0.0\n---\n\n- **R1** 要求\n",
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 能完成开机 → ↓JOB-A@2#R1\n"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for document in context.standardsDocuments {
            for reference in document.allReferences {
                guard let pin = reference.syntax.pin else { continue }
                let targetID: String
                switch reference.resolution {
                case .document(let id), .item(let id, _): targetID = id
                default: continue
                }
                guard let target = context.project.document(targetID) else { continue }
                guard let version = target.version, let major = version.split(separator: ".").first.flatMap({ Int($0) }) else {
                    findings.append(Diagnostic(
                        rule: description.id, file: document.path, location: reference.syntax.location,
                        message: "reference '\(reference.syntax.text)' is pinned to version \(pin), but \(targetID) has no version",
                        hint: "give \(targetID) a version, or remove the pin"))
                    continue
                }
                guard major != pin else { continue }
                findings.append(Diagnostic(
                    rule: description.id, file: document.path, location: reference.syntax.location,
                    message: "reference '\(reference.syntax.text)' is pinned to major version \(pin), but \(targetID) is \(version)",
                    notes: [Diagnostic.Note(file: target.path, location: target.location(ofField: "version"), message: "\(targetID)'s version is \(version)")],
                    hint: "review the reference against what changed in \(targetID), then pin it to @\(major)"))
            }
        }
        return findings
    }
}
