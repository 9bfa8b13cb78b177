import StdKitModel
import StdKitSyntax

/// Markdown nested deeper than `limits.nesting_depth`: its text is kept, its formatting there
/// flattened.
struct MarkdownFlattened: LoadTimeRule {
    let description = RuleDescription(
        id: "markdown-flattened", family: .syntax, scope: .document, severity: .note,
        summary: "deeply nested Markdown is flattened",
        explanation: """
            Every program that walks a Markdown tree — the check, the model, the site — could \
            exhaust its stack on one nested thousands of levels deep (`>>>>…`, `*a **a *a…`), \
            so below `nesting_depth` (100, set under `limits` in stdkit.yml) levels the tree is \
            flattened: inline formatting (emphasis, links) is dropped and its text kept, deeper \
            quotes and lists become a run of paragraphs at that level. Every word stays in the \
            parsed document and on the page; only the formatting is lost, which is why this is a note. The \
            note names where the first container left out starts.
            """,
        passing: [RuleExample(["a.md": String(repeating: "> ", count: 99) + "深\n"])],
        failing: [RuleExample(["a.md": String(repeating: "> ", count: 99) + "↓> 深\n"])])
}
