import Crypto

/// The digests stdkit writes, from swift-crypto: SHA-256 for content and item digests, SHA-1
/// only for name-based UUIDs (RFC 9562 version 5), which are defined by it — never for security.
/// Both as lower-case hexadecimal, the form written into approvals and `links.lock`.
public enum Digests {
    /// The SHA-256 of `message` in lower-case hexadecimal.
    public static func sha256(_ message: [UInt8]) -> String {
        hex(Array(SHA256.hash(data: message)))
    }

    /// The SHA-1 of `message` in lower-case hexadecimal.
    public static func sha1(_ message: [UInt8]) -> String {
        hex(Array(Insecure.SHA1.hash(data: message)))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes { text += [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]] }
        return String(decoding: text, as: UTF8.self)
    }
}

/// Name-based UUIDs (RFC 9562, version 5): the same namespace and name always give the same
/// UUID.
public enum NameUUID {
    /// The version-5 UUID of `name` in `namespace` (a UUID in its usual text form), lower case.
    public static func make(namespace: String, name: String) -> String {
        let namespaceBytes = bytes(of: namespace)
        var hash = Array(Insecure.SHA1.hash(data: namespaceBytes + Array(name.utf8)).prefix(16))
        hash[6] = (hash[6] & 0x0F) | 0x50
        hash[8] = (hash[8] & 0x3F) | 0x80
        let hex = Digests.hex(hash)
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return parts.joined(separator: "-")
    }

    /// The 16 bytes of a UUID written in hexadecimal with or without dashes.
    static func bytes(of uuid: String) -> [UInt8] {
        let digits = Array(uuid.lowercased().filter(\.isHexDigit))
        return stride(from: 0, to: min(digits.count, 32) - 1, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16) ?? 0 }
    }
}
