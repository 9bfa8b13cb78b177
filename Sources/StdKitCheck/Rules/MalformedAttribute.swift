import StdKitModel
import StdKitSyntax

/// An item's `{…}` block that tries to be attributes but is not well-formed.
struct MalformedAttribute: LoadTimeRule {
    let description = RuleDescription(
        id: "malformed-attribute", family: .syntax, scope: .document,
        summary: "an item's attributes are malformed",
        explanation: """
            Attributes stand at the very end of an item's first paragraph as `{key=value key2="a b"}`. \
            Keys are ASCII letters, digits, `-` and `_`; a value with spaces is quoted.
            """,
        passing: [RuleExample(document: "---\nid: J1\nkind: job-profile\ntitle: T\n---\n\n- **R1** 能操作。 {level=3 hours=\"4 h\"}\n")],
        failing: [RuleExample(document: "---\nid: J1\nkind: job-profile\ntitle: T\n---\n\n- **R1** 能操作。 {level=3 hours=4 ↓h}\n")])
}
