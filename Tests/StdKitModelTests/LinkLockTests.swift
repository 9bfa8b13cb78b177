import Foundation
import Testing
@testable import StdKitModel

/// `.stdkit/links.lock`: reading, writing and the review state of links (the merge by link is
/// in StdKitDiffTests, `LinkLockMergeTests`).
@Suite("Links lock")
struct LinkLockTests {
    static let a = String(repeating: "a", count: 64)
    static let b = String(repeating: "b", count: 64)
    static let c = String(repeating: "c", count: 64)

    /// A lock's text from `source -> target digest` triples, in the given order (not sorted).
    static func lock(_ lines: [(String, String, String)], header: Bool = true) -> String {
        ((header ? [LinkLock.header] : []) + lines.map { "\($0.0) -> \($0.1) \($0.2)" }).map { $0 + "\n" }.joined()
    }

    @Test func writesSortedAndReadsBack() {
        let keys = [LinkLock.Key(source: "C2#LO1", target: "J#R1"), LinkLock.Key(source: "C1#LO10", target: "J#R2"),
                    LinkLock.Key(source: "C1#LO10", target: "J#R10"), LinkLock.Key(source: "C1#LO2", target: "J#R1")]
        let lock = LinkLock(digests: Dictionary(uniqueKeysWithValues: keys.map { ($0, Self.a) }))
        let lines = lock.text.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != " " }) + " " + $0.split(separator: " ")[2] }
        #expect(lines == ["C1#LO10 J#R10", "C1#LO10 J#R2", "C1#LO2 J#R1", "C2#LO1 J#R1"], "byte order of source, then target")
        let (read, problems) = LinkLock.parse(lock.text)
        #expect(problems.isEmpty)
        #expect(read == lock)
        #expect(LinkLock.parse(read.text).lock.text == lock.text)
    }

    @Test func keysAsUsersWriteThem() {
        #expect(LinkLock.Key("C1#LO2->J#R2") == LinkLock.Key(source: "C1#LO2", target: "J#R2"))
        #expect(LinkLock.Key("C1#LO2 → J#R2") == LinkLock.Key(source: "C1#LO2", target: "J#R2"))
        #expect(LinkLock.Key("C1->J#R2") == nil)
        #expect(LinkLock.Key("C1#LO2") == nil)
        #expect(LinkLock.Key("C1#LO2->J#R2->K#R1") == nil)
    }

    @Test func damagedLinesAreProblemsWithTheirLines() {
        let text = Self.lock([("C1#LO1", "J#R1", Self.a)]) + "<<<<<<< ours\n" + "C1#LO2 -> J#R2 \(Self.a)\n" + "=======\n"
            + "C1#LO2 -> J#R2 \(Self.b)\n" + ">>>>>>> theirs\n" + "C1#LO3 J#R3 \(Self.a)\n" + "C1#LO4 -> J#R4 ABC\n"
            + "C1#LO1 -> J#R1 \(Self.a)\n"
        let (lock, problems) = LinkLock.parse(text)
        #expect(problems.map(\.line) == [3, 5, 6, 7, 8, 9], "\(problems)")
        #expect([0, 1, 3].allSatisfy { problems[$0].message.english.contains("merge conflict") })
        #expect(problems[2].message.english == "C1#LO2->J#R2 is listed twice with different digests (first on line 4)")
        #expect(problems[4].message.english.contains("is not a link line"))
        #expect(problems[5].message.english.contains("64 lowercase hexadecimal digits"))
        #expect(problems.allSatisfy { $0.hint.english.contains("stdkit review accept") })
        #expect(lock.digests.count == 2)
        // The same line twice is harmless.
        #expect(LinkLock.parse(Self.lock([("C1#LO1", "J#R1", Self.a), ("C1#LO1", "J#R1", Self.a)])).problems.isEmpty)
    }

    // MARK: The review state of a project's links

    static let job = "---\nid: J\nkind: job-profile\ntitle: 岗位\nowner: acme\n---\n\n- **R1** 能完成开机\n  与点检。 {level=2 weight=3}\n- **R2** 能调试焊接轨迹 {level=3}\n"
    static let course = "---\nid: C1\nkind: course\ntitle: 课程\nowner: szpt\n---\n\n- **LO1** 目标 → J#R1, J#R2\n- **LO2** 目标 → J#R2\n- **U1** 单元 → J#R1\n"

    static func project(job: String = job, course: String = course, lock: String?) async throws -> Project {
        var files = ["j.md": Array(job.utf8), "c.md": Array(course.utf8)]
        files[Project.linkLockPath] = lock.map { Array($0.utf8) }
        return try await ProjectLoader.load(files: files)
    }

    @Test func theReviewedTextIsTheStatementAndSortedAttributes() async throws {
        let project = try await Self.project(lock: nil)
        let r1 = try #require(project.document("J")?.item("R1"))
        #expect(LinkReview.reviewedText(r1) == "能完成开机与点检。 {level=2 weight=3}")
        // Re-wrapping and reordering the attributes is no change; a word or a level is.
        let same = try await Self.project(job: Self.job.replacingOccurrences(of: "能完成开机\n  与点检。 {level=2 weight=3}", with: "能完成开机与点检。  {weight=3 level=2}"), lock: nil)
        #expect(LinkReview.digest(try #require(same.document("J")?.item("R1"))) == LinkReview.digest(r1))
        let leveled = try await Self.project(job: Self.job.replacingOccurrences(of: "level=2", with: "level=3"), lock: nil)
        #expect(LinkReview.digest(try #require(leveled.document("J")?.item("R1"))) != LinkReview.digest(r1))
    }

    @Test func linksAreCoverageReferencesOnly() async throws {
        let project = try await Self.project(lock: nil)
        let links = LinkReview.links(in: project)
        #expect(links.map(\.key.description) == ["C1#LO1->J#R1", "C1#LO1->J#R2", "C1#LO2->J#R2"], "units' references are not coverage links")
        #expect(links.allSatisfy { $0.sourceOwner == "szpt" && $0.targetOwner == "acme" && $0.sourcePath == "c.md" && $0.targetPath == "j.md" })
        #expect(links[0].location.line == 8)
    }

    @Test func reviewedSuspectUnreviewedAndObsolete() async throws {
        let first = try await Self.project(lock: nil)
        let everything = LinkReview(project: first)
        #expect(!everything.hasLock)
        #expect(everything.unreviewed.count == 3)
        let accepted = everything.accepting(everything.entries.map(\.link), pruning: true)

        // The enterprise rewords R2; the school adds LO3 and drops LO2's reference.
        let job = Self.job.replacingOccurrences(of: "能调试焊接轨迹", with: "能示教并调试焊接轨迹")
        let course = Self.course.replacingOccurrences(of: "- **LO2** 目标 → J#R2\n", with: "- **LO2** 目标\n- **LO3** 目标 → J#R1\n")
        let later = LinkReview(project: try await Self.project(job: job, course: course, lock: accepted.text))
        #expect(later.hasLock)
        #expect(later.suspect.map(\.link.key.description) == ["C1#LO1->J#R2"])
        #expect(later.suspect.first?.status == .suspect(reviewed: accepted.digests[LinkLock.Key(source: "C1#LO1", target: "J#R2")]!))
        #expect(later.unreviewed.map(\.link.key.description) == ["C1#LO3->J#R1"])
        #expect(later.obsolete.map(\.description) == ["C1#LO2->J#R2"])
        // Accepting one link changes its line only; pruning drops the obsolete one.
        let one = later.accepting(later.suspect.map(\.link), pruning: false)
        #expect(one.digests.count == 3)
        #expect(one.digests[LinkLock.Key(source: "C1#LO1", target: "J#R2")] == later.suspect[0].link.digest)
        #expect(later.accepting(later.entries.map(\.link), pruning: true).digests.keys.map(\.description).sorted() == ["C1#LO1->J#R1", "C1#LO1->J#R2", "C1#LO3->J#R1"])
    }

    /// History with fixed texts, newest first.
    struct FixedHistory: ProjectHistory {
        var texts: [String: [String]]
        func earlierTexts(of path: String) -> [String] { texts[path] ?? [] }
    }

    @Test func theReviewedTextComesFromHistory() async throws {
        let before = try await Self.project(lock: nil)
        let review = LinkReview(project: before)
        let lock = review.accepting(review.entries.map(\.link), pruning: true)
        let reworded = Self.job.replacingOccurrences(of: "能调试焊接轨迹 {level=3}", with: "能示教并调试焊接轨迹 {level=4}")
        let later = LinkReview(project: try await Self.project(job: reworded, lock: lock.text))
        let entry = try #require(later.suspect.first)
        guard case .suspect(let digest) = entry.status else { Issue.record("not suspect"); return }
        // Newer revisions without the reviewed text are passed over.
        let history = FixedHistory(texts: ["j.md": [reworded.replacingOccurrences(of: "示教并", with: "示教"), Self.job, "garbage"]])
        let text = LinkReview.reviewedText(of: entry.link, digest: digest, history: history, schemas: before.schemas)
        #expect(text == "能调试焊接轨迹 {level=3}")
        // (What `stdkit review` shows is the word diff of the two, tested with WordDiff.)
        #expect(entry.link.targetText == "能示教并调试焊接轨迹 {level=4}")
        #expect(LinkReview.reviewedText(of: entry.link, digest: digest, history: FixedHistory(texts: [:]), schemas: before.schemas) == nil)
    }
}
