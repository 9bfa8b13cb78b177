import Testing
@testable import StdKitModel
import StdKitSyntax

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

    /// The digest reads front matter by `FrontMatter`'s rule, as the parser does: an indented
    /// ` ---` opens none, so `status` there is content. (Before one rule, the digest's own split
    /// took ` ---` as front matter where the parser did not.)
    @Test func anIndentedFirstLineOpensNoFrontMatter() {
        #expect(ContentDigest.of(" ---\nstatus: draft\n---\n") != ContentDigest.of(" ---\nstatus: approved\n---\n"))
        #expect(ContentDigest.of("---  \nstatus: draft\n---\n") == ContentDigest.of("---  \nstatus: approved\n---\n"))
        #expect(ContentDigest.normalized("\u{FEFF}---\r\nid: A\r\nstatus: x\r\n---\r\n") == "---\nid: A\n---\n")
    }

    @Test func anyOtherChangeDoes() {
        let digest = ContentDigest.of(Self.document)
        #expect(ContentDigest.of(Self.document.replacingOccurrences(of: "实操。", with: "实操与答辩。")) != digest)
        #expect(ContentDigest.of(Self.document.replacingOccurrences(of: "1.0.0", with: "1.0.1")) != digest)
        #expect(ContentDigest.of(Self.document.replacingOccurrences(of: "# 焊接编程", with: "#  焊接编程")) != digest)
    }

    static let approved = """
        ---
        id: C1
        kind: course
        approvals:
          # 企业先审
          - party: acme
            version: 1.0.0   # 首版
            digest: abc
            by: 王工
            date: 2026-11-01
          - {party: school, version: 1.0.0, digest: abc, by: 李老师, date: 2026-11-02}

        # 以上为审批记录
        tags: [焊接]
        ---
        # 课程

        """

    /// The front matter of a text, read as stdkit reads it.
    static func frontMatter(_ text: String) throws -> YAMLNode? {
        ProjectLoader.document(path: "a.md", bytes: Array(text.utf8), schemas: try SchemaLibrary.builtIn()).frontMatter
    }

    @Test func otherApprovalsStayAsWritten() throws {
        let new = Approval(party: "gov", version: "1.1.0", digest: "def", by: "赵处", date: "2026-11-03")
        let added = try #require(Approval.record(new, in: Self.approved))
        #expect(added == Self.approved.replacingOccurrences(of: "by: 李老师, date: 2026-11-02}\n", with: """
            by: 李老师, date: 2026-11-02}
              - {party: gov, version: 1.1.0, digest: def, by: 赵处, date: 2026-11-03}

            """), "added after the others, before the blank line and comment")
        let again = Approval(party: "acme", version: "1.1.0", digest: "def", by: "张工", date: "2026-11-04")
        let replaced = try #require(Approval.record(again, in: added))
        #expect(replaced.contains("""
            approvals:
              # 企业先审
              - {party: acme, version: 1.1.0, digest: def, by: 张工, date: 2026-11-04}
              - {party: school, version: 1.0.0, digest: abc, by: 李老师, date: 2026-11-02}
              - {party: gov,
            """), "\(replaced)")
        #expect(Approval.recorded(in: try Self.frontMatter(replaced)).map(\.party) == ["acme", "school", "gov"])
        // A flow list is rewritten as a block list.
        let flow = "---\nid: C1\napprovals: [{party: acme, version: 1.0.0, digest: abc, by: 王工, date: 2026-11-01}]\n---\n"
        let rewritten = try #require(Approval.record(new, in: flow))
        #expect(rewritten == "---\nid: C1\napprovals:\n  - {party: acme, version: 1.0.0, digest: abc, by: 王工, date: 2026-11-01}\n  - {party: gov, version: 1.1.0, digest: def, by: 赵处, date: 2026-11-03}\n---\n")
    }
}
