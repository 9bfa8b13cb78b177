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
            authority; rule severities are error, warning, note or off. Every key, nested ones too, is \
            checked against stdkit.yml's schema (docs/format.md): a value of the wrong type is an \
            error, and a key that is not a setting — it does nothing, and is most often a typo such \
            as `exlude` — a warning naming the nearest setting.
            """,
        passing: [RuleExample(["stdkit.yml": "name: P\nparties:\n  - {id: szpt, name: 学院, kind: school}\n"])],
        failing: [RuleExample(["stdkit.yml": "name: P\nparties:\n  - {id: ↓SZPT, name: 学院, kind: school}\n"]),
                  RuleExample(["stdkit.yml": "name: 机电\npublish: {title: 标准, ↓titel: 标准}\n↓exlude: [草稿/**]\n"])])
}
