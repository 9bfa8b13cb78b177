import StdKitDiff
import StdKitModel
import StdKitSyntax

/// A document whose version rose less than its change requires.
struct VersionBumpTooSmall: Rule {
    let description = RuleDescription(
        id: "version-bump-too-small", family: .review, scope: .document, severity: .warning,
        passing: [RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\nversion: 2.0.0\n---\n\n- **R1** 甲\n"],
                              base: ["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\nversion: 1.0.0\n---\n\n- **R1** 甲\n- **R2** 乙\n"])],
        failing: [RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 焊接岗位\nversion: ↓1.0.1\n---\n\n- **R1** 甲\n"],
                              base: ["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 焊接岗位\nversion: 1.0.0\n---\n\n- **R1** 甲\n- **R2** 乙\n"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.standardsDocuments.compactMap { document in
            guard let id = document.id, let change = context.changesSinceBase[id], let declared = change.declaredBump,
                  declared > .none, declared < change.requiredBump,
                  let oldVersion = change.oldVersion, let wanted = change.requiredBump.apply(to: oldVersion) else { return nil }
            return Diagnostic(
                rule: description.id, severity: description.severity, file: document.path, location: document.location(ofField: "version"),
                message: .bumpTooSmall(id, from: oldVersion, to: document.version ?? "", declared: declared, required: change.requiredBump,
                                       reasons: change.reasons),
                hint: .setVersion(wanted),
                fixes: document.frontMatter?["version"].map { Fix.replacing($0, with: wanted, in: document) } ?? [])
        }
    }
}

extension Message {
    fileprivate static func bumpTooSmall(_ id: String, from old: String, to new: String, declared: Bump, required: Bump, reasons: [Message]) -> Message {
        Message("version-bump-too-small.message", [
            "id": .verbatim(id), "old": .verbatim(old), "new": .verbatim(new), "declared": bump(declared), "required": bump(required),
            "reasons": Message.reasons(reasons),
        ])
    }

    fileprivate static func setVersion(_ version: String) -> Message {
        Message("version-bump-too-small.hint", ["version": .verbatim(version)])
    }
}
