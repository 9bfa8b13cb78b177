import Foundation
import Testing
import StdKitSyntax
@testable import StdKitCheck

@Suite("Rule reference")
struct RuleReferenceTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../docs").standardizedFileURL

    /// docs/rules.md and docs/rules.zh-CN.md are generated from the rules. Re-record with
    /// STDKIT_RECORD=1 swift test.
    @Test(arguments: Language.allCases)
    func docsRulesIsUpToDate(language: Language) throws {
        let file = Self.docs.appendingPathComponent(RuleReference.fileName(language))
        let generated = RuleReference.markdown(language: language)
        if ProcessInfo.processInfo.environment["STDKIT_RECORD"] == "1" {
            try generated.write(to: file, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: file, encoding: .utf8)
        #expect(committed == generated, "docs/\(file.lastPathComponent) is stale: run 'STDKIT_RECORD=1 swift test --filter RuleReference' and commit it")
    }

    @Test func ruleFilesAreNamedByLanguage() {
        #expect(RuleReference.fileName(.en) == "rules.md")
        #expect(RuleReference.fileName(.zhCN) == "rules.zh-CN.md")
    }

    @Test(arguments: Language.allCases)
    func ruleTextsHaveNoStraySpaces(language: Language) {
        for rule in RuleCatalogue.all {
            #expect(!rule.description.explanation(in: language).contains("  "), "\(rule.description.id): two spaces in its explanation")
            #expect(!rule.description.summary(in: language).contains("  "), "\(rule.description.id): two spaces in its summary")
        }
    }

    @Test(arguments: Language.allCases)
    func everyRuleHasASection(language: Language) {
        let text = RuleReference.markdown(language: language)
        for rule in RuleCatalogue.all {
            #expect(text.contains("\n### \(rule.description.id)\n"))
            #expect(text.contains(rule.description.summary(in: language)))
        }
    }
}
