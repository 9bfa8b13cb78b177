import Testing
import StdKitModel

/// Known answers from FIPS 180-4's examples and Python's `hashlib` and `uuid.uuid5`.
@Suite("Digests and name-based UUIDs")
struct DigestTests {
    @Test func sha1KnownAnswers() {
        #expect(SHA1.hex([]) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(SHA1.hex(Array("abc".utf8)) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(SHA1.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        #expect(SHA1.hex(Array(String(repeating: "一", count: 100).utf8)) == "2d3eaf952ed0418af28e7b15fe8c71191bb3ed52")
    }

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

    @Test func version5UUIDs() {
        #expect(NameUUID.make(namespace: "6ba7b810-9dad-11d1-80b4-00c04fd430c8", name: "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        #expect(NameUUID.make(namespace: "6ba7b811-9dad-11d1-80b4-00c04fd430c8", name: "https://stdkit.dev/case") == "99cfc571-0f9d-5f09-b568-22c8343819dc")
    }
}
