import StdKitSyntax

/// The rule reference (`docs/rules.md`), generated from the rules' own descriptions so that it
/// cannot drift from the code; a test fails when the committed file is stale.
public enum RuleReference {
    public static func markdown(rules: [any Rule] = RuleCatalogue.all) -> String {
        var text = """
            # Rules

            <!-- Generated from Sources/StdKitCheck/Rules by `stdkit rules --markdown`; do not edit. -->

            Every finding of `stdkit check` names one of these rules. Change a rule's severity, or turn
            it off, in `stdkit.yml`:

            ```yaml
            rules:
              unknown-field: off
              unresolved-reference: warning
            ```

            and silence it for one line with a comment on the line before:

            ```markdown
            <!-- stdkit-disable-next-line unresolved-reference -->
            ```

            A rule's *scope* says what its findings in a document depend on: that document alone
            (`document`: with the project's settings, and the document's own base revision), or other
            documents too (`project`). `stdkit check --staged` finds a changed document's `document`
            findings from it alone ([check.md](check.md), the cache).

            | rule | family | scope | default | reports |
            | --- | --- | --- | --- | --- |

            """
        let descriptions = rules.map(\.description)
        for rule in descriptions {
            let scope = rule.scope == .document ? "document" : "project"
            text += "| [`\(rule.id)`](#\(rule.id)) | \(rule.family.rawValue) | \(scope) | \(rule.severity.rawValue) | \(rule.summary) |\n"
        }
        for family in RuleFamily.allCases {
            let members = descriptions.filter { $0.family == family }
            guard !members.isEmpty else { continue }
            text += "\n## \(family.rawValue.prefix(1).uppercased() + family.rawValue.dropFirst())\n"
            for rule in members {
                text += "\n### \(rule.id)\n\n"
                text += "*\(rule.severity.rawValue)* — \(rule.summary).\n\n\(rule.explanation)\n"
                for (title, examples) in [("Triggers", rule.failing), ("Passes", rule.passing)] {
                    for example in examples {
                        text += "\n\(title):\n"
                        for path in (example.base ?? [:]).keys.sorted() {
                            let content = String(decoding: example.base?[path] ?? [], as: UTF8.self)
                            text += "\n`\(path)` in the base revision:\n\n```markdown\n\(content.hasSuffix("\n") ? content : content + "\n")```\n"
                        }
                        for path in example.files.keys.sorted() {
                            let content = example.text(of: path)
                            let language = path.hasSuffix(".yml") ? "yaml" : "markdown"
                            text += "\n`\(path)`:\n\n```\(language)\n\(content.hasSuffix("\n") ? content : content + "\n")```\n"
                        }
                    }
                }
            }
        }
        return text
    }
}
