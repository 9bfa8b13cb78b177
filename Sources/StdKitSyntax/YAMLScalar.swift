/// Scalars written as YAML text, for the places stdkit writes front matter (merged sets,
/// approvals, new projects).
public enum YAMLScalar {
    /// `value` bare where YAML reads it back as the same string, double-quoted otherwise (YAML
    /// punctuation, surrounding spaces, a leading `-` or `?`, the words YAML 1.1 reads as
    /// booleans or null, control characters).
    public static func written(_ value: String) -> String {
        // By scalars: a quote or line break followed by a combining mark is one `Character`.
        let plain = !value.isEmpty && !value.unicodeScalars.contains(where: { ":#,[]{}&*!|>'\"%@`\n\r\t\\".unicodeScalars.contains($0) || $0.value < 0x20 || $0.value == 0x7F })
            && value.first != " " && value.last != " " && !"-?".contains(value.first!)
            && !["true", "false", "yes", "no", "on", "off", "null", "~"].contains(value.lowercased())
        return plain ? value : doubleQuoted(value)
    }

    /// `value` in double quotes, with `\`, `"`, line breaks, tabs and other control characters
    /// escaped.
    public static func doubleQuoted(_ value: String) -> String {
        "\"" + escaper(value) + "\""
    }

    private static let escaper: ASCIIEscaper = {
        var replacements: [Unicode.Scalar: String] = ["\\": "\\\\", "\"": "\\\"", "\n": "\\n", "\r": "\\r", "\t": "\\t"]
        let hex = Array("0123456789ABCDEF")
        for code in UInt8(0)..<0x20 where replacements[Unicode.Scalar(code)] == nil {
            replacements[Unicode.Scalar(code)] = "\\x" + String(hex[Int(code >> 4)]) + String(hex[Int(code & 0xF)])
        }
        replacements[Unicode.Scalar(0x7F)] = "\\x7F"
        return ASCIIEscaper(replacements)
    }()
}
