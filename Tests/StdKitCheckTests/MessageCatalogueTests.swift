import Foundation
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

/// The catalogues against the code: every key the code uses is in both, every key of a
/// catalogue is used, and both languages fill the same placeholders.
@Suite("Message catalogues")
struct MessageCatalogueTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources").standardizedFileURL

    /// The first segments of catalogue keys: rule ids and the shared families.
    static let prefixes = Set(RuleCatalogue.all.map(\.description.id) + ["common", "report", "reference", "profile", "profile-rule", "change-reason", "upstream", "docx", "pdf", "workspace", "lsp", "serve"])

    /// Every string literal of the sources that is a catalogue key (`PREFIX.rest`, no spaces).
    static func keysInSources() throws -> Set<String> {
        var keys: Set<String> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        let literal = /"([a-z][a-z0-9-]*)(\.[a-z0-9.-]+)"/
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            // File names such as "common.yml" are not keys.
            for match in text.matches(of: literal) where prefixes.contains(String(match.output.1)) && !match.output.2.hasSuffix(".yml") {
                keys.insert(String(match.output.1) + String(match.output.2))
            }
        }
        return keys
    }

    /// The keys of the rule reference: a summary and an explanation for each rule.
    static let ruleKeys = Set(RuleCatalogue.all.flatMap { [$0.description.summaryMessage.key, $0.description.explanationMessage.key] })

    @Test func everyKeyTheCodeUsesIsInBothCatalogues() throws {
        let used = try Self.keysInSources().union(Self.ruleKeys)
        #expect(used.count > 250)
        for language in Language.allCases {
            let missing = used.subtracting(MessageCatalogue.for(language).templates.keys).sorted()
            #expect(missing.isEmpty, "missing in \(language.rawValue).yml: \(missing)")
        }
    }

    @Test func everyKeyOfACatalogueIsUsed() throws {
        let used = try Self.keysInSources().union(Self.ruleKeys)
        for language in Language.allCases {
            let unused = Set(MessageCatalogue.for(language).templates.keys).subtracting(used).sorted()
            #expect(unused.isEmpty, "unused in \(language.rawValue).yml: \(unused)")
        }
    }

    @Test func bothLanguagesHaveTheSamePlaceholders() {
        let english = MessageCatalogue.for(.en).templates
        let chinese = MessageCatalogue.for(.zhCN).templates
        #expect(Set(english.keys) == Set(chinese.keys))
        for (key, template) in english {
            guard let other = chinese[key] else { continue }
            #expect(Set(MessageCatalogue.placeholders(in: template)) == Set(MessageCatalogue.placeholders(in: other)),
                    "\(key): en \(MessageCatalogue.placeholders(in: template)), zh-CN \(MessageCatalogue.placeholders(in: other))")
        }
    }

    /// A test of this test: a key written in the code is found.
    @Test func theSourceScanFindsKeys() throws {
        let keys = try Self.keysInSources()
        #expect(keys.contains("unresolved-reference.no-document"))
        #expect(keys.contains("common.did-you-mean"))
        #expect(keys.contains("report.errors.one"))
        #expect(!keys.contains("stdkit.yml"))
    }
}
