import StdKitModel
import StdKitSyntax

/// An approval by a party that is not among the document's parties.
struct ApprovalUnknownParty: Rule {
    let description = RuleDescription(
        id: "approval-unknown-party", family: .review, scope: .document,
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
                    message: .notAParty(id, document: document.id ?? document.path, parties: document.parties),
                    hint: .correctParty(id))
            }
        }
    }
}

extension Message {
    fileprivate static func notAParty(_ party: String, document: String, parties: [String]) -> Message {
        Message("approval-unknown-party.message", ["party": .verbatim(party), "document": .verbatim(document), "parties": .list(parties, .and)])
    }

    fileprivate static func correctParty(_ party: String) -> Message {
        Message("approval-unknown-party.hint", ["party": .verbatim(party)])
    }
}
