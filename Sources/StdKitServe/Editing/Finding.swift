import StdKitSyntax

/// A finding as the browser shows it: a `Diagnostic` rendered in the session's language, its
/// place as the model counts it (1-based line, column in Unicode scalars).
public struct Finding: Sendable, Codable, Hashable {
    public var rule: String
    /// `error`, `warning` or `note`.
    public var severity: String
    public var line: Int
    public var column: Int
    public var message: String
    public var hint: String?

    public init(rule: String, severity: String, line: Int, column: Int, message: String, hint: String?) {
        self.rule = rule
        self.severity = severity
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `diagnostic` in `language`.
    public init(_ diagnostic: Diagnostic, in language: Language) {
        self.init(rule: diagnostic.rule, severity: diagnostic.severity.rawValue, line: diagnostic.location.line,
                  column: diagnostic.location.column, message: diagnostic.message.text(in: language),
                  hint: diagnostic.hint?.text(in: language))
    }

    // Encoded with `hint: null` when there is none, so that the browser reads one shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(severity, forKey: .severity)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(message, forKey: .message)
        try container.encode(hint, forKey: .hint)
    }
}
