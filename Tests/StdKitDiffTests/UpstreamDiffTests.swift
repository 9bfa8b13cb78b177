import Foundation
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitDiff

/// `UpstreamDiff` and `Project.replacingUpstream` on projects read from memory: what each kind
/// of upstream change touches locally, and what an addition nothing local names asks for.
@Suite("Upstream diff")
struct UpstreamDiffTests {
    static func programme(_ items: String, hours: Int = 2600, courses: String = "") -> String {
        "---\nid: PROG-NS\nkind: programme\ntitle: 国家标准\ntotal_hours: \(hours)\ncourses:\n  - {id: COURSE-NS-A, category: professional-core, hours: {theory: 16, practice: 32}}\n\(courses)---\n\n## 培养规格\n\n\(items)"
    }

    static let items = "- **S1** 能示教编程\n- **S2** 能维护保养\n- **S3** 能安装调试\n- **S4** 能离线编程\n"

    static func upstream(_ programme: String) async throws -> Project {
        try await ProjectLoader.load(files: ["stdkit.yml": Array("name: 国家标准\n".utf8), "p.md": Array(programme.utf8)])
    }

    static func school(_ upstreamProgramme: String, local: String) async throws -> Project {
        try await ProjectLoader.load(files: [
            "stdkit.yml": "name: 学校\nupstream:\n  - {id: ns, path: vendor/ns, release: v1}\n",
            "vendor/ns/stdkit.yml": "name: 国家标准\n", "vendor/ns/p.md": upstreamProgramme,
            "p.md": "---\nid: P1\nkind: programme\ntitle: 方案\nimplements: ns:PROG-NS\n---\n\n## 培养规格\n\n\(local)",
        ].mapValues { Array($0.utf8) })
    }

    static func lines(_ diff: UpstreamDiff) -> [String] {
        diff.entries.map { entry in
            var parts = [entry.kind.rawValue, entry.document]
            if let item = entry.item { parts.append(entry.oldItem.map { "\($0)→\(item)" } ?? item) }
            if let field = entry.field { parts.append("\(field): \(entry.old ?? "-") → \(entry.new ?? "-")") }
            if let course = entry.course { parts.append(course) }
            parts.append("touches [" + entry.touches.map { "\($0.label)@\($0.path):\($0.location)" }.joined(separator: ", ") + "]")
            if let missing = entry.missing { parts.append("missing \(missing.rawValue)") }
            return parts.joined(separator: " ")
        }
    }

    @Test func eachChangeWithTheLocalPlacesItTouches() async throws {
        let old = Self.programme(Self.items)
        // S2 removed, S3 renumbered S5 (same words), S4 reworded, S6 added; total hours raised; a
        // core course added and another kind of course too.
        let new = Self.programme("- **S1** 能示教编程\n- **S5** 能安装调试\n- **S4** 能离线编程与仿真\n- **S6** 能虚拟调试\n", hours: 2700,
                                 courses: "  - {id: COURSE-NS-B, category: professional-core, hours: {theory: 16, practice: 32}}\n  - {id: COURSE-NS-C, category: professional-elective}\n")
        let school = try await Self.school(old, local: "- **S1** 能示教编程 → ns:PROG-NS#S1\n- **S2** 能维护 → ns:PROG-NS#S2\n- **S3** 能安装 → ns:PROG-NS#S3\n- **S4** 中文𝄞é → ns:PROG-NS#S4\n")
        let diff = UpstreamDiff(project: school, upstream: "ns", old: try await Self.upstream(old), new: try await Self.upstream(new))
        #expect(diff.documents.map(\.key) == ["ns:PROG-NS"])
        #expect(Self.lines(diff) == [
            "field-changed ns:PROG-NS total_hours: 2600 → 2700 touches [P1 implements@p.md:5:13]",
            "course-added ns:PROG-NS ns:COURSE-NS-B touches [] missing core-course",
            "course-added ns:PROG-NS ns:COURSE-NS-C touches []",
            "item-renumbered ns:PROG-NS S3→S5 touches [P1#S3@p.md:12:16]",
            "item-removed ns:PROG-NS S2 touches [P1#S2@p.md:11:16]",
            "item-added ns:PROG-NS S6 touches [] missing specification",
            "item-reworded ns:PROG-NS S4 touches [P1#S4@p.md:13:17]",
        ])
        #expect(diff.entries.last?.wording?.marked == "能离线编程{+与仿真+}")
        #expect(diff.entries[1].hours == 48)
        #expect(diff.entries[1].category == "professional-core")
    }

    /// After updating, the references are resolved against the new release: an item only the
    /// new one has resolves, a removed one does not, and the usage sees both.
    @Test func replacingTheUpstreamResolvesTheReferencesAgain() async throws {
        let old = Self.programme(Self.items)
        let new = Self.programme("- **S1** 能示教编程\n- **S6** 能虚拟调试\n")
        let school = try await Self.school(old, local: "- **S1** 能示教 → ns:PROG-NS#S2\n- **S2** 能调试 → ns:PROG-NS#S6\n")
        func resolutions(_ project: Project) -> [Reference.Resolution] {
            project.document("P1")?.items.flatMap { $0.references.map(\.resolution) } ?? []
        }
        #expect(resolutions(school) == [.item(document: "ns:PROG-NS", item: "S2"), .unresolvedItem(document: "ns:PROG-NS", item: "S6")])
        let updated = school.replacingUpstream("ns", with: try await Self.upstream(new), release: "v2")
        #expect(resolutions(updated) == [.unresolvedItem(document: "ns:PROG-NS", item: "S2"), .item(document: "ns:PROG-NS", item: "S6")])
        #expect(updated.upstream("ns")?.declaration.release == "v2")
        #expect(updated.config.upstreams.map(\.release) == ["v2"])
        #expect(updated.index.sources(referencingItem: "S6", of: "ns:PROG-NS").map(\.item) == ["S2"])
        #expect(updated.document("ns:PROG-NS")?.path == "vendor/ns/p.md")
        #expect(UpstreamUsage(project: updated, upstream: "ns").unusedSpecifications == ["ns:PROG-NS#S1"])
        #expect(school.replacingUpstream("gd", with: try await Self.upstream(new)).config.upstreams.map(\.release) == ["v1"])
    }

    /// Targets in the order a reader counts them (S2 before S10), places in path order.
    @Test func usesAreInReadingOrder() async throws {
        let items = (1...10).map { "- **S\($0)** 规格\($0)\n" }.joined()
        let school = try await Self.school(Self.programme(items), local: "- **S1** 甲 → ns:PROG-NS#S10\n- **S2** 乙 → ns:PROG-NS#S2, ns:PROG-NS#S10\n")
        let usage = UpstreamUsage(project: school, upstream: "ns")
        #expect(usage.uses.map(\.target) == ["ns:PROG-NS", "ns:PROG-NS#S2", "ns:PROG-NS#S10"])
        #expect(usage.places(naming: "ns:PROG-NS#S10").map(\.label) == ["P1#S1", "P1#S2"])
        #expect(usage.unusedSpecifications == ["ns:PROG-NS#S1", "ns:PROG-NS#S3", "ns:PROG-NS#S4", "ns:PROG-NS#S5", "ns:PROG-NS#S6",
                                                "ns:PROG-NS#S7", "ns:PROG-NS#S8", "ns:PROG-NS#S9"])
        #expect(usage.unusedCoreCourses == ["ns:COURSE-NS-A"])
    }

    /// An absent upstream's finding goes once the upstream is replaced by a release read elsewhere.
    @Test func replacingAnAbsentUpstreamDropsItsFinding() async throws {
        let school = try await ProjectLoader.load(files: [
            "stdkit.yml": Array("name: 学校\nupstream:\n  - {id: ns, path: vendor/ns}\n".utf8),
            "p.md": Array("---\nid: P1\nkind: programme\ntitle: 方案\nimplements: ns:PROG-NS\n---\n".utf8),
        ])
        #expect(school.diagnostics.map(\.rule) == ["upstream-missing"])
        let updated = school.replacingUpstream("ns", with: try await Self.upstream(Self.programme(Self.items)))
        #expect(updated.diagnostics.map(\.rule) == [])
        #expect(updated.document("P1")?.references.map(\.resolution) == [.document("ns:PROG-NS")])
    }
}
