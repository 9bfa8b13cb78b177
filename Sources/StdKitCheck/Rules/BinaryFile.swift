import StdKitModel
import StdKitSyntax

/// A file the settings include holds NUL bytes: it is binary, not text.
struct BinaryFile: LoadTimeRule {
    let description = RuleDescription(
        id: "binary-file", family: .syntax, scope: .document, severity: .note,
        passing: [RuleExample(["a.md": "# 标题\n\n正文。\n"])],
        failing: [RuleExample(["a.md": "↓PK\u{3}\u{4}\u{0}\u{0}word/document.xml"])])
}
