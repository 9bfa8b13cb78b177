import Testing
@testable import StdKitDiff

@Suite("Content digests")
struct ContentDigestTests {
    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // Computed with Python's hashlib.
        #expect(SHA256.hex(Array("焊接机器人编程\n".utf8)) == "aaee53be63ff8ca36e3414eb7ddf15f81155c7b4c692ffa3636ecb18eafd403d")
    }

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
