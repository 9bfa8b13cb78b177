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
    /// Without a links lock, every link is unreviewed: the first (by key) and how many there
    /// are in the whole project — with a focus, counted without reading their targets' texts.
    public let linksWithoutLock: (first: CoverageLink, count: Int)?
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
    /// The files whose findings are wanted (project-relative paths), nil for all: the check of
    /// what an edit reaches (`LiveCheck`). Rules may skip whatever cannot lead to a finding in
    /// them; a finding they make elsewhere is dropped by the checker.
    public let focus: Set<String>?
    /// The standards documents whose findings are wanted, in project order (all of them
    /// without a focus).
    public let focusedStandardsDocuments: [Document]
    /// The project's documents by kind, in project order: two dozen rules ask for a kind's
    /// documents (`documents(ofKind:)`), and filtering the whole project for each was 1 % of a
    /// check of 10,000 documents.
    let documentsByKind: [String: [Document]]

    /// The context of a check of `project`; with `focus`, the per-document parts (schema
    /// validation, approval states, heading titles, load diagnostics) are made for the focused
    /// documents only — the rest of the project is still there to be read. With a focus,
    /// `links` (the project's links counted per document) gives the first link and the count
    /// without a lock.
    public init(project: Project, base: Project? = nil, history: ProjectHistory? = nil, focus: Set<String>? = nil,
                links: LinkTally? = nil) {
        self.project = project
        self.base = base
        self.history = history
        self.focus = focus
        standardsDocuments = project.documents.filter { !$0.isPage }
        documentsByKind = Dictionary(grouping: project.documents, by: \.kind)
        // The documents whose own parts are made: with a focus, a handful of 10,000.
        let own = focus.map { focus in project.documents.filter { focus.contains($0.path) } } ?? project.documents
        focusedStandardsDocuments = focus == nil ? standardsDocuments : own.filter { !$0.isPage }
        // The parts are independent: the links without a lock (first, the longest of them on
        // one core: every link's key made and counted, 6 % of a check of 10,000 documents by
        // the clock when it came after the rest), the comparison with the base, the link
        // review, the heading titles, the schema validation in pieces, and the approval states
        // in pieces, run on every core. The single tasks come first: the cores take tasks in
        // about their order, and the titles, last, left one core alone for 0.05 s.
        // One flat list of tasks: a `Parallel.map` inside another runs on one thread
        // (libdispatch gives a nested apply the cores divided by the outer one's width), which
        // left the schema validation of 10,000 documents to one core for a tenth of a second.
        enum Part: Sendable {
            case firstLink((first: CoverageLink, count: Int)?)
            case review(LinkReview)
            case titles([String: String], [String: [String: Int]])
            case schema([[Diagnostic]])
            case changes([String: DocumentChange])
            case approvals([ApprovalState])
        }
        let standards = focusedStandardsDocuments
        let pieces = Parallel.pieces(standards.count)
        // The approval states of every document read, in pieces too, after the validation's.
        let approvalPieces = Parallel.pieces(own.count)
        let parts = Parallel.map(Array(0..<(pieces.count + 4 + approvalPieces.count))) { task -> Part in
            switch task {
            case 0:
                return .firstLink(Self.linksWithoutLock(of: project, focus: focus, links: links))
            case 1:
                guard let base else { return .changes([:]) }
                let change = Differ(old: base, new: project).compare()
                return .changes(Dictionary(change.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }))
            case 2:
                return .review(Self.linkReview(of: project, focus: focus))
            case 3:
                var titles: [String: String] = [:]
                var positions: [String: [String: Int]] = [:]
                for document in own {
                    for section in document.sections where titles[section.title] == nil {
                        titles[section.title] = SectionMatcher.normalized(section.title)
                    }
                    guard positions[document.kind] == nil else { continue }
                    positions[document.kind] = SectionMatcher.positions(of: project.expectedSections(ofKind: document.kind))
                }
                return .titles(titles, positions)
            case (4 + pieces.count)...:
                return .approvals(own[approvalPieces[task - 4 - pieces.count]].map(ApprovalState.init))
            default:
                return .schema(standards[pieces[task - 4]].map { SchemaValidator(project: project, document: $0).validate() })
            }
        }
        var firstLink: (first: CoverageLink, count: Int)?
        var review: LinkReview?
        var titles: [String: String] = [:], positions: [String: [String: Int]] = [:]
        var findings: [String: [Diagnostic]] = [:]
        var changes: [String: DocumentChange] = [:]
        var approvals: [ApprovalState] = []
        approvals.reserveCapacity(own.count)
        for part in parts {
            switch part {
            case .firstLink(let made): firstLink = made
            case .review(let made): review = made
            case .titles(let madeTitles, let madePositions): (titles, positions) = (madeTitles, madePositions)
            case .schema(let perDocument):
                // In document order (the pieces come in order), as one pass would give.
                for finding in perDocument.joined() { findings[finding.rule, default: []].append(finding) }
            case .changes(let made): changes = made
            // In document order, as the pieces come.
            case .approvals(let made): approvals += made
            }
        }
        linkReview = review ?? Self.linkReview(of: project, focus: focus)
        linksWithoutLock = firstLink
        approvalStates = Dictionary(zip(own.map(\.path), approvals), uniquingKeysWith: { first, _ in first })
        normalizedTitles = titles
        sectionPositions = positions
        changesSinceBase = changes
        schemaFindings = findings
        let load = project.diagnostics + own.flatMap(\.diagnostics)
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
        // Made for the kinds of the documents of the check (with a focus, of those in focus).
        let positions = sectionPositions[kind] ?? SectionMatcher.positions(of: project.expectedSections(ofKind: kind))
        return positions[normalized(title)]
    }

    /// Whether the findings in the file at `path` are wanted (always, without a focus).
    public func wants(_ path: String) -> Bool {
        focus?.contains(path) ?? true
    }

    /// The coverage links and their review: with a focus, only the links from the focused
    /// documents.
    private static func linkReview(of project: Project, focus: Set<String>?) -> LinkReview {
        // Without a lock no rule reads a link's target text or digest (`linksWithoutLock`).
        guard project.linkLock != nil else { return LinkReview.withoutLinks(of: project) }
        guard let focus else { return LinkReview(project: project) }
        return LinkReview(project: project, sources: focus)
    }

    /// Without a lock (the link review's `hasLock` is false exactly then), the first link and
    /// the count.
    private static func linksWithoutLock(of project: Project, focus: Set<String>?,
                                         links: LinkTally?) -> (first: CoverageLink, count: Int)? {
        guard project.linkLock == nil else { return nil }
        if focus != nil, let links { return links.firstAndCount(in: project) }
        return LinkReview.firstLinkAndCount(in: project)
    }

}

extension CheckContext {
    /// The document's approval state, made once for the whole check.
    public func approvalState(of document: Document) -> ApprovalState {
        approvalStates[document.path] ?? ApprovalState(document)
    }
}
