import StdKitModel
import StdKitSyntax

/// A problem in `stdkit.yml`.
struct ConfigInvalid: LoadTimeRule {
    let description = RuleDescription(
        id: "config-invalid", family: .syntax, scope: .document,
        passing: [RuleExample(["stdkit.yml": "name: P\nparties:\n  - {id: szpt, name: 学院, kind: school}\n"])],
        failing: [RuleExample(["stdkit.yml": "name: P\nparties:\n  - {id: ↓SZPT, name: 学院, kind: school}\n"]),
                  RuleExample(["stdkit.yml": "name: 机电\npublish: {title: 标准, ↓titel: 标准}\n↓exlude: [草稿/**]\n"])])
}
