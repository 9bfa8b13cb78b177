import StdKitModel
import StdKitSyntax

/// A problem in `stdkit.yml`.
struct ConfigInvalid: LoadTimeRule {
    let description = RuleDescription(
        id: "config-invalid", family: .syntax, scope: .document,
        summary: "stdkit.yml has an invalid setting",
        explanation: """
            A setting in `stdkit.yml` is not of the expected form; its default is used instead. Party \
            ids are lower-case ASCII letters, digits and `-`; a party's kind is school, enterprise or \
            authority; rule severities are error, warning, note or off.
            """,
        passing: [RuleExample(["stdkit.yml": "name: P\nparties:\n  - {id: szpt, name: 学院, kind: school}\n"])],
        failing: [RuleExample(["stdkit.yml": "name: P\nparties:\n  - {id: ↓SZPT, name: 学院, kind: school}\n"])])
}
