import Foundation
import StdKitModel
import StdKitSyntax

/// The outcome of checking a project.
public struct CheckResult: Sendable {
    /// Findings in report order (file, line, column, rule).
    public var diagnostics: [Diagnostic]
    /// The number of files checked.
    public var fileCount: Int

    public init(diagnostics: [Diagnostic], fileCount: Int) {
        self.diagnostics = diagnostics
        self.fileCount = fileCount
    }

    public func count(_ severity: Severity) -> Int {
        // Counted, not filtered: a copy of 36,510 findings was 12 MB of powershell-docs' peak.
        diagnostics.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
    }

    /// Notes attached to findings plus findings of note severity.
    public var noteCount: Int {
        count(.note) + diagnostics.reduce(0) { $0 + $1.notes.count }
    }
}

/// Runs the rule catalogue over a project and applies the project's severity overrides and
/// `<!-- stdkit-disable-next-line RULE -->` comments.
public struct Checker: Sendable {
    public var rules: [any Rule]
    /// Whether rules run on every core (false: one after the other, as `STDKIT_TIMINGS=1` does).
    public var concurrent: Bool

    public init(rules: [any Rule] = RuleCatalogue.all, concurrent: Bool = true) {
        self.rules = rules
        self.concurrent = concurrent
    }

    /// Checks `project`; when `paths` is given, reports only files at or under those relative
    /// paths (the whole project is still read, to resolve references).
    ///
    /// With `focus`, only the findings in those files (project-relative paths) are reported —
    /// the same as the full check's in them — and rules may skip what cannot lead to them.
    /// `links`, the project's coverage links counted per document (`LiveCheck` keeps it), spares
    /// a focused check without a links lock counting them all.
    public func check(_ project: Project, only paths: [String]? = nil, focus: Set<String>? = nil, base: Project? = nil,
                      history: ProjectHistory? = nil, links: LinkTally? = nil) -> CheckResult {
        var timings = Timings()
        let context = CheckContext(project: project, base: base, history: history, focus: focus, links: links)
        // With a focus, the `.document` rules read the focused documents alone (with the
        // project's settings), as `check --staged` does: their findings depend on nothing else,
        // and their context is then made of a handful of documents, not of the project.
        let documentContext = focus.map { CheckContext(project: Self.documents(of: project, in: $0), base: base, history: history) }
        timings.lap("context")
        @Sendable func run(_ rule: any Rule) -> [Diagnostic] {
            guard let documentContext, rule.description.scope == .document else { return rule.check(context) }
            return rule.check(documentContext)
        }
        // A rule the settings turn off is not run: its findings would all be dropped below
        // (on the generated 10,000, `uncovered-requirement`, off there, was the longest rule).
        let active = rules.filter { Self.isOn($0.description.id, in: project.config) }
        var findings: [Diagnostic] = []
        if timings.enabled || !concurrent {
            for rule in active {
                findings += run(rule)
                timings.lap(rule.description.id)
            }
        } else {
            // Rules are independent and the context is immutable: they run on every core, the
            // heaviest started first, and their findings are put together in the catalogue's order.
            let order = Self.schedule(active)
            let found = Parallel.map(order) { run(active[$0]) }
            var byRule = [[Diagnostic]](repeating: [], count: active.count)
            for (position, index) in order.enumerated() { byRule[index] = found[position] }
            findings = byRule.flatMap { $0 }
        }
        // A load-time finding no rule claims is still reported: nothing is dropped silently.
        let claimed = Set(rules.map(\.description.id))
        for id in context.loadRuleIDs.subtracting(claimed).sorted() {
            findings += context.loadDiagnostics(rule: id)
        }

        // The suppressions of each file with findings, looked up when first asked: a dictionary
        // of every document's, made here on one core while the other waited, was 5 ms of a
        // check of the generated 10,000 (which has one finding). A finding outside the focus
        // is dropped below whether or not it is suppressed.
        var suppressionsByFile: [String: [Int: Set<String>]] = [:]
        func suppressions(in file: String) -> [Int: Set<String>] {
            if let known = suppressionsByFile[file] { return known }
            let found = project.document(atPath: file)?.suppressions ?? [:]
            suppressionsByFile[file] = found
            return found
        }
        // Kept in place, in the one array: a second one beside it was 8 MB of powershell-docs'
        // peak (36,510 findings).
        var kept = 0
        for index in findings.indices {
            var finding = findings[index]
            if let level = project.config.rules[finding.rule] {
                guard let severity = Severity(rawValue: level) else { continue }  // "off" (`isOn`)
                finding.severity = severity
            }
            if let exempt = suppressions(in: finding.file)[finding.location.line], exempt.contains(finding.rule) || exempt.contains("all") {
                continue
            }
            if let paths, !paths.contains(where: { Self.path(finding.file, isUnder: $0) }) {
                continue
            }
            if let focus, !focus.contains(finding.file) { continue }
            findings[kept] = finding
            kept += 1
        }
        findings.removeLast(findings.count - kept)
        findings.sort(by: Diagnostic.reportOrder)
        let result = findings
        let fileCount = paths.map { paths in project.documents.filter { document in paths.contains { Self.path(document.path, isUnder: $0) } }.count }
            ?? project.documents.count
        return CheckResult(diagnostics: result, fileCount: fileCount)
    }

    /// Whether the settings leave rule `id` on: unless its level there is "off" (or anything
    /// else that is not a severity, which `config-invalid` reports), as the findings are kept.
    static func isOn(_ id: String, in config: ProjectConfig) -> Bool {
        config.rules[id].map { Severity(rawValue: $0) != nil } ?? true
    }

    /// The rules that read every document's body, links or items, by their share of a check
    /// (`STDKIT_TIMINGS=1` on powershell-docs and the generated 10,000, 2026-12-07), the heaviest
    /// first. Rules start in the order given; in the catalogue's order `broken-link`, half of
    /// powershell-docs' rule time, started when the other core had little left to do, which
    /// then waited 0.4 s for it.
    static let heaviestFirst = [
        "broken-link", "duplicate-heading", "empty-section", "uncovered-requirement", "missing-section",
        "wrong-target-kind", "id-case-collision", "section-order", "outcome-covers-nothing", "unit-hours-mismatch",
        "duplicate-item-id", "withdrawn-reference", "course-entry-mismatch", "unresolved-reference", "version-pin-mismatch",
    ]

    /// The positions of `rules` in the order they are started: those of `heaviestFirst` in its
    /// order, then the others in the catalogue's.
    static func schedule(_ rules: [any Rule]) -> [Int] {
        let rank = Dictionary(uniqueKeysWithValues: heaviestFirst.enumerated().map { ($1, $0) })
        return rules.indices.sorted { a, b in
            let (rankA, rankB) = (rank[rules[a].description.id] ?? Int.max, rank[rules[b].description.id] ?? Int.max)
            return rankA != rankB ? rankA < rankB : a < b
        }
    }

    /// The project of the documents of `project` at the paths in `focus`, with its settings and
    /// its load findings in those files.
    static func documents(of project: Project, in focus: Set<String>) -> Project {
        Project(root: project.root, config: project.config, schemas: project.schemas,
                documents: project.documents.filter { focus.contains($0.path) },
                diagnostics: project.diagnostics.filter { focus.contains($0.file) },
                profile: project.profile, listedFiles: project.listedFiles, linkLock: project.linkLock)
    }

    /// Whether `path` is `prefix` or inside the folder `prefix` ("" or "." is the whole project).
    public static func path(_ path: String, isUnder prefix: String) -> Bool {
        prefix.isEmpty || prefix == "." || path == prefix || path.hasPrefix(prefix.hasSuffix("/") ? prefix : prefix + "/")
    }
}
