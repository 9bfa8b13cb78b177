import StdKitModel
import StdKitSyntax

/// A document marked approved or published without a current approval from each of its parties.
struct ApprovalMissing: Rule {
    let description = RuleDescription(
        id: "approval-missing", family: .review, scope: .document,
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
            let detail = lacking.map { Message.lackingParty($0, stale: stale.contains($0)) }
            return Diagnostic(
                rule: description.id, severity: description.severity, file: document.path, location: document.location(ofField: "status"),
                message: .noCurrentApproval(document.id ?? document.path, status: status, lacking: detail),
                hint: .eachPartyApproves(document.path))
        }
    }
}

extension Message {
    fileprivate static func lackingParty(_ party: String, stale: Bool) -> Message {
        Message(stale ? "approval-missing.stale-party" : "approval-missing.party", ["party": .verbatim(party)])
    }

    fileprivate static func noCurrentApproval(_ document: String, status: String, lacking: [Message]) -> Message {
        Message("approval-missing.message", [
            "document": .verbatim(document), "status": .verbatim(status), "parties": .messages(lacking, .and),
        ])
    }

    fileprivate static func eachPartyApproves(_ path: String) -> Message {
        Message("approval-missing.hint", ["path": .verbatim(path)])
    }
}
