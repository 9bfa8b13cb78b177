import Foundation
import Testing
import StdKitModel
@testable import StdKitDiff

/// Revision pairs as fixtures (`old/`, `new/`): each reports exactly its intended change and the
/// bump it requires. The JSON report of each is a golden file (`expected.json`, re-recorded with
/// STDKIT_RECORD=1 and read before committing).
@Suite("Diff fixture pairs")
struct FixturePairTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func change(_ name: String) async throws -> ProjectChange {
        let old = try await ProjectLoader.load(root: fixtures.appendingPathComponent("\(name)/old"))
        let new = try await ProjectLoader.load(root: fixtures.appendingPathComponent("\(name)/new"))
        return Differ(old: old, new: new).compare()
    }

    /// What each pair must report: per changed document, its id, the kinds of change and the bump.
    static let intended: [(String, [String])] = [
        ("moved-section", ["COURSE-A section:moved:课程内容 bump:patch"]),
        ("renamed-section", ["JOB-A section:renamed:典型工作任务与职责 bump:patch"]),
        ("reworded-chinese", ["JOB-A item:reworded:R2 bump:patch"]),
        ("reworded-english", ["JOB-A item:reworded:R3 bump:patch"]),
        ("renumbered", ["JOB-A item:renumbered:R4 bump:major"]),
        ("reordered-keys", []),
        ("rewrapped", []),
        ("table-cell", ["JOB-A section:edited:工作条件 bump:patch"]),
        ("removed-requirement", ["JOB-A item:removed:R2 bump:major"]),
        ("field-change", ["PROG-A field:courses[id=COURSE-A].hours.practice bump:patch"]),
        ("added-item", ["COURSE-A reference:gained:LO3 bump:patch", "JOB-A item:added:R4 bump:minor"]),
        ("renamed-document", ["JOB-A renamed bump:none"]),
    ]

    static func summary(_ document: DocumentChange) -> String {
        var parts = [document.id]
        parts += document.fields.map { "field:\($0.path)" }
        parts += document.sections.map { "section:\($0.kind.rawValue):\($0.title)" }
        parts += document.items.map { "item:\($0.kind.rawValue):\($0.id)" }
        parts += document.references.map { "reference:\($0.kind.rawValue):\($0.source)" }
        if document.status == .renamed, !document.hasChanges { parts.append("renamed") }
        parts.append("bump:\(document.requiredBump.name)")
        return parts.joined(separator: " ")
    }

    @Test(arguments: intended)
    func reportsExactlyTheIntendedChange(name: String, expected: [String]) async throws {
        let change = try await Self.change(name)
        #expect(change.documents.map(Self.summary) == expected)
    }

    @Test(arguments: intended.map(\.0))
    func jsonMatchesItsGoldenFile(name: String) async throws {
        let json = DiffReport(change: try await Self.change(name), from: "old", to: "new").json()
        let golden = Self.fixtures.appendingPathComponent("\(name)/expected.json")
        if ProcessInfo.processInfo.environment["STDKIT_RECORD"] == "1" {
            try json.write(to: golden, atomically: true, encoding: .utf8)
        }
        #expect(json == (try String(contentsOf: golden, encoding: .utf8)))
    }

    @Test func removedRequirementListsItsImpact() async throws {
        let document = try #require(try await Self.change("removed-requirement").documents.first)
        #expect(document.impact == ["COURSE-A", "COURSE-A#LO2", "MAT-A", "PROG-A"])
        #expect(document.englishReasons == ["R2 was removed"])
    }

    @Test func chineseIsComparedByCharacter() async throws {
        let item = try #require(try await Self.change("reworded-chinese").documents.first?.items.first)
        #expect(item.wording?.segments.filter { $0.kind != .same }.map(\.text) == ["示教", "离线"])
    }

    @Test func tableRowsAreMatchedByTheirFirstCell() async throws {
        let section = try #require(try await Self.change("table-cell").documents.first?.sections.first)
        #expect(section.rows == [FieldChange(path: "班次", old: "两班制", new: "三班制")])
        #expect(section.text == nil)
    }
}
