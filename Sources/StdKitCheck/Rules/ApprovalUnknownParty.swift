import StdKitModel
import StdKitSyntax

/// An approval by a party that is not among the document's parties.
struct ApprovalUnknownParty: Rule {
    let description = RuleDescription(
        id: "approval-unknown-party", family: .review, scope: .document,
        summary: "an approval is by a party that is not among the document's parties",
        explanation: """
            Only the parties listed in a document's `parties` approve it. An approval by another \
            party is most often a typing error in `party`, or a party that was removed from \
            `parties`: correct it, or add the party to `parties` if it co-authors the document.
            """,
        passing: [RuleExample(["stdkit.yml": ApprovalStale.exampleConfig,
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\nversion: 1.0.0\nparties: [szpt]\n---\n"])],
        failing: [RuleExample(["stdkit.yml": ApprovalStale.exampleConfig,
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\nversion: 1.0.0\nparties: [szpt]\napprovals:\n  - {party: ↓acme, version: 1.0.0, digest: ba0eefd18a8b1b17114eefb4d65a593cc220bd966957ae1ab4ca89990188679a, by: 王工, date: 2026-11-20}\n---\n"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.project.documents.flatMap { document -> [Diagnostic] in
            (document.frontMatter?["approvals"]?.sequence ?? []).compactMap { node in
                guard let party = node["party"], let id = party.scalar, !document.parties.contains(id) else { return nil }
                return Diagnostic(
                    rule: description.id, severity: description.severity, file: document.path, location: party.location,
                    message: "\(id) approved \(document.id ?? document.path) but is not among its parties [\(document.parties.joined(separator: ", "))]",
                    hint: "correct the party, or add \(id) to 'parties'")
            }
        }
    }
}
