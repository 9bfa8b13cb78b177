import StdKitModel
import StdKitSyntax

/// The check of a project held in memory, kept up to date as its documents change: the findings
/// of every file, and after each change only what the change can reach is checked again.
///
/// After a document changes:
/// - when what other documents see of it (`Outward`) is as it was, its findings of the
///   `.document` rules are found again from it alone, and the findings of the other rules in it
///   (and the notes pointing into it) move with their places — the `check --staged` reuse;
/// - otherwise the files the change can reach (`EditImpact`) are checked again, with the whole
///   project read; and where that cannot be said, the whole project.
/// Either way the findings are those a full check of the changed project reports: a test holds
/// the two to the same findings over many edits.
public struct LiveCheck: Sendable {
    public private(set) var project: Project
    public let history: ProjectHistory?
    /// The findings of each file that has any, in report order.
    public private(set) var findings: [String: [Diagnostic]]
    /// The project's coverage links counted per document, for the `unreviewed-link` finding of a
    /// project without a links lock; made at the first focused check that needs it, dropped
    /// after a full one.
    private var links: LinkTally?
    /// How the last update was made, for tests and benchmarks.
    public private(set) var lastUpdate: Strategy = .full

    /// How an update found its findings.
    public enum Strategy: Sendable, Equatable {
        /// The changed documents alone; the rest moved or kept.
        case documents
        /// The files a change can reach, this many of them.
        case focused(Int)
        /// The whole project.
        case full
    }

    /// Checks `project` in full.
    public init(project: Project, history: ProjectHistory? = nil) {
        self.project = project
        self.history = history
        // What a document shows others (`Outward`) is made when it changes, of its text before
        // and after, not here for every document: the editor waits for this check.
        links = nil
        findings = Self.grouped(Checker().check(project, history: history).diagnostics)
    }

    /// Every finding of the project, in report order.
    public var diagnostics: [Diagnostic] {
        findings.values.joined().sorted(by: Diagnostic.reportOrder)
    }

    /// The project with `documents` in place of (or added beside) those at their paths and the
    /// documents at `removing` gone, checked again; returns the files whose findings changed.
    public mutating func update(replacing documents: [Document], removing: Set<String> = []) -> Set<String> {
        let old = project
        project = project.replacing(documents, removing: removing)
        var newOutward: [String: Outward] = [:]
        for document in documents { newOutward[document.path] = Outward(document) }
        let before = findings
        if removing.isEmpty, let moved = movedFindings(changing: documents, old: old, newOutward: newOutward) {
            findings = moved
            lastUpdate = .documents
            // What others see of them is the same: their links too. Counted again all the same,
            // which costs a document each.
            links?.update(project, paths: Set(documents.map(\.path)))
        } else if let reached = EditImpact.files(reachedBy: documents.map { (old.document(atPath: $0.path), $0) }, removing: removing,
                                                 old: old, new: project, findings: findings) {
            // Links change only in the documents the edit reaches: the edited ones and those
            // whose references resolve into them (`EditImpact` includes both).
            if project.linkLock == nil {
                if links == nil { links = LinkTally(project: project) } else { links?.update(project, paths: reached.union(removing)) }
            }
            let checked = Checker().check(project, focus: reached, history: history, links: links).diagnostics
            for file in reached { findings[file] = nil }
            for (file, found) in Self.grouped(checked) where reached.contains(file) { findings[file] = found }
            lastUpdate = .focused(reached.count)
        } else {
            findings = Self.grouped(Checker().check(project, history: history).diagnostics)
            lastUpdate = .full
            links = nil
        }
        var changed = Set<String>()
        for file in Set(before.keys).union(findings.keys) where before[file] != findings[file] { changed.insert(file) }
        return changed
    }

    /// The findings after `documents` changed without changing what others see of them, or nil
    /// when that cannot be told (a document new, or changed in what others see; a finding
    /// pointing at a place that moved).
    private func movedFindings(changing documents: [Document], old oldProject: Project,
                               newOutward: [String: Outward]) -> [String: [Diagnostic]]? {
        var moves: [String: (old: Outward, new: Outward)] = [:]
        for document in documents {
            guard let old = oldProject.document(atPath: document.path).map(Outward.init), let new = newOutward[document.path], old.digest == new.digest,
                  old.frontMatterEnd == new.frontMatterEnd, old.version == new.version
            else { return nil }
            moves[document.path] = (old, new)
        }
        func moved(_ location: SourceLocation, in file: String) -> SourceLocation? {
            guard let move = moves[file] else { return location }
            return Outward.moved(location, oldPlaces: move.old.places, frontMatterEnd: move.old.frontMatterEnd, newPlaces: move.new.places)
        }
        func movingNotes(_ finding: Diagnostic) -> Diagnostic? {
            var finding = finding
            for index in finding.notes.indices {
                guard let location = moved(finding.notes[index].location, in: finding.notes[index].file) else { return nil }
                finding.notes[index].location = location
            }
            return finding
        }
        // The changed documents' findings of the `.document` rules, from those documents alone
        // with the project's settings.
        let alone = Project(root: project.root, config: project.config, schemas: project.schemas, documents: documents, diagnostics: [],
                            profile: project.profile, listedFiles: project.listedFiles, linkLock: project.linkLock)
        let changedPaths = Set(moves.keys)
        let found = Checker(rules: Self.documentRules).check(alone, history: history).diagnostics
            .filter { changedPaths.contains($0.file) && !IncrementalCheck.projectRuleIDs.contains($0.rule) }
        var result = findings
        for (file, kept) in findings {
            var updated: [Diagnostic] = []
            for finding in kept {
                if changedPaths.contains(file) {
                    // Found again below, unless a project rule's: that one moves.
                    guard IncrementalCheck.projectRuleIDs.contains(finding.rule) else { continue }
                    guard let location = moved(finding.location, in: file), var finding = movingNotes(finding) else { return nil }
                    let old = finding.location
                    finding.location = location
                    guard let carried = finding.carryingFixes(from: old, changed: changedPaths.contains) else { return nil }
                    updated.append(carried)
                } else if finding.notes.contains(where: { changedPaths.contains($0.file) }) {
                    guard let finding = movingNotes(finding)?.carryingFixes(from: finding.location, changed: changedPaths.contains) else { return nil }
                    updated.append(finding)
                } else {
                    guard let finding = finding.carryingFixes(from: finding.location, changed: changedPaths.contains) else { return nil }
                    updated.append(finding)
                }
            }
            result[file] = updated
        }
        for finding in found { result[finding.file, default: []].append(finding) }
        for file in changedPaths {
            let sorted = (result[file] ?? []).sorted(by: Diagnostic.reportOrder)
            result[file] = sorted.isEmpty ? nil : sorted
        }
        return result
    }

    static let documentRules = RuleCatalogue.all.filter { $0.description.scope == .document }

    static func grouped(_ diagnostics: [Diagnostic]) -> [String: [Diagnostic]] {
        Dictionary(grouping: diagnostics, by: \.file).mapValues { $0.sorted(by: Diagnostic.reportOrder) }
    }
}
