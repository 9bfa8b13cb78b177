import Foundation
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

/// Small projects for the timetable rules' tests: a programme under `cn-vocational-higher`,
/// checked from memory or, for the settings `ProjectConfig` does not read yet, from a folder.
enum TimetableProject {
    /// A programme `p.md` whose `courses:` key is on line 5 (column 1), with the given entries
    /// one a line from line 6, extra front-matter lines before `courses:` shift that by their count.
    static func files(courses: [String], extra: String = "", settings: String = "", others: [String: String] = [:]) -> [String: String] {
        var files = others
        files["stdkit.yml"] = "profile: cn-vocational-higher\n" + settings
        files["p.md"] = "---\nid: P1\nkind: programme\ntitle: 工业机器人技术专业人才培养方案\n\(extra)courses:\n"
            + courses.map { "  - \($0)\n" }.joined() + "---\n\n# 工业机器人技术专业人才培养方案\n"
        return files
    }

    /// The findings of `rule` in a project read from memory.
    static func findings(_ rule: String, _ files: [String: String]) async throws -> [Diagnostic] {
        try await RuleCatalogueTests.findings(of: RuleExample(files)).filter { $0.rule == rule }
    }

    /// The findings of `rule` in a project written to a temporary folder and read from there.
    static func findingsOnDisk(_ rule: String, _ files: [String: String]) async throws -> [Diagnostic] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-timetable-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let project = try await ProjectLoader.load(root: folder)
        return Checker().check(project).diagnostics.filter { $0.rule == rule }
    }
}
