import Foundation
import Testing
import StdKitModel

/// Known answers from FIPS 180-4's examples, `sha256sum`, and Python's `hashlib` and `uuid.uuid5`.
@Suite("Digests and name-based UUIDs")
struct DigestTests {
    @Test func sha1KnownAnswers() {
        #expect(Digests.sha1([]) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(Digests.sha1(Array("abc".utf8)) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(Digests.sha1(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        #expect(Digests.sha1(Array(String(repeating: "一", count: 100).utf8)) == "2d3eaf952ed0418af28e7b15fe8c71191bb3ed52")
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(Digests.sha256([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Digests.sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Digests.sha256(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(Digests.sha256([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // Computed with Python's hashlib.
        #expect(Digests.sha256(Array("焊接机器人编程\n".utf8)) == "aaee53be63ff8ca36e3414eb7ddf15f81155c7b4c692ffa3636ecb18eafd403d")
    }

    @Test func sha256OfChineseTextIsWhatSha256sumSays() throws {
        // printf '工业机器人技术专业人才培养方案：课程、学时与学分。' | sha256sum
        let text = "工业机器人技术专业人才培养方案：课程、学时与学分。"
        #expect(Digests.sha256(Array(text.utf8)) == "e72ae3b356e6df6d063b92c5f686e549ff5ce90e2810b9ba483eb555f6a91241")
        // And sha256sum itself, run now, on a longer text over several blocks with a CRLF.
        let long = String(repeating: "焊接机器人编程与调试，\r\n", count: 37)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(long.utf8))
        try input.fileHandleForWriting.close()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(printed == Digests.sha256(Array(long.utf8)) + "  -\n")
    }

    @Test func version5UUIDs() {
        #expect(NameUUID.make(namespace: "6ba7b810-9dad-11d1-80b4-00c04fd430c8", name: "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        #expect(NameUUID.make(namespace: "6ba7b811-9dad-11d1-80b4-00c04fd430c8", name: "https://stdkit.dev/case") == "99cfc571-0f9d-5f09-b568-22c8343819dc")
    }
}
