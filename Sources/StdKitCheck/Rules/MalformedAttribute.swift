import StdKitModel
import StdKitSyntax

/// An item's `{…}` block that tries to be attributes but is not well-formed.
struct MalformedAttribute: LoadTimeRule {
    let description = RuleDescription(
        id: "malformed-attribute", family: .syntax, scope: .document,
        passing: [RuleExample(document: "---\nid: J1\nkind: job-profile\ntitle: T\n---\n\n- **R1** 能操作。 {level=3 hours=\"4 h\"}\n")],
        failing: [RuleExample(document: "---\nid: J1\nkind: job-profile\ntitle: T\n---\n\n- **R1** 能操作。 {level=3 hours=4 ↓h}\n")])
}
