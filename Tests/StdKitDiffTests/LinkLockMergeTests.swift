import Foundation
import StdKitModel
import Testing
@testable import StdKitDiff

/// The merge of `.stdkit/links.lock` by link (the merge driver's), which stays with the merge
/// engine; reading, writing and review are `LinkLockTests` in StdKitModelTests.
@Suite("Links lock merge")
struct LinkLockMergeTests {
    static let a = String(repeating: "a", count: 64)
    static let b = String(repeating: "b", count: 64)
    static let c = String(repeating: "c", count: 64)

    /// A lock's text from `source -> target digest` triples, in the given order (not sorted).
    static func lock(_ lines: [(String, String, String)], header: Bool = true) -> String {
        ((header ? [LinkLock.header] : []) + lines.map { "\($0.0) -> \($0.1) \($0.2)" }).map { $0 + "\n" }.joined()
    }

    // MARK: Merging by link

    /// Merges and returns the result's links (conflicts left out), its conflicts' places and text.
    static func merge(_ base: [(String, String, String)], _ ours: [(String, String, String)], _ theirs: [(String, String, String)])
        -> (links: [String: String], conflicts: [String], text: String) {
        let result = LinkLock.merge(base: lock(base), ours: lock(ours), theirs: lock(theirs))!
        let clean = result.text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            !line.hasPrefix("<<<<<<<") && !line.hasPrefix(">>>>>>>") && !line.hasPrefix("|||||||") && !line.hasPrefix("=======")
        }
        var links: [String: String] = [:]
        if result.conflicts.isEmpty {
            for (key, digest) in LinkLock.parse(clean.joined(separator: "\n")).lock.digests { links[key.description] = digest }
        }
        return (links, result.conflicts.map(\.place), result.text)
    }

    @Test func concurrentReviewsOfDifferentLinksBothStay() {
        let base = [("C1#LO1", "J#R1", Self.a), ("C1#LO2", "J#R2", Self.a)]
        let merged = Self.merge(base, [("C1#LO1", "J#R1", Self.b), ("C1#LO2", "J#R2", Self.a), ("C1#LO3", "J#R3", Self.a)],
                                [("C1#LO1", "J#R1", Self.a), ("C1#LO2", "J#R2", Self.c), ("C0#LO1", "J#R1", Self.c)])
        #expect(merged.conflicts.isEmpty)
        #expect(merged.links == ["C1#LO1->J#R1": Self.b, "C1#LO2->J#R2": Self.c, "C1#LO3->J#R3": Self.a, "C0#LO1->J#R1": Self.c])
        #expect(LinkLock.parse(merged.text).problems.isEmpty, "a clean merge is a valid, sorted lock")
        #expect(LinkLock.parse(merged.text).lock.text == merged.text)
    }

    @Test func theSameReviewOnBothSidesIsClean() {
        let merged = Self.merge([("C1#LO1", "J#R1", Self.a)], [("C1#LO1", "J#R1", Self.b)], [("C1#LO1", "J#R1", Self.b)])
        #expect(merged.conflicts.isEmpty)
        #expect(merged.links == ["C1#LO1->J#R1": Self.b])
    }

    @Test func aRemovalAgainstNoChangeIsARemoval() {
        let merged = Self.merge([("C1#LO1", "J#R1", Self.a), ("C1#LO2", "J#R2", Self.a)], [("C1#LO2", "J#R2", Self.a)],
                                [("C1#LO1", "J#R1", Self.a), ("C1#LO2", "J#R2", Self.a)])
        #expect(merged.conflicts.isEmpty)
        #expect(merged.links == ["C1#LO2->J#R2": Self.a])
    }

    @Test func differentDigestsForOneLinkConflictOnThatLineOnly() {
        let merged = Self.merge([("C1#LO1", "J#R1", Self.a), ("C1#LO2", "J#R2", Self.a)],
                                [("C1#LO1", "J#R1", Self.b), ("C1#LO2", "J#R2", Self.b)],
                                [("C1#LO1", "J#R1", Self.c), ("C1#LO2", "J#R2", Self.a)])
        #expect(merged.conflicts == ["link C1#LO1->J#R1"])
        #expect(merged.text.contains("<<<<<<< ours\nC1#LO1 -> J#R1 \(Self.b)\n||||||| base\nC1#LO1 -> J#R1 \(Self.a)\n=======\nC1#LO1 -> J#R1 \(Self.c)\n>>>>>>> theirs\nC1#LO2 -> J#R2 \(Self.b)\n"))
        // The conflict's line is where its marker is.
        let lines = merged.text.split(separator: "\n", omittingEmptySubsequences: false)
        let result = LinkLock.merge(base: Self.lock([("C1#LO1", "J#R1", Self.a)]), ours: Self.lock([("C1#LO1", "J#R1", Self.b)]), theirs: Self.lock([("C1#LO1", "J#R1", Self.c)]))!
        #expect(lines[result.conflicts[0].line - 1].hasPrefix("<<<<<<<"))
    }

    @Test func aRemovalAgainstAChangeConflicts() {
        let merged = Self.merge([("C1#LO1", "J#R1", Self.a)], [], [("C1#LO1", "J#R1", Self.b)])
        #expect(merged.conflicts == ["link C1#LO1->J#R1"])
        #expect(merged.text.contains("<<<<<<< ours\n||||||| base\nC1#LO1 -> J#R1 \(Self.a)\n=======\nC1#LO1 -> J#R1 \(Self.b)\n>>>>>>> theirs\n"))
    }

    @Test func anUnreadableVersionDeclinesTheMerge() {
        #expect(LinkLock.merge(base: Self.lock([]), ours: "C1#LO1 J#R1\n", theirs: Self.lock([])) == nil)
        #expect(LinkLock.isLock(path: "standards/.stdkit/links.lock", text: ""))
        #expect(LinkLock.isLock(path: "x", text: LinkLock.header + "\n"))
        #expect(!LinkLock.isLock(path: "course.md", text: "---\n"))
    }
}
