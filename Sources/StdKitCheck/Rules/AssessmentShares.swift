import StdKitModel
import StdKitSyntax

/// A joint assessment whose shares by party do not add up to 100 or name a party the project
/// does not declare: an apprenticeship's `assessment`, a course's `assessed_by`.
struct AssessmentShares: Rule {
    /// The field holding the shares, by kind.
    static let fields = ["apprenticeship": "assessment", "course": "assessed_by"]

    let description = RuleDescription(
        id: "assessment-shares", family: .arithmetic, scope: .document,
        passing: [CooperationExample.project(["a.md": CooperationExample.apprenticeship("cohort: {year: 2026, size: 10}\nassessment: {yhzy: 50, hnauto: 50}\n"),
                                              "c.md": "---\nid: C1\nkind: course\ntitle: 课程\nassessed_by: {yhzy: 60, hnauto: 40}\n---\n"])],
        failing: [CooperationExample.project(["a.md": CooperationExample.apprenticeship("cohort: {year: 2026, size: 10}\nassessment: ↓{yhzy: 50, hnauto: 40}  # 校企各半\n"),
                                              "c.md": "---\nid: C1\nkind: course\ntitle: 课程\nassessed_by: ↓{yhzy: 70, hnauto: 20}\n---\n"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (kind, field) in Self.fields.sorted(by: { $0.key < $1.key }) {
            for document in context.documents(ofKind: kind) {
                guard let node = document.frontMatter?[field], let pairs = node.mapping else { continue }
                let owner = document.id ?? document.path
                // A `party-map` field's keys are checked against the parties by the schema check
                // (`unknown-party`); a field of another type is checked here, so a party is
                // reported once.
                let schemaChecksParties: Bool
                if case .partyMap = context.project.schemas.schema(for: kind)?.field(field)?.type ?? .any { schemaChecksParties = true } else { schemaChecksParties = false }
                if !schemaChecksParties, !context.project.config.parties.isEmpty {
                    let declared = context.project.config.parties.map(\.id)
                    for pair in pairs {
                        guard let party = pair.key.scalar, context.project.party(party) == nil else { continue }
                        let suggestion = Suggestion.closest(to: party, among: declared)
                        // Renamed to a party the mapping has already, the key would be there twice.
                        let free = suggestion.flatMap { candidate in pairs.contains { $0.key.scalar == candidate } ? nil : candidate }
                        findings.append(Diagnostic(
                            rule: description.id, severity: description.severity, file: document.path, location: pair.key.location,
                            message: .unknownParty(party, field: field, document: owner, suggestion: suggestion),
                            hint: .declared(declared), fixes: Fix.replacing(pair.key, with: free, in: document)))
                    }
                }
                let shares = pairs.map { CourseTable.number($0.value) }
                guard !shares.isEmpty, shares.allSatisfy({ $0 != nil }) else { continue }
                let sum = shares.compactMap { $0 }.reduce(0, +)
                guard abs(sum - 100) > 0.001 else { continue }
                findings.append(Diagnostic(
                    rule: description.id, severity: description.severity, file: document.path, location: node.location,
                    message: .sumNot100(field: field, document: owner, sum: sum), hint: .correctShares))
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func sumNot100(field: String, document: String, sum: Double) -> Message {
        Message("assessment-shares.message", ["field": .verbatim(field), "document": .verbatim(document), "sum": .verbatim(Figures.number(sum))])
    }

    fileprivate static let correctShares = Message("assessment-shares.hint")

    fileprivate static func unknownParty(_ party: String, field: String, document: String, suggestion: String?) -> Message {
        Message("assessment-shares.party", ["party": .verbatim(party), "field": .verbatim(field), "document": .verbatim(document), "suggestion": didYouMean(suggestion)])
    }

    fileprivate static func declared(_ parties: [String]) -> Message {
        Message("assessment-shares.party.hint", ["parties": .list(parties, .and)])
    }
}
