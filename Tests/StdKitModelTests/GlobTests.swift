import Testing
@testable import StdKitModel

@Suite("Glob patterns")
struct GlobTests {
    @Test(arguments: [
        ("**/*.md", "a.md", true),
        ("**/*.md", "jobs/a.md", true),
        ("**/*.md", "a/b/c/标准.md", true),
        ("**/*.md", "a.mdx", false),
        ("*.md", "jobs/a.md", false),
        ("_site/**", "_site/index.md", true),
        ("_site/**", "_site", true),
        ("_site/**", "site/x.md", false),
        ("README.md", "README.md", true),
        ("README.md", "jobs/README.md", false),
        ("jobs/?.md", "jobs/a.md", true),
        ("jobs/?.md", "jobs/ab.md", false),
        ("**/drafts/**", "x/drafts/y/z.md", true),
    ])
    func matching(pattern: String, path: String, matches: Bool) {
        #expect(Glob(pattern).matches(path) == matches)
    }
}
