/// Scalars written as YAML text, for the places stdkit writes front matter (merged sets,
/// approvals, new projects).
public enum YAMLScalar {
    /// `value` bare where YAML reads it back as the same string, double-quoted otherwise (YAML
    /// punctuation, surrounding spaces, a leading `-` or `?`, the words YAML 1.1 reads as
    /// booleans or null, control characters).
    public static func written(_ value: String) -> String {
        let plain = !value.isEmpty && !value.contains(where: { ":#,[]{}&*!|>'\"%@`\n\r\t\\".contains($0) })
            && value.first != " " && value.last != " " && !"-?".contains(value.first!)
            && !["true", "false", "yes", "no", "on", "off", "null", "~"].contains(value.lowercased())
        return plain ? value : doubleQuoted(value)
    }

    /// `value` in double quotes, with `\`, `"` and line breaks and tabs escaped.
    public static func doubleQuoted(_ value: String) -> String {
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\t", with: "\\t")
        return "\"" + escaped + "\""
    }
}
