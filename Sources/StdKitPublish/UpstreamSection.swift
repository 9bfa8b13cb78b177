import StdKitModel
import StdKitSyntax

/// An upstream published in its own section of the implementing project's site (DESIGN §14.1):
/// its documents rendered like the project's own from the upstream read as a project of its
/// own, marked as upstream, and each of its items showing the local items that implement or
/// reference it.
struct UpstreamSection: Sendable {
    /// The upstream, which is there (`upstream.project` is not nil).
    let upstream: Upstream
    /// The project that implements the upstream and whose site the section is part of.
    let local: Project
    /// Where the local project's pages are.
    let localMap: SiteMap
    /// The local site's title, shown on every page of the site.
    let siteTitle: String

    var id: String { upstream.id }

    /// The upstream's name, from its own `stdkit.yml`.
    var name: String { upstream.project?.config.name ?? upstream.id }

    /// The mark on each of its pages and in the index: 上游标准 ns · v2025.1 · 《…》 (the release
    /// left out when `stdkit.yml` follows none).
    static func badge(id: String, release: String?, name: String, strings: SiteStrings) -> String {
        var parts = [strings.format("upstreamBadge", ["id": id])]
        if let release { parts.append(release) }
        parts.append(strings.format("upstreamName", ["name": name]))
        return parts.joined(separator: " · ")
    }

    func badge(strings: SiteStrings) -> String {
        Self.badge(id: id, release: upstream.declaration.release, name: name, strings: strings)
    }

    /// The key under which the local project knows the upstream document `id` (`ns:DOC`).
    func key(of documentID: String) -> String {
        upstream.key(of: documentID)
    }

    /// Why a reference or an entry naming `key` (`ns:DOC`) links nowhere when it is because its
    /// upstream is declared but not there: the title its text is shown with. Nil for a local key,
    /// an undeclared prefix, or an upstream that is there.
    static func missingTitle(of key: String, in project: Project, strings: SiteStrings) -> String? {
        guard let (prefix, _) = ReferenceSyntax.splitUpstream(key), let upstream = project.upstream(prefix), upstream.project == nil else { return nil }
        return strings.format("upstreamMissing", ["id": prefix, "path": upstream.declaration.path])
    }
}
