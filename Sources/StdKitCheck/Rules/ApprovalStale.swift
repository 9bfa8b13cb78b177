import StdKitModel
import StdKitSyntax

/// An approval whose digest no longer matches the document: the content changed after it.
struct ApprovalStale: Rule {
    /// The stdkit.yml of the approval rules' examples.
    static let exampleConfig = "parties:\n  - {id: szpt, name: 学院, kind: school}\n  - {id: acme, name: 企业, kind: enterprise}\n"

    let description = RuleDescription(
        id: "approval-stale", family: .review, scope: .document, severity: .warning,
        summary: "the document changed after a party approved it",
        explanation: """
            An approval is bound to the content it approved by a digest (docs/review.md): when the \
            document changes, every earlier approval becomes stale, and the party should review the \
            change and approve again with `stdkit approve`. Neither recording an approval nor setting `status` changes \
            the digest. When the approved revision is in git history, the message summarises what \
            changed since, from the semantic diff.
            """,
        passing: [RuleExample(["stdkit.yml": exampleConfig,
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\nversion: 1.0.0\nparties: [szpt]\napprovals:\n  - {party: szpt, version: 1.0.0, digest: ba0eefd18a8b1b17114eefb4d65a593cc220bd966957ae1ab4ca89990188679a, by: 王工, date: 2026-11-20}\n---\n"])],
        failing: [RuleExample(["stdkit.yml": exampleConfig,
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程（修订）\nversion: 1.0.0\nparties: [szpt]\napprovals:\n  - ↓{party: szpt, version: 1.0.0, digest: ba0eefd18a8b1b17114eefb4d65a593cc220bd966957ae1ab4ca89990188679a, by: 王工, date: 2026-11-20}\n---\n"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.project.documents.flatMap { document -> [Diagnostic] in
            context.approvalState(of: document).entries.compactMap { entry in
                guard let approval = entry.approval, !entry.isCurrent else { return nil }
                let node = entry.node
                let since = context.history.flatMap { approval.changesSince(in: document, project: context.project, history: $0) }
                return Diagnostic(
                    rule: description.id, severity: description.severity, file: document.path, location: node.location,
                    message: "\(approval.party) approved \(document.id ?? document.path) \(approval.version) on \(approval.date); since then: "
                        + (since ?? "the document changed (the approved revision is not in the git history here)"),
                    hint: "\(approval.party) should review the change ('stdkit diff') and approve again: stdkit approve \(document.path) --party \(approval.party) --by NAME")
            }
        }
    }
}
