import Foundation
import Testing
@testable import StdKitModel

/// The digests stdkit has written into the flagship's approvals and `.stdkit/links.lock` must keep
/// their values whatever computes them: `Fixtures/flagship-digests.txt` was written by the
/// hand-written SHA-256 before swift-crypto replaced it, and is compared line by line. It was
/// recorded from the flagship as it was then; `Tests/Fixtures/flagship-frozen` keeps that copy,
/// so that the flagship itself can grow.
@Suite("Flagship digests")
struct FlagshipDigestTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().standardizedFileURL
    static let fixture = repository.appendingPathComponent("Tests/StdKitModelTests/Fixtures/flagship-digests.txt")

    /// `content PATH DIGEST` for every document, then `item DOC#ITEM DIGEST` for every target of a
    /// coverage link, each sorted.
    static func lines(_ project: Project) -> [String] {
        let content = project.documents.map { "content \($0.path) \(ContentDigest.of($0.text))" }.sorted()
        var items: [String: String] = [:]
        for link in LinkReview.links(in: project) { items[link.key.target] = link.digest }
        return content + items.keys.sorted().map { "item \($0) \(items[$0] ?? "")" }
    }

    @Test func contentAndItemDigestsKeepTheirRecordedValues() async throws {
        let project = try await ProjectLoader.load(root: Self.repository.appendingPathComponent("Tests/Fixtures/flagship-frozen"))
        let recorded = try String(contentsOf: Self.fixture, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
        let computed = Self.lines(project)
        #expect(computed.count == 88)
        #expect(computed == recorded)
    }

    /// Every link of the flagship is in its lock with the digest its target has now: no link is
    /// suspect, unreviewed or obsolete, and the lock reads without a problem.
    @Test func theFlagshipLockMatchesEveryLink() async throws {
        let project = try await ProjectLoader.load(root: Self.repository.appendingPathComponent("standards"))
        let review = LinkReview(project: project)
        #expect(review.hasLock)
        #expect(review.problems.isEmpty)
        #expect(review.entries.count == 252)
        #expect(review.entries.filter { $0.status != .reviewed }.map(\.link.key.description) == [])
        #expect(review.obsolete.isEmpty)
    }
}
