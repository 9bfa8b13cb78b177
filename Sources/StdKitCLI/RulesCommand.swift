import Foundation
import ArgumentParser
import StdKitCheck
import StdKitModel
import StdKitSyntax

/// `stdkit rules [--markdown]`: the rule catalogue.
struct RulesCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule with its id, family, default severity and what it reports.")

    @Flag(help: "Print the full rule reference in Markdown (docs/rules.md, or docs/rules.zh-CN.md in Chinese).")
    var markdown = false

    @Option(help: ArgumentHelp("Language: zh-CN or en (default: STDKIT_LANG, else the project's lang, else the locale).", valueName: "lang"))
    var lang: Language?

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        let root = ProjectLoader.findRoot(containing: environment.currentDirectory)
        let language = environment.language(option: lang, projectRoot: root)
        if markdown {
            environment.output.write(RuleReference.markdown(language: language))
            return 0
        }
        let rules = RuleCatalogue.all.map(\.description)
        let width = rules.map(\.id.count).max() ?? 0
        var text = ""
        for rule in rules {
            let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let family = rule.family.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            let severity = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            text += "\(id)  \(family)  \(severity)  \(rule.summary(in: language))\n"
        }
        environment.output.write(text)
        return 0
    }
}
