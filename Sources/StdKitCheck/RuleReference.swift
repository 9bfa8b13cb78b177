import StdKitSyntax

/// The rule reference (`docs/rules.md` in English, `docs/rules.zh-CN.md` in Chinese), generated
/// from the rules' own descriptions and the message catalogues so that it cannot drift from the
/// code; a test fails when a committed file is stale.
public enum RuleReference {
    /// The file the reference in `language` is committed as, under `docs/`.
    public static func fileName(_ language: Language) -> String {
        language == .en ? "rules.md" : "rules.\(language.rawValue).md"
    }

    public static func markdown(rules: [any Rule] = RuleCatalogue.all, language: Language = .en) -> String {
        func text(_ key: String, _ arguments: [String: Message.Argument] = [:]) -> String {
            Message(key, arguments).text(in: language)
        }
        var text = text("reference.header")
        let descriptions = rules.map(\.description)
        for rule in descriptions {
            let scope = rule.scope == .document ? "document" : "project"
            text += "| [`\(rule.id)`](#\(rule.id)) | \(rule.family.rawValue) | \(scope) | \(rule.severity.rawValue) | \(rule.summary(in: language)) |\n"
        }
        for family in RuleFamily.allCases {
            let members = descriptions.filter { $0.family == family }
            guard !members.isEmpty else { continue }
            text += "\n## \(Self.familyTitle(family).text(in: language))\n"
            for rule in members {
                text += "\n### \(rule.id)\n\n"
                text += "*\(rule.severity.rawValue)* — \(rule.summary(in: language))\(Message("reference.period").text(in: language))\n\n"
                text += "\(rule.explanation(in: language))\n"
                for (title, examples) in [(Message("reference.triggers"), rule.failing), (Message("reference.passes"), rule.passing)] {
                    for example in examples {
                        text += "\n\(title.text(in: language))\n"
                        for path in (example.base ?? [:]).keys.sorted() {
                            let content = String(decoding: example.base?[path] ?? [], as: UTF8.self)
                            text += "\n" + Message("reference.base-file", ["path": .verbatim(path)]).text(in: language)
                            text += "\n\n```markdown\n\(content.hasSuffix("\n") ? content : content + "\n")```\n"
                        }
                        for path in example.files.keys.sorted() {
                            let content = example.text(of: path)
                            let codeLanguage = path.hasSuffix(".yml") ? "yaml" : "markdown"
                            text += "\n" + Message("reference.file", ["path": .verbatim(path)]).text(in: language)
                            text += "\n\n```\(codeLanguage)\n\(content.hasSuffix("\n") ? content : content + "\n")```\n"
                        }
                    }
                }
            }
        }
        return text
    }

    private static func familyTitle(_ family: RuleFamily) -> Message {
        switch family {
        case .syntax: Message("reference.family.syntax")
        case .schema: Message("reference.family.schema")
        case .identity: Message("reference.family.identity")
        case .references: Message("reference.family.references")
        case .coverage: Message("reference.family.coverage")
        case .structure: Message("reference.family.structure")
        case .arithmetic: Message("reference.family.arithmetic")
        case .upstream: Message("reference.family.upstream")
        case .review: Message("reference.family.review")
        }
    }
}
