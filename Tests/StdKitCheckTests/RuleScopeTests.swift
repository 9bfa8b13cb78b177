import Foundation
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

/// A rule of scope `.document` must find in a document exactly what it finds there when the
/// document is checked alone, with the project's settings and its own base revision: the
/// incremental check relies on it. Checked on every rule example (which between them trigger
/// every rule) and on the flagship and examples.
@Suite("Rule scopes")
struct RuleScopeTests {
    static let localRules = RuleCatalogue.all.filter { $0.description.scope == .document }

    /// The settings files of a project given as files: they go with each document.
    static func settings(of files: [String: [UInt8]]) -> [String: [UInt8]] {
        let config = files[ProjectConfig.fileName].map { ProjectConfig.parse(DecodedSource(bytes: $0).text, defaultName: "project").0 }
        let schemas = (config?.schemas ?? "schemas") + "/"
        return files.filter { $0.key == ProjectConfig.fileName || $0.key.hasPrefix(schemas) }
    }

    /// The documents whose findings alone differ from their findings in the whole project.
    static func differences(files: [String: [UInt8]], base: [String: [UInt8]]?) async throws -> [String] {
        let project = try await ProjectLoader.load(files: files)
        var baseProject: Project?
        if let base { baseProject = try await ProjectLoader.load(files: base) }
        let whole = Checker(rules: localRules, concurrent: false).check(project, base: baseProject).diagnostics
        var differing: [String] = []
        for document in project.documents {
            let alone = try await ProjectLoader.load(files: settings(of: files).merging([document.path: files[document.path] ?? []]) { a, _ in a })
            var aloneBase: Project?
            if let base {
                aloneBase = try await ProjectLoader.load(files: settings(of: base).merging(base[document.path].map { [document.path: $0] } ?? [:]) { a, _ in a })
            }
            let found = Checker(rules: localRules, concurrent: false).check(alone, base: aloneBase).diagnostics.filter { $0.file == document.path }
            let expected = whole.filter { $0.file == document.path }
            if found != expected {
                differing.append("\(document.path): alone \(found.map { "\($0.location) \($0.rule)" }), in the project \(expected.map { "\($0.location) \($0.rule)" })")
            }
        }
        return differing
    }

    @Test(arguments: RuleCatalogue.all.map(\.description))
    func documentRulesFindTheSameInADocumentAlone(rule: RuleDescription) async throws {
        for (index, example) in (rule.failing + rule.passing).enumerated() {
            let differing = try await Self.differences(files: example.files, base: example.base)
            #expect(differing.isEmpty, "\(rule.id), example \(index + 1): \(differing)")
        }
    }

    /// The files of a folder of this repository (`standards`), by path relative to it.
    static func files(at path: String) -> [String: [UInt8]] {
        let root = FlagshipStandardTests.repository.appendingPathComponent(path)
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard !url.hasDirectoryPath, let data = FileManager.default.contents(atPath: url.path) else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))] = Array(data)
        }
        return files
    }

    @Test(arguments: ["standards", "examples/minimal", "examples/english-programme", "examples/cooperation"])
    func documentRulesFindTheSameInTheFlagshipAndExamples(path: String) async throws {
        let files = Self.files(at: path)
        #expect(!files.isEmpty)
        #expect(try await Self.differences(files: files, base: nil).isEmpty)
    }

    /// A rule that reads other documents must not be marked `.document`: the planted faults of
    /// the flagship copy include references, coverage and ids, which the test above would miss
    /// if such a rule were marked so.
    @Test func theProjectRulesAreTheOnesThatReadOtherDocuments() {
        let project = Set(RuleCatalogue.all.filter { $0.description.scope == .project }.map(\.description.id))
        #expect(project == [
            "broken-link", "course-entry-mismatch", "course-not-in-programme", "duplicate-document-id", "id-case-collision",
            "level-below-requirement", "links-lock-invalid", "prerequisite-cycle", "suspect-link", "uncovered-requirement", "unreviewed-link",
            "internship-placement", "links-lock-invalid", "prerequisite-cycle", "prerequisite-semester", "suspect-link", "uncovered-requirement", "unreviewed-link",
            "unresolved-reference", "unserved-specification", "version-pin-mismatch", "withdrawn-reference", "wrong-target-kind",
            "upstream-missing", "upstream-release",
            // issue 22: measured against the upstream programme the programme implements
            "upstream-core-course", "upstream-hours", "upstream-specification", "upstream-profile-edited",
            // cooperation: a post's programme and job profiles, a module's targets, the programmes' class sizes
            "rotation-post-target", "module-covers-no-requirement", "facility-capacity",
            // issue 21: which course an entry is (and so its exemption) is read from the course's title.
            "elective-only-coverage", "hours-per-credit", "required-course",
        ])
    }
}
