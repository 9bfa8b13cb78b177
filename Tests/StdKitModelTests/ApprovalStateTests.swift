import Testing
@testable import StdKitModel
import StdKitSyntax

/// `ApprovalState`: the one definition of a current and a stale approval that the rules, the
/// site and `stdkit review` read.
@Suite("Approval state")
struct ApprovalStateTests {
    static let body = "---\nid: C1\nkind: course\ntitle: 课程\nversion: 1.0.0\nparties: [szpt, acme]\n---\n\n# 课程\n"

    static func document(_ text: String) throws -> Document {
        ProjectLoader.document(path: "c.md", bytes: Array(text.utf8), schemas: try SchemaLibrary.builtIn())
    }

    /// The body with `approvals` written after `parties`.
    static func approved(_ approvals: [String]) -> String {
        body.replacingOccurrences(of: "parties: [szpt, acme]\n", with: "parties: [szpt, acme]\napprovals:\n" + approvals.map { "  - " + $0 + "\n" }.joined())
    }

    @Test func eachApprovalIsCurrentOrStaleByTheDigestNow() throws {
        let digest = ContentDigest.of(Self.body)
        let text = Self.approved([
            "{party: szpt, version: 1.0.0, digest: \(digest), by: 王工, date: 2026-11-20}",
            "{party: acme, version: 0.9.0, digest: \(String(repeating: "0", count: 64)), by: 李工, date: 2026-10-01}",
            "{version: 1.0.0, digest: \(digest)}",
        ])
        let state = ApprovalState(try Self.document(text))
        #expect(state.digest == digest, "recording approvals does not change the digest")
        #expect(state.entries.map(\.isCurrent) == [true, false, true])
        #expect(state.entries.map(\.approval?.party) == ["szpt", "acme", nil])
        #expect(state.entries.map(\.node.location.line) == [8, 9, 10])
        #expect(state.approvals.map(\.party) == ["szpt", "acme"])
        #expect(state.currentParties == ["szpt"])
        #expect(state.approval(of: "acme")?.isCurrent == false)
        #expect(state.approval(of: "acme")?.approval.version == "0.9.0")
        #expect(state.approval(of: "szpt")?.isCurrent == true)
        #expect(state.approval(of: "gov") == nil)
    }

    @Test func aChangeMakesEveryApprovalStale() throws {
        let digest = ContentDigest.of(Self.body)
        let text = Self.approved(["{party: szpt, version: 1.0.0, digest: \(digest), by: 王工, date: 2026-11-20}"])
            .replacingOccurrences(of: "# 课程\n", with: "# 课程（修订）\n")
        let state = ApprovalState(try Self.document(text))
        #expect(state.digest == ContentDigest.of(Self.body.replacingOccurrences(of: "# 课程\n", with: "# 课程（修订）\n")))
        #expect(state.entries.map(\.isCurrent) == [false])
        #expect(state.currentParties.isEmpty)
    }

    /// Most documents record no approval: nothing is computed for them.
    @Test func noApprovalsNoDigest() throws {
        let state = ApprovalState(try Self.document(Self.body))
        #expect(state.digest == nil)
        #expect(state.entries.isEmpty)
        #expect(state.currentParties.isEmpty)
    }
}
