import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

@Suite("Rule catalogue")
struct RuleCatalogueTests {
    static let rules = RuleCatalogue.all.map(\.description)

    @Test func idsAreUniqueAndKebabCase() {
        let ids = Self.rules.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }, "\(id)")
            #expect(!id.hasPrefix("-") && !id.hasSuffix("-"))
        }
    }

    @Test func everyRuleExplainsItself() {
        for rule in Self.rules {
            #expect(!rule.summary.isEmpty && !rule.summary.hasSuffix("."), "\(rule.id)")
            #expect(rule.explanation.count > 40, "\(rule.id)")
        }
    }

    static func findings(of example: RuleExample) async throws -> [Diagnostic] {
        let project = try await ProjectLoader.load(files: example.files)
        return Checker().check(project).diagnostics
    }

    /// Each failing example triggers its rule; each passing example does not.
    @Test(arguments: RuleCatalogue.all.map(\.description.id))
    func examples(id: String) async throws {
        let rule = try #require(RuleCatalogue.rule(id)).description
        for example in rule.failing {
            let found = try await Self.findings(of: example)
            #expect(found.contains { $0.rule == id }, "a failing example of \(id) did not trigger it: \(found.map(\.rule))")
        }
        for example in rule.passing {
            let found = try await Self.findings(of: example)
            #expect(!found.contains { $0.rule == id }, "a passing example of \(id) triggered it: \(found.map(\.message))")
        }
    }

    /// Most rules have examples; the few without are those whose input cannot be written as
    /// a small project (a file that cannot be read, a runaway YAML alias, a broken schema file).
    @Test func rulesWithoutExamplesAreTheKnownFew() {
        let without = Self.rules.filter { $0.failing.isEmpty }.map(\.id).sorted()
        #expect(without == ["resource-limit", "schema-invalid", "unreadable-file"])
    }

    /// Every rule id a load or a schema check produces belongs to a rule of the catalogue.
    @Test func everyFindingBelongsToACatalogueRule() async throws {
        let ids = Set(Self.rules.map(\.id))
        for (fixture, _) in FixtureTests.cases {
            let result = try await FixtureTests.check(fixture)
            for diagnostic in result.diagnostics {
                #expect(ids.contains(diagnostic.rule), "\(fixture): \(diagnostic.rule) is in no rule file")
            }
        }
    }
}
