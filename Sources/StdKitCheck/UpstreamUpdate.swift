import StdKitModel
import StdKitSyntax

/// What the check will say once a project has moved to another release of an upstream
/// (`stdkit upstream diff`'s "after updating"): the project with the upstream replaced, checked
/// by the rules of the `upstream` family, and by `suspect-link` and `unresolved-reference` where
/// they concern references into that upstream (a reworded specification makes the local items
/// naming it suspect; a removed one leaves their references unresolved). Findings about the
/// rest of the project are the ordinary check's business, not the update's.
public enum UpstreamUpdate {
    /// The rules run: the `upstream` family, and the two that follow links across the boundary.
    public static var rules: [any Rule] {
        RuleCatalogue.all.filter { $0.description.family == .upstream || crossingRules.contains($0.description.id) }
    }

    static let crossingRules: Set<String> = ["suspect-link", "unresolved-reference"]

    /// The findings of `project` with upstream `id` replaced by `updated` (read at `release`,
    /// the release the project would then follow). A suspect link's target is shown word by
    /// word against the text it was reviewed with, looked up in `previous` (the release the
    /// project follows now, where its links were most likely reviewed) and then in `history`.
    public static func findings(_ project: Project, upstream id: String, updatedTo updated: Project, release: String?,
                                previous: Project? = nil, history: ProjectHistory?) -> CheckResult {
        let after = project.replacingUpstream(id, with: updated, release: release)
        let rules = self.rules
        let family = Set(rules.map(\.description.id)).subtracting(crossingRules)
        let folder = (project.upstream(id)?.declaration.path ?? id) + "/"
        let result = Checker(rules: rules).check(after, history: ReleaseHistory(folder: folder, release: previous, history: history))
        // A crossing rule's finding stands at the local reference it is about.
        let places = Set(UpstreamUsage(project: after, upstream: id).uses.flatMap(\.places).map { Place(file: $0.path, location: $0.location) })
        let kept = result.diagnostics.filter { family.contains($0.rule) || places.contains(Place(file: $0.file, location: $0.location)) }
        return CheckResult(diagnostics: kept, fileCount: result.fileCount)
    }

    /// Earlier texts of the upstream's files from a release read elsewhere (a submodule's
    /// texts are never in the project's own history), then the project's history.
    struct ReleaseHistory: ProjectHistory {
        var folder: String
        var release: Project?
        var history: ProjectHistory?

        func earlierTexts(of path: String) -> [String] {
            var texts: [String] = []
            if path.hasPrefix(folder), let document = release?.document(atPath: String(path.dropFirst(folder.count))) { texts.append(document.text) }
            return texts + (history?.earlierTexts(of: path) ?? [])
        }
    }

    private struct Place: Hashable {
        var file: String
        var location: SourceLocation
    }
}
