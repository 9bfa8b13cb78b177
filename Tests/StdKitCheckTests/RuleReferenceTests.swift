import Foundation
import Testing
@testable import StdKitCheck

@Suite("Rule reference")
struct RuleReferenceTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../docs/rules.md").standardizedFileURL

    /// docs/rules.md is generated from the rules. Re-record with STDKIT_RECORD=1 swift test.
    @Test func docsRulesIsUpToDate() throws {
        let generated = RuleReference.markdown()
        if ProcessInfo.processInfo.environment["STDKIT_RECORD"] == "1" {
            try generated.write(to: Self.file, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: Self.file, encoding: .utf8)
        #expect(committed == generated, "docs/rules.md is stale: run 'STDKIT_RECORD=1 swift test --filter RuleReference' and commit it")
    }

    @Test func ruleTextsHaveNoStraySpaces() {
        for rule in RuleCatalogue.all {
            #expect(!rule.description.explanation.contains("  "), "\(rule.description.id): two spaces in its explanation")
            #expect(!rule.description.summary.contains("  "), "\(rule.description.id): two spaces in its summary")
        }
    }

    @Test func everyRuleHasASection() {
        let text = RuleReference.markdown()
        for rule in RuleCatalogue.all {
            #expect(text.contains("\n### \(rule.description.id)\n"))
        }
    }
}
