import StdKitModel
import StdKitSyntax

/// An upstream that is a git checkout whose HEAD is not at the release `stdkit.yml` says the
/// project follows (DESIGN §14.1).
struct UpstreamRelease: LoadTimeRule {
    let description = RuleDescription(id: "upstream-release", family: .upstream, scope: .project, severity: .warning)
}
