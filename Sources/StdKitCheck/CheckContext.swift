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
    /// Each heading title of the project, normalized for matching (`SectionMatcher`): titles
    /// repeat across documents, so each is normalized once.
    let normalizedTitles: [String: String]
    /// For each kind with expected sections: normalized section name → its position in the schema.
    let sectionPositions: [String: [String: Int]]
    /// The standards documents (not plain pages), kept once: many rules walk them.
    public let standardsDocuments: [Document]

    public init(project: Project, base: Project? = nil, history: ProjectHistory? = nil) {
        self.project = project
        self.base = base
        self.history = history
        linkReview = LinkReview(project: project)
        var titles: [String: String] = [:]
        var positions: [String: [String: Int]] = [:]
        for document in project.documents {
            for section in document.sections where titles[section.title] == nil {
                titles[section.title] = SectionMatcher.normalized(section.title)
            }
            guard positions[document.kind] == nil, let schema = project.schemas.schema(for: document.kind) else { continue }
            positions[document.kind] = SectionMatcher.positions(of: schema.sections)
        }
        normalizedTitles = titles
        sectionPositions = positions
        standardsDocuments = project.documents.filter { !$0.isPage }
        if let base {
            let change = Differ(old: base, new: project).compare()
            changesSinceBase = Dictionary(change.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        } else {
            changesSinceBase = [:]
        }
        let load = project.diagnostics + project.documents.flatMap(\.diagnostics)
        loadDiagnosticsByRule = Dictionary(grouping: load, by: \.rule)
        var findings: [String: [Diagnostic]] = [:]
        for document in project.documents where !document.isPage {
            for finding in SchemaValidator(project: project, document: document).validate() {
                findings[finding.rule, default: []].append(finding)
            }
        }
        schemaFindings = findings
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
