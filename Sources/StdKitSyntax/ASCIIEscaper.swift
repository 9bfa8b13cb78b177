/// Replaces ASCII characters of a text by strings — the escaping of HTML, YAML's double quotes,
/// GitHub's workflow commands, Markdown.
///
/// It works on the UTF-8 bytes, never on `Character`s: Swift makes a quote followed by a
/// combining mark (`"\u{301}`) one `Character`, and `"\r\n"` another, so an escaping that
/// compares characters (or `replacingOccurrences`, which does too) lets that quote or line
/// break through — out of an HTML attribute, a YAML scalar, a workflow command. No byte of a
/// multi-byte UTF-8 sequence is ASCII, so every ASCII byte is the character itself.
public struct ASCIIEscaper: Sendable {
    /// By ASCII code: what replaces it, or nil to keep it.
    private let replacements: [[UInt8]?]

    /// `replacements` maps ASCII characters to their replacements.
    public init(_ replacements: [Unicode.Scalar: String]) {
        var table = [[UInt8]?](repeating: nil, count: 128)
        for (scalar, replacement) in replacements {
            precondition(scalar.isASCII, "only ASCII characters can be escaped by byte")
            table[Int(scalar.value)] = Array(replacement.utf8)
        }
        self.replacements = table
    }

    /// Text for HTML content and attribute values: `& < > " '` escaped — the site's pages and
    /// the diff's review page.
    public static let html = ASCIIEscaper(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"])

    /// A backslash before each of `characters`.
    public static func backslash(_ characters: String) -> ASCIIEscaper {
        ASCIIEscaper(Dictionary(characters.unicodeScalars.map { ($0, "\\" + String($0)) }, uniquingKeysWith: { first, _ in first }))
    }

    /// Whether `scalar` is one this escaper replaces.
    public func replaces(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && replacements[Int(scalar.value)] != nil
    }

    /// `text` with every character of the table replaced; `text` itself when none occurs.
    public func callAsFunction(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: { $0 < 0x80 && replacements[Int($0)] != nil }) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 32)
            result.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                if byte < 0x80, let replacement = replacements[Int(byte)] {
                    result.append(contentsOf: replacement)
                } else {
                    result.append(byte)
                }
            }
            return String(decoding: result, as: UTF8.self)
        } ?? text
    }
}
