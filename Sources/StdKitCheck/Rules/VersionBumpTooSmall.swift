import StdKitDiff
import StdKitModel
import StdKitSyntax

/// A document whose version rose less than its change requires.
struct VersionBumpTooSmall: Rule {
    let description = RuleDescription(
        id: "version-bump-too-small", family: .review, scope: .document, severity: .warning,
        summary: "a document's version rose less than its change requires",
        explanation: """
            Removing or renumbering an item breaks what refers to it, so it needs a major bump even \
            if only a word changed elsewhere; adding items needs at least a minor one. The finding \
            names the change that requires more.
            """,
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
                message: "\(id) went from \(oldVersion) to \(document.version ?? ""), a \(declared.name) bump, but its change requires \(change.requiredBump.name) (\(change.reasons.prefix(3).joined(separator: "; ")))",
                hint: "set version to \(wanted)")
        }
    }
}
