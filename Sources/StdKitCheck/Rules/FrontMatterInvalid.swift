import StdKitModel
import StdKitSyntax

/// Front matter that is not YAML, or not a mapping of fields.
struct FrontMatterInvalid: LoadTimeRule {
    let description = RuleDescription(
        id: "front-matter-invalid", family: .syntax, scope: .document,
        passing: [RuleExample(document: "---\ntitle: \"标题: 副标题\"\n---\n")],
        failing: [RuleExample(document: "---\ntitle: \"标题↓\n---\n"), RuleExample(document: "---\n↓- a\n- b\n---\n")])
}
