import StdKitModel
import StdKitSyntax

/// An upstream `stdkit.yml` declares whose folder is not there (a submodule not initialised, a
/// copy not made): one error naming what brings it; references into it are not reported.
struct UpstreamMissing: LoadTimeRule {
    let description = RuleDescription(
        id: "upstream-missing", family: .upstream, scope: .project,
        passing: [RuleExample(["stdkit.yml": "upstream:\n  - {id: ns, path: vendor/ns}\n",
                               "vendor/ns/stdkit.yml": "name: 国家标准\n",
                               "vendor/ns/p.md": "---\nid: PROG-NS\nkind: programme\ntitle: 专业教学标准\n---\n\n- **S1** 规格\n",
                               "p.md": "---\nid: P1\nkind: programme\ntitle: 方案\nimplements: ns:PROG-NS\n---\n"])],
        failing: [RuleExample(["stdkit.yml": "upstream:\n  - {id: ns, path: ↓vendor/ns}\n",
                               "p.md": "---\nid: P1\nkind: programme\ntitle: 方案\nimplements: ns:PROG-NS\n---\n"])])
}
