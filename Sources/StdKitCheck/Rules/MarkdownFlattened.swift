import StdKitModel
import StdKitSyntax

/// Markdown nested deeper than `limits.nesting_depth`: its text is kept, its formatting there
/// flattened.
struct MarkdownFlattened: LoadTimeRule {
    let description = RuleDescription(
        id: "markdown-flattened", family: .syntax, scope: .document, severity: .note,
        passing: [RuleExample(["a.md": String(repeating: "> ", count: 99) + "深\n"])],
        failing: [RuleExample(["a.md": String(repeating: "> ", count: 99) + "↓> 深\n"])])
}
