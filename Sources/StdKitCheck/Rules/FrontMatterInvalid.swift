import StdKitModel
import StdKitSyntax

/// Front matter that is not YAML, or not a mapping of fields.
struct FrontMatterInvalid: LoadTimeRule {
    let description = RuleDescription(
        id: "front-matter-invalid", family: .syntax, scope: .document,
        summary: "front matter is not valid YAML or not a mapping of fields",
        explanation: """
            The text between the `---` lines must be YAML `field: value` lines. The finding points at \
            the place where the YAML reader gave up; common causes are a tab used for indentation, \
            an unclosed quote, or a colon inside an unquoted value.
            """,
        passing: [RuleExample(document: "---\ntitle: \"标题: 副标题\"\n---\n")],
        failing: [RuleExample(document: "---\ntitle: \"标题↓\n---\n"), RuleExample(document: "---\n↓- a\n- b\n---\n")])
}
