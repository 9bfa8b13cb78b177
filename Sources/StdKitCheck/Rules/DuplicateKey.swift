import StdKitModel
import StdKitSyntax

/// The same key twice in one YAML mapping.
struct DuplicateKey: LoadTimeRule {
    let description = RuleDescription(
        id: "duplicate-key", family: .syntax, scope: .document,
        summary: "a front-matter key is defined twice",
        explanation: """
            YAML does not allow one key twice in the same mapping, and readers disagree on which value \
            wins. Keep one. The finding names both lines.
            """,
        passing: [RuleExample(document: "---\ntitle: A\nversion: 1.0.0\n---\n")],
        failing: [RuleExample(document: "---\ntitle: A\n↓title: B\n---\n")])
}
