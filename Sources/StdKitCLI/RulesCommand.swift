import Foundation
import ArgumentParser
import StdKitCheck

/// `stdkit rules [--markdown]`: the rule catalogue.
struct RulesCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule with its id, family, default severity and what it reports.")

    @Flag(help: "Print the full rule reference in Markdown (docs/rules.md).")
    var markdown = false

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        if markdown {
            environment.output.write(RuleReference.markdown())
            return 0
        }
        let rules = RuleCatalogue.all.map(\.description)
        let width = rules.map(\.id.count).max() ?? 0
        var text = ""
        for rule in rules {
            let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let family = rule.family.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            let severity = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            text += "\(id)  \(family)  \(severity)  \(rule.summary)\n"
        }
        environment.output.write(text)
        return 0
    }
}
