import StdKitModel
import StdKitSyntax

/// A document marked approved or published without a current approval from each of its parties.
struct ApprovalMissing: Rule {
    let description = RuleDescription(
        id: "approval-missing", family: .review, scope: .document,
        summary: "an approved or published document lacks a party's current approval",
        explanation: """
            `status: approved` or `published` says that every party in `parties` signed off on this \
            content: each needs an approval whose digest matches the document as it is now. Ask \
            the parties named to review and run `stdkit approve`, or set the status back to \
            `review`.
            """,
        passing: [RuleExample(["stdkit.yml": ApprovalStale.exampleConfig,
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\nversion: 1.0.0\nstatus: review\nparties: [szpt, acme]\n---\n"])],
        failing: [RuleExample(["stdkit.yml": ApprovalStale.exampleConfig,
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\nversion: 1.0.0\nstatus: ↓approved\nparties: [szpt, acme]\napprovals:\n  - {party: szpt, version: 1.0.0, digest: 1ad2af61c0b63e9b067a416f7a0b6a6acefdfd4bfba836b959b53c4558455959, by: 王工, date: 2026-11-20}\n---\n"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.project.documents.compactMap { document in
            guard let status = document.status, status == "approved" || status == "published", !document.parties.isEmpty else { return nil }
            let state = context.approvalState(of: document)
            let approvals = state.approvals
            let current = state.currentParties
            let lacking = document.parties.filter { !current.contains($0) }
            guard !lacking.isEmpty else { return nil }
            let stale = Set(approvals.map(\.party)).intersection(lacking)
            let detail = lacking.map { stale.contains($0) ? "\($0) (its approval is stale)" : $0 }.joined(separator: ", ")
            return Diagnostic(
                rule: description.id, severity: description.severity, file: document.path, location: document.location(ofField: "status"),
                message: "\(document.id ?? document.path) is \(status) but has no current approval from \(detail)",
                hint: "each party runs: stdkit approve \(document.path) --party ID --by NAME; or set 'status: review' until they have")
        }
    }
}
