import StdKitSyntax

extension Project {
    /// A requirement of an upstream job profile that a programme names (DESIGN §14.2).
    public struct UpstreamRequirement: Sendable {
        /// The programme's `occupations` entry naming the profile (`ns:JOB-…`).
        public var reference: Reference
        /// The profile as the project sees it: id `ns:JOB-…`, path under the upstream's folder.
        public var profile: Document
        public var item: Item
        /// The item's family, from the upstream's own schema.
        public var family: KindSchema.ItemKind
    }

    /// The items that must be covered (requirements) of the upstream job profiles that
    /// `programme` names in `occupations` (`ns:JOB-…`), in the order written: the project's
    /// outcomes must cover them like its own requirements. A withdrawn profile has none.
    public func upstreamRequirements(namedBy programme: Document) -> [UpstreamRequirement] {
        guard !upstreams.isEmpty else { return [] }
        var result: [UpstreamRequirement] = []
        for reference in programme.references {
            guard case .field(let path) = reference.origin, path.hasPrefix("occupations["),
                  let prefix = reference.syntax.upstream, let schemas = upstream(prefix)?.project?.schemas,
                  case .document(let key) = reference.resolution, let profile = document(key),
                  profile.kind == "job-profile", profile.status != "withdrawn",
                  let schema = schemas.schema(for: profile.kind) else { continue }
            for item in profile.items {
                guard let family = schema.itemKind(of: item.id), family.mustBeCovered else { continue }
                result.append(UpstreamRequirement(reference: reference, profile: profile, item: item, family: family))
            }
        }
        return result
    }

    /// The upstream job profiles that the project's programmes name in `occupations`, each
    /// once, sorted by key, with their requirements.
    public var upstreamProfilesNamed: [(profile: Document, requirements: [UpstreamRequirement])] {
        guard !upstreams.isEmpty else { return [] }
        var byKey: [String: (profile: Document, requirements: [UpstreamRequirement])] = [:]
        for programme in documents where programme.kind == "programme" {
            for requirement in upstreamRequirements(namedBy: programme) {
                let key = requirement.profile.id ?? ""
                if byKey[key] == nil { byKey[key] = (requirement.profile, []) }
                guard !(byKey[key]?.requirements.contains { $0.item.id == requirement.item.id } ?? false) else { continue }
                byKey[key]?.requirements.append(requirement)
            }
        }
        return byKey.keys.sorted { $0.precedesInUTF8($1) }.compactMap { byKey[$0] }
    }
}
