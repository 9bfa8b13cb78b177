import StdKitModel
import StdKitSyntax

/// An approval whose digest no longer matches the document: the content changed after it.
struct ApprovalStale: Rule {
    /// The stdkit.yml of the approval rules' examples.
    static let exampleConfig = "parties:\n  - {id: szpt, name: 学院, kind: school}\n  - {id: acme, name: 企业, kind: enterprise}\n"

    let description = RuleDescription(
        id: "approval-stale", family: .review, scope: .document, severity: .warning,
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
                    message: .staleApproval(party: approval.party, document: document.id ?? document.path, version: approval.version,
                                            date: approval.date, since: since),
                    hint: .approveAgain(party: approval.party, path: document.path))
            }
        }
    }
}

extension Message {
    /// `since` is the diff's summary of the change, nil when the approved text is not in the
    /// history.
    fileprivate static func staleApproval(party: String, document: String, version: String, date: String, since: Message?) -> Message {
        let arguments: [String: Argument] = [
            "party": .verbatim(party), "document": .verbatim(document), "version": .verbatim(version), "date": .verbatim(date),
        ]
        guard let since else { return Message("approval-stale.no-history", arguments) }
        return Message("approval-stale.message", arguments.merging(["changes": .message(since)]) { first, _ in first })
    }

    fileprivate static func approveAgain(party: String, path: String) -> Message {
        Message("approval-stale.hint", ["party": .verbatim(party), "path": .verbatim(path)])
    }
}
