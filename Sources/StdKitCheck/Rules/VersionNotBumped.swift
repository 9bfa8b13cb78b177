import StdKitDiff
import StdKitModel
import StdKitSyntax

/// A document that changed since the base revision but kept its version.
struct VersionNotBumped: Rule {
    let description = RuleDescription(
        id: "version-not-bumped", family: .review, scope: .document, severity: .warning,
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
                message: .notBumped(id, version: version, required: change.requiredBump, reasons: change.reasons),
                hint: .setVersionOrBump(wanted, path: document.path),
                fixes: document.frontMatter?["version"].map { Fix.replacing($0, with: wanted, in: document) } ?? [])
        }
    }
}

extension Message {
    fileprivate static func notBumped(_ id: String, version: String, required: Bump, reasons: [Message]) -> Message {
        Message("version-not-bumped.message", [
            "id": .verbatim(id), "version": .verbatim(version), "bump": bump(required), "reasons": Message.reasons(reasons),
        ])
    }

    fileprivate static func setVersionOrBump(_ version: String, path: String) -> Message {
        Message("version-not-bumped.hint", ["version": .verbatim(version), "path": .verbatim(path)])
    }
}
