extension Project {
    /// The project as it would be with upstream `id` replaced by `upstream` (another release of
    /// it, read elsewhere): every reference is resolved again against the new release, and the
    /// load-time findings about upstreams are made again. What `stdkit upstream diff` checks as
    /// "after updating".
    ///
    /// `release`, when given, is the release the project would then follow (its `release` in
    /// stdkit.yml changed with the update). The replaced upstream is no checkout: its release
    /// is not compared with a HEAD.
    public func replacingUpstream(_ id: String, with upstream: Project, release: String? = nil) -> Project {
        guard upstreams.contains(where: { $0.id == id }) else { return self }
        var config = self.config
        let replaced = upstreams.map { current -> Upstream in
            guard current.id == id else { return current }
            var declaration = current.declaration
            if let release { declaration.release = release }
            return Upstream(declaration: declaration, project: upstream, isSubmodule: current.isSubmodule)
        }
        config.upstreams = replaced.map(\.declaration)
        let upstreamRules: Set<String> = ["upstream-missing", "upstream-release"]
        let diagnostics = self.diagnostics.filter { !upstreamRules.contains($0.rule) } + Upstream.findings(replaced)
        return Project(root: root, config: config, schemas: schemas, documents: documents, diagnostics: diagnostics, profile: profile,
                       listedFiles: listedFiles, linkLock: linkLock, upstreams: replaced)
    }
}
