import Foundation
import Testing
@testable import StdKitCLI

/// `stdkit merge` end to end on a programme's `courses:` table, from the merge scenarios of
/// StdKitDiffTests: the case merges cleanly (exit 0), a course's key changed two ways is
/// one conflict named by its path (exit 1).
@Suite("stdkit merge of a programme table")
struct MergeProgrammeCommandTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../StdKitDiffTests/Fixtures/merge").standardizedFileURL

    static func folder(with scenario: String) throws -> URL {
        let folder = try CLIRun.temporaryFolder()
        for name in ["base.md", "ours.md", "theirs.md"] {
            try FileManager.default.copyItem(at: scenarios.appendingPathComponent("\(scenario)/\(name)"), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    static func expected(_ scenario: String) throws -> String {
        try String(contentsOf: scenarios.appendingPathComponent("\(scenario)/expected.md"), encoding: .utf8)
    }

    @Test func practiceHoursAgainstAnotherCoursesSemesterMergeCleanly() async throws {
        let folder = try Self.folder(with: "programme-hours-vs-semester")
        defer { try? FileManager.default.removeItem(at: folder) }
        let merged = await CLIRun.run(["merge", "base.md", "ours.md", "theirs.md"], in: folder)
        #expect(merged.status == 0, "\(merged.errors)")
        #expect(merged.output == (try Self.expected("programme-hours-vs-semester")))
        #expect(merged.output.contains("  - {id: COURSE-PLC, name: PLC应用技术, category: professional-core, semester: 3, hours: {theory: 32, practice: 40}, credits: 4}\n"))
        #expect(merged.output.contains("  - {id: COURSE-ELEC, name: 电工电子技术, category: professional-basic, semester: 3, hours: {theory: 32, practice: 32}, credits: 4}\n"))
    }

    @Test func theSameKeyOfOneCourseChangedTwoWaysIsOneConflictOnThatKey() async throws {
        let folder = try Self.folder(with: "programme-same-key-conflict")
        defer { try? FileManager.default.removeItem(at: folder) }
        let merged = await CLIRun.run(["merge", "base.md", "ours.md", "theirs.md", "-o", "out.md", "--json"], in: folder)
        #expect(merged.status == 1)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(merged.errors.utf8)) as? [String: Any])
        let conflicts = summary["conflicts"] as? [[String: Any]]
        #expect(conflicts?.map { $0["place"] as? String } == ["front matter `courses › COURSE-PLC › semester`"])
        let out = try String(contentsOf: folder.appendingPathComponent("out.md"), encoding: .utf8)
        // The files' names are the labels on the command line; the scenario's are ours/base/theirs.
        let expected = try Self.expected("programme-same-key-conflict").replacingOccurrences(of: "<<<<<<< ours\n", with: "<<<<<<< ours.md\n")
            .replacingOccurrences(of: "||||||| base\n", with: "||||||| base.md\n").replacingOccurrences(of: ">>>>>>> theirs\n", with: ">>>>>>> theirs.md\n")
        #expect(out == expected)
        #expect(out.contains("<<<<<<< ours.md\n    semester: 4\n||||||| base.md\n    semester: 3\n=======\n    semester: 2\n>>>>>>> theirs.md\n"))
    }
}
