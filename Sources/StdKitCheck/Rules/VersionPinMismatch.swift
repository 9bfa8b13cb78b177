import StdKitModel
import StdKitSyntax

/// A pinned reference whose major version no longer matches its target.
struct VersionPinMismatch: Rule {
    let description = RuleDescription(
        id: "version-pin-mismatch", family: .references,
        passing: [RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\nversion: 2.1.0\n---\n\n- **R1** 要求\n",
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 目标 → JOB-A@2#R1\n"])],
        failing: [RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\nversion: 3.0.0\n---\n\n- **R1** 要求\n",
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 能完成开机 → ↓JOB-A@2#R1\n"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for document in context.focusedStandardsDocuments {
            for reference in document.everyReference {
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
                        message: .pinnedWithoutVersion(reference.syntax.text, pin: String(pin), target: targetID),
                        hint: .giveVersion(targetID)))
                    continue
                }
                guard major != pin else { continue }
                findings.append(Diagnostic(
                    rule: description.id, file: document.path, location: reference.syntax.location,
                    message: .pinMismatch(reference.syntax.text, pin: String(pin), target: targetID, version: version),
                    notes: [Diagnostic.Note(file: target.path, location: target.location(ofField: "version"), message: .versionIs(targetID, version))],
                    hint: .repin(targetID, major: String(major))))
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func pinnedWithoutVersion(_ reference: String, pin: String, target: String) -> Message {
        Message("version-pin-mismatch.no-version", ["reference": .verbatim(reference), "pin": .verbatim(pin), "target": .verbatim(target)])
    }

    fileprivate static func giveVersion(_ target: String) -> Message {
        Message("version-pin-mismatch.no-version.hint", ["target": .verbatim(target)])
    }

    fileprivate static func pinMismatch(_ reference: String, pin: String, target: String, version: String) -> Message {
        Message("version-pin-mismatch.message", [
            "reference": .verbatim(reference), "pin": .verbatim(pin), "target": .verbatim(target), "version": .verbatim(version),
        ])
    }

    fileprivate static func versionIs(_ target: String, _ version: String) -> Message {
        Message("version-pin-mismatch.note", ["target": .verbatim(target), "version": .verbatim(version)])
    }

    fileprivate static func repin(_ target: String, major: String) -> Message {
        Message("version-pin-mismatch.hint", ["target": .verbatim(target), "major": .verbatim(major)])
    }
}
