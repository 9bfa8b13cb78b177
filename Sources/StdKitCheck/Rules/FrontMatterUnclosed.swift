import StdKitModel
import StdKitSyntax

/// Front matter opened with `---` and never closed.
struct FrontMatterUnclosed: LoadTimeRule {
    let description = RuleDescription(
        id: "front-matter-unclosed", family: .syntax, scope: .document,
        summary: "front matter is opened with '---' but never closed",
        explanation: """
            A document that begins with a `---` line must close its front matter with another `---` \
            (or `...`) line. Without it the whole file is read as the body and none of its fields count.
            """,
        passing: [RuleExample(document: "---\nid: X1\nkind: page\n---\n\n# Title\n")],
        failing: [RuleExample(document: "↓---\nid: X1\ntitle: Title\n\n# Title\n")])
}
