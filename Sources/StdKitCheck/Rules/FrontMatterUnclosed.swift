import StdKitModel
import StdKitSyntax

/// Front matter opened with `---` and never closed.
struct FrontMatterUnclosed: LoadTimeRule {
    let description = RuleDescription(
        id: "front-matter-unclosed", family: .syntax, scope: .document,
        passing: [RuleExample(document: "---\nid: X1\nkind: page\n---\n\n# Title\n")],
        failing: [RuleExample(document: "↓---\nid: X1\ntitle: Title\n\n# Title\n")])
}
