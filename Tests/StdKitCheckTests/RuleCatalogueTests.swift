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
            #expect(!rule.summary(in: .en).isEmpty && !rule.summary(in: .en).hasSuffix("."), "\(rule.id)")
            #expect(rule.explanation(in: .en).count > 40, "\(rule.id)")
        }
    }

    /// In Chinese too, from the zh-CN catalogue (not English taken for a missing key).
    @Test func everyRuleExplainsItselfInChinese() {
        for rule in Self.rules {
            let summary = rule.summary(in: .zhCN)
            #expect(!summary.isEmpty && !summary.hasSuffix("。") && summary != rule.summary(in: .en), "\(rule.id)")
            #expect(summary.unicodeScalars.contains { $0.isCJK }, "\(rule.id): \(summary)")
            #expect(rule.explanation(in: .zhCN).count > 20 && rule.explanation(in: .zhCN) != rule.explanation(in: .en), "\(rule.id)")
        }
    }

    static func findings(of example: RuleExample) async throws -> [Diagnostic] {
        let project = try await ProjectLoader.load(files: example.files)
        var base: Project?
        if let files = example.base { base = try await ProjectLoader.load(files: files) }
        return Checker().check(project, base: base).diagnostics
    }

    /// Each failing example triggers its rule, exactly at its `↓` marks when it has any; each
    /// passing example does not trigger it.
    @Test(arguments: RuleCatalogue.all.map(\.description.id))
    func examples(id: String) async throws {
        let rule = try #require(RuleCatalogue.rule(id)).description
        for example in rule.failing {
            let found = try await Self.findings(of: example)
            #expect(found.contains { $0.rule == id }, "a failing example of \(id) did not trigger it: \(found.map(\.rule))")
            if !example.marks.isEmpty {
                let places = found.filter { $0.rule == id }.map { RuleExample.Mark(file: $0.file, location: $0.location) }
                #expect(places.sorted { ($0.file, $0.location) < ($1.file, $1.location) } == example.marks,
                        "\(id) reported at \(places.map { "\($0.file):\($0.location)" }), marked \(example.marks.map { "\($0.file):\($0.location)" })")
            }
        }
        for example in rule.passing {
            let found = try await Self.findings(of: example)
            #expect(!found.contains { $0.rule == id }, "a passing example of \(id) triggered it: \(found.map(\.message.english))")
        }
    }

    /// Most rules have examples; the few without are those whose input cannot be written as
    /// a small project (a file that cannot be read, a runaway YAML alias, a broken schema file).
    /// Where a rule's findings stand after other text on a line, one of its marked examples puts
    /// Chinese characters before the mark, so that columns are proven to count characters.
    @Test(arguments: RuleCatalogue.all.map(\.description))
    func markedExamplesHaveChineseOnTheLine(rule: RuleDescription) {
        let marked = rule.failing.filter { !$0.marks.isEmpty }
        guard !marked.isEmpty else { return }
        // Marks at the start of a construct (a heading, an item's id) or on a front-matter line,
        // whose columns come from the YAML reader (tested with Chinese on its own), need none.
        let needsChinese = marked.contains { example in
            zip(example.marks, example.markPrefixes).contains { mark, prefix in
                !prefix.allSatisfy { " #-*>[".contains($0) } && !Self.isFrontMatterLine(mark, of: example)
            }
        }
        let chineseBefore = marked.contains { $0.markPrefixes.contains { $0.unicodeScalars.contains { $0.isCJK } } }
        #expect(chineseBefore || !needsChinese, "\(rule.id): no marked example has Chinese text before its mark")
    }

    static func isFrontMatterLine(_ mark: RuleExample.Mark, of example: RuleExample) -> Bool {
        if mark.file.hasSuffix(".yml") { return true }
        let lines = example.text(of: mark.file).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let closing = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else { return false }
        return mark.location.line <= closing
    }

    /// Every failing example marks where its finding is expected, except an example made of
    /// bytes that are not text (its place is asserted by the invalid-utf8 fixture).
    @Test func everyFailingExampleIsMarked() {
        for rule in Self.rules {
            for example in rule.failing where example.marks.isEmpty {
                let isText = example.files.values.allSatisfy { String(validating: $0, as: UTF8.self) != nil }
                #expect(!isText, "a failing example of \(rule.id) has no ↓ mark")
            }
        }
    }

    @Test func rulesWithoutExamplesAreTheKnownFew() {
        let without = Self.rules.filter { $0.failing.isEmpty }.map(\.id).sorted()
        // upstream-release needs a git checkout of the upstream (UpstreamTests makes one).
        #expect(without == ["resource-limit", "schema-invalid", "symbolic-link", "unreadable-file", "upstream-release"])
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

extension RuleDescription: CustomTestStringConvertible {
    public var testDescription: String { id }
}
