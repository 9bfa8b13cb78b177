/// How serious a finding is.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case error
    case warning
    case note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    /// Errors sort first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One finding about a file: which rule, how serious, where, and what to do.
///
/// `file` is the path as the user should see it (relative to the project root where there is
/// one). `message` states the rule tersely and ends without a period; `hint` says how to fix it.
/// Both are typed `Message`s, rendered in the user's language only by the reporters.
public struct Diagnostic: Sendable, Hashable {
    /// A related place that helps to understand the finding.
    public struct Note: Sendable, Hashable {
        public var file: String
        public var location: SourceLocation
        public var message: Message

        public init(file: String, location: SourceLocation, message: Message) {
            self.file = file
            self.location = location
            self.message = message
        }
    }

    /// The stable kebab-case rule id, for example `unresolved-reference`.
    public var rule: String
    public var severity: Severity
    public var file: String
    public var location: SourceLocation
    public var message: Message
    public var notes: [Note]
    /// How to fix the problem, where one can be said.
    public var hint: Message?
    /// Edits that fix the problem, where the check can tell them (an editor offers them as
    /// code actions): a did-you-mean made into the replacement, for example.
    public var fixes: [Fix]

    public init(
        rule: String, severity: Severity = .error, file: String, location: SourceLocation,
        message: Message, notes: [Note] = [], hint: Message? = nil, fixes: [Fix] = []
    ) {
        self.rule = rule
        self.severity = severity
        self.file = file
        self.location = location
        self.message = message
        self.notes = notes
        self.hint = hint
        self.fixes = fixes
    }

    /// The order in which diagnostics are reported: by file, line, column, then rule.
    public static func reportOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.file != rhs.file { return lhs.file.precedesInUTF8(rhs.file) }
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        // Rare (two findings of one rule at one place): ordered by their English text, as
        // before messages were typed, so the order does not depend on the language.
        return lhs.message.english < rhs.message.english
    }
}

/// Edits that fix a finding: each replaces a stretch of a file's text (model places: 1-based
/// lines, columns in scalars; an empty range inserts).
public struct Fix: Sendable, Hashable {
    public struct Edit: Sendable, Hashable {
        public var file: String
        public var range: SourceRange
        public var text: String

        public init(file: String, range: SourceRange, text: String) {
            self.file = file
            self.range = range
            self.text = text
        }
    }

    /// What the fix does, as an editor lists it ("Replace with JOB-ROBOT-OPERATOR#R3").
    public var title: Message
    public var edits: [Edit]

    public init(title: Message, edits: [Edit]) {
        self.title = title
        self.edits = edits
    }
}
