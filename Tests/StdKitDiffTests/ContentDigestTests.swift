import Testing
@testable import StdKitDiff

@Suite("Content digests")
struct ContentDigestTests {
    static let document = "---\nid: C1\nkind: course\ntitle: 焊接编程\nversion: 1.0.0\n---\n\n# 焊接编程\n\n实操。\n"

    @Test func theDigestIsOfTheNormalizedText() {
        // Already normalized: the digest is the plain SHA-256 of the text (hashlib).
        #expect(ContentDigest.of(Self.document) == "aa86b769f37bcddb48e7b5b3398fffd51e5977975773731c59ceb6f9eab8a55e")
    }

    @Test func approvalsStatusLineEndingsTrailingSpaceAndABOMDoNotCount() {
        let digest = ContentDigest.of(Self.document)
        let approved = Self.document.replacingOccurrences(of: "version: 1.0.0\n", with:
            "version: 1.0.0\napprovals:\n  - {party: acme, version: 1.0.0, digest: \(digest), by: 王工, date: 2026-11-20}\n")
        #expect(ContentDigest.of(approved) == digest)
        let block = Self.document.replacingOccurrences(of: "version: 1.0.0\n", with:
            "version: 1.0.0\napprovals:\n- party: acme\n  version: 1.0.0\n  # 王工 signed\n  by: 王工\n")
        #expect(ContentDigest.of(block) == digest)
        #expect(ContentDigest.of(Self.document.replacingOccurrences(of: "version: 1.0.0\n", with: "version: 1.0.0\nstatus: approved\n")) == digest)
        #expect(ContentDigest.of("\u{FEFF}" + Self.document.replacingOccurrences(of: "\n", with: " \r\n") + "\n\n") == digest)
    }

    @Test func anyOtherChangeDoes() {
        let digest = ContentDigest.of(Self.document)
        #expect(ContentDigest.of(Self.document.replacingOccurrences(of: "实操。", with: "实操与答辩。")) != digest)
        #expect(ContentDigest.of(Self.document.replacingOccurrences(of: "1.0.0", with: "1.0.1")) != digest)
        #expect(ContentDigest.of(Self.document.replacingOccurrences(of: "# 焊接编程", with: "#  焊接编程")) != digest)
    }
}
