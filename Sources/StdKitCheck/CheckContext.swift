import Foundation
import StdKitDiff
import StdKitModel
import StdKitSyntax

/// What rules look at: the project, and findings computed once for several rules.
public struct CheckContext: Sendable {
    public let project: Project
    /// The revision the version rules compare with (`--base`), if any.
    public let base: Project?
    /// The semantic change of each document since `base`, by document id.
    public let changesSinceBase: [String: DocumentChange]
    /// Diagnostics made while loading (project-level and per document), by rule id.
    private let loadDiagnosticsByRule: [String: [Diagnostic]]
    /// Findings of the schema validation, by rule id.
    public let schemaFindings: [String: [Diagnostic]]
    /// Earlier revisions of the files, for saying what changed since a review (nil outside git).
    public let history: ProjectHistory?
    /// The coverage links and what `.stdkit/links.lock` says of each.
    public let linkReview: LinkReview
    /// Each document's approvals and whether they are current, by path: made once here for
    /// every rule that asks (`approvalState(of:)`).
    let approvalStates: [String: ApprovalState]
    /// Each heading title of the project, normalized for matching (`SectionMatcher`): titles
    /// repeat across documents, so each is normalized once.
    let normalizedTitles: [String: String]
    /// For each kind: normalized section name → its position among the expected sections (the
    /// profile's programme framework or the kind's schema, `Project.expectedSections`).
    let sectionPositions: [String: [String: Int]]
    /// The standards documents (not plain pages), kept once: many rules walk them.
    public let standardsDocuments: [Document]

    public init(project: Project, base: Project? = nil, history: ProjectHistory? = nil) {
        self.project = project
        self.base = base
        self.history = history
        standardsDocuments = project.documents.filter { !$0.isPage }
        // The parts are independent: the link review, the heading titles, the schema validation
        // (itself one task per document) and the comparison with the base run on every core.
        enum Part: Sendable {
            case review(LinkReview)
            case titles([String: String], [String: [String: Int]])
            case schema([[Diagnostic]])
            case changes([String: DocumentChange])
        }
        let standards = standardsDocuments
        let parts = Parallel.map([0, 1, 2, 3]) { index -> Part in
            switch index {
            case 0:
                return .review(LinkReview(project: project))
            case 1:
                var titles: [String: String] = [:]
                var positions: [String: [String: Int]] = [:]
                for document in project.documents {
                    for section in document.sections where titles[section.title] == nil {
                        titles[section.title] = SectionMatcher.normalized(section.title)
                    }
                    guard positions[document.kind] == nil else { continue }
                    positions[document.kind] = SectionMatcher.positions(of: project.expectedSections(ofKind: document.kind))
                }
                return .titles(titles, positions)
            case 2:
                return .schema(Parallel.map(standards) { SchemaValidator(project: project, document: $0).validate() })
            default:
                guard let base else { return .changes([:]) }
                let change = Differ(old: base, new: project).compare()
                return .changes(Dictionary(change.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }))
            }
        }
        var review: LinkReview?
        var titles: [String: String] = [:], positions: [String: [String: Int]] = [:]
        var findings: [String: [Diagnostic]] = [:]
        var changes: [String: DocumentChange] = [:]
        for part in parts {
            switch part {
            case .review(let made): review = made
            case .titles(let madeTitles, let madePositions): (titles, positions) = (madeTitles, madePositions)
            case .schema(let perDocument):
                // In document order, as one pass over them would give.
                for finding in perDocument.joined() { findings[finding.rule, default: []].append(finding) }
            case .changes(let made): changes = made
            }
        }
        linkReview = review ?? LinkReview(project: project)
        approvalStates = Dictionary(project.documents.map { ($0.path, ApprovalState($0)) }, uniquingKeysWith: { first, _ in first })
        normalizedTitles = titles
        sectionPositions = positions
        changesSinceBase = changes
        schemaFindings = findings
        let load = project.diagnostics + project.documents.flatMap(\.diagnostics)
        loadDiagnosticsByRule = Dictionary(grouping: load, by: \.rule)
    }

    /// The diagnostics made while loading that carry rule id `rule`.
    public func loadDiagnostics(rule: String) -> [Diagnostic] {
        loadDiagnosticsByRule[rule] ?? []
    }

    /// Every rule id that loading produced.
    public var loadRuleIDs: Set<String> { Set(loadDiagnosticsByRule.keys) }

    /// A heading title normalized for matching.
    func normalized(_ title: String) -> String {
        normalizedTitles[title] ?? SectionMatcher.normalized(title)
    }

    /// The position in its kind's schema of the section a heading titled `title` is, if any.
    func sectionPosition(of title: String, kind: String) -> Int? {
        sectionPositions[kind]?[normalized(title)]
    }


}

extension CheckContext {
    /// The document's approval state, made once for the whole check.
    public func approvalState(of document: Document) -> ApprovalState {
        approvalStates[document.path] ?? ApprovalState(document)
    }
}
