import StdKitDiff
import StdKitModel
import StdKitSyntax

/// A document that changed since the base revision but kept its version.
struct VersionNotBumped: Rule {
    let description = RuleDescription(
        id: "version-not-bumped", family: .review, scope: .document, severity: .warning,
        summary: "a changed document kept its version",
        explanation: """
            With a base revision (`--base REV`, or HEAD for `--staged`), each document that changed \
            in meaning must raise its version as far as the change requires: major when an item was \
            removed or renumbered, minor when items or sections were added, patch for wording and \
            metadata. `stdkit version bump` sets it. A warning by default, so that work in progress can \
            be committed; a project that releases from every commit makes it an error in `stdkit.yml`.
            """,
        passing: [RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\nversion: 1.1.0\n---\n\n- **R1** 甲\n- **R2** 乙\n"],
                              base: ["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\nversion: 1.0.0\n---\n\n- **R1** 甲\n"])],
        failing: [RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 焊接岗位\nversion: ↓1.0.0\n---\n\n- **R1** 甲\n- **R2** 乙\n"],
                              base: ["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 焊接岗位\nversion: 1.0.0\n---\n\n- **R1** 甲\n"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.standardsDocuments.compactMap { document in
            guard let id = document.id, let change = context.changesSinceBase[id], change.status == .modified || change.status == .renamed,
                  change.requiredBump > .none, change.declaredBump == Bump.none,
                  let version = document.version, let wanted = change.requiredBump.apply(to: version) else { return nil }
            return Diagnostic(
                rule: description.id, severity: description.severity, file: document.path, location: document.location(ofField: "version"),
                message: "\(id) changed but its version is still \(version); the change requires a \(change.requiredBump.name) bump (\(change.reasons.prefix(3).joined(separator: "; ")))",
                hint: "set version to \(wanted), or run 'stdkit version bump \(document.path)'")
        }
    }
}
