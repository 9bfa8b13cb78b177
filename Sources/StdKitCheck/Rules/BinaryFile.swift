import StdKitModel
import StdKitSyntax

/// A file the settings include holds NUL bytes: it is binary, not text.
struct BinaryFile: LoadTimeRule {
    let description = RuleDescription(
        id: "binary-file", family: .syntax, scope: .document, severity: .note,
        summary: "a binary file is skipped",
        explanation: """
            A NUL byte never occurs in text, so a file that holds one is binary — an image, or a \
            Word document saved under a `.md` name — and is skipped rather than read as Markdown, \
            which would only give nonsense findings. The note names the line of the first NUL byte.
            """,
        passing: [RuleExample(["a.md": "# 标题\n\n正文。\n"])],
        failing: [RuleExample(["a.md": "↓PK\u{3}\u{4}\u{0}\u{0}word/document.xml"])])
}
