import Foundation
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

/// The flagship against the national standard it implements (DESIGN §14.2, issue 22): each way
/// of falling below the standard, planted alone in a copy, is one finding at the programme's
/// line, and nothing else changes.
@Suite("The flagship against its national standard")
struct FlagshipUpstreamTests {
    typealias Found = PlantedFaultsTests.Found

    static func findings(_ root: URL) async throws -> Set<Found> {
        let project = try await ProjectLoader.load(root: root)
        return Set(Checker().check(project).diagnostics.map {
            Found(rule: $0.rule, file: $0.file, line: $0.location.line, column: $0.location.column)
        })
    }

    /// The findings a copy gains when `old` is replaced by `new` in `file`.
    static func gained(in file: String, replacing old: String, with new: String) async throws -> Set<Found> {
        let root = try PlantedFaultsTests.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try await findings(root)
        let url = root.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.components(separatedBy: old).count == 2, "'\(old)' must occur once in \(file)")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
        return try await findings(root).subtracting(before)
    }

    static let programme = "programme/robot-technology-460305.md"

    @Test func theFlagshipIsNotBelowTheReleaseItFollows() async throws {
        let project = try await ProjectLoader.load(root: FlagshipStandardTests.repository.appendingPathComponent("standards"))
        #expect(project.upstream("ns")?.declaration.release == "v2025.1")
        #expect(project.upstream("ns")?.project?.documents.count == 7)
        let upstreamFamily = Set(RuleCatalogue.all.filter { $0.description.family == .upstream }.map(\.description.id))
        #expect(Checker().check(project).diagnostics.filter { upstreamFamily.contains($0.rule) }.isEmpty)
    }

    @Test func aCoreCourseNoLongerImplementedIsOneFinding() async throws {
        let gained = try await Self.gained(in: "courses/professional-core/machine-vision.md",
                                           replacing: "implements: ns:COURSE-NS-VISION\n", with: "")
        #expect(gained == [Found(rule: "upstream-core-course", file: Self.programme, line: 10, column: 13)])
    }

    @Test func aNationalSpecificationNoLongerServedIsOneFinding() async throws {
        let gained = try await Self.gained(in: Self.programme, replacing: "中华民族自豪感。 → ns:PROG-NS-460305#S1\n",
                                           with: "中华民族自豪感。\n")
        #expect(gained == [Found(rule: "upstream-specification", file: Self.programme, line: 10, column: 13)])
    }

    /// The upstream raising its minimum (its vendored copy updated) puts the programme below it.
    @Test func aRaisedMinimumIsOneFindingAtTheTotal() async throws {
        let gained = try await Self.gained(in: "vendor/ns-460305/programme/ns-460305.md",
                                           replacing: "\ntotal_hours: 2600\n", with: "\ntotal_hours: 2700\n")
        #expect(gained == [Found(rule: "upstream-hours", file: Self.programme, line: 16, column: 14)])
    }
}
