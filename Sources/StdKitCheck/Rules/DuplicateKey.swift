import StdKitModel
import StdKitSyntax

/// The same key twice in one YAML mapping.
struct DuplicateKey: LoadTimeRule {
    let description = RuleDescription(
        id: "duplicate-key", family: .syntax, scope: .document,
        passing: [RuleExample(document: "---\ntitle: A\nversion: 1.0.0\n---\n")],
        failing: [RuleExample(document: "---\ntitle: A\n↓title: B\n---\n")])
}
