import StdKitModel
import StdKitSyntax

/// The families of DESIGN §4.2, in the order the rule reference lists them.
public enum RuleFamily: String, Sendable, CaseIterable {
    case syntax, schema, identity, references
}

/// An example project for a rule: files by path. A failing example must trigger the rule, a
/// passing one must not; tests run them all and the rule reference shows them.
public struct RuleExample: Sendable {
    /// The example's files by path, as bytes (an example may hold bytes that are not UTF-8).
    public var files: [String: [UInt8]]

    public init(_ files: [String: String]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    /// An example of one document, `doc.md`.
    public init(document: String) {
        self.files = ["doc.md": Array(document.utf8)]
    }

    /// An example of one document given as bytes.
    public init(documentBytes: [UInt8]) {
        self.files = ["doc.md": documentBytes]
    }
}

/// What a rule is: its id, default severity, what it says and examples that pass and fail.
public struct RuleDescription: Sendable {
    /// Stable kebab-case id, used in output, in `stdkit.yml` and in disable comments.
    public var id: String
    public var family: RuleFamily
    public var severity: Severity
    /// One line: what the rule reports.
    public var summary: String
    /// Why it matters and how to fix it.
    public var explanation: String
    public var passing: [RuleExample]
    public var failing: [RuleExample]

    public init(
        id: String, family: RuleFamily, severity: Severity = .error, summary: String, explanation: String,
        passing: [RuleExample] = [], failing: [RuleExample] = []
    ) {
        self.id = id
        self.family = family
        self.severity = severity
        self.summary = summary
        self.explanation = explanation
        self.passing = passing
        self.failing = failing
    }
}

/// A check over a loaded project. One rule per file under `Rules/`.
public protocol Rule: Sendable {
    var description: RuleDescription { get }
    /// The rule's findings, at the rule's default severity; the checker applies overrides.
    func check(_ context: CheckContext) -> [Diagnostic]
}

/// A rule whose findings are made while reading files (syntax): it reports the load
/// diagnostics that carry its id.
public protocol LoadTimeRule: Rule {}

extension LoadTimeRule {
    public func check(_ context: CheckContext) -> [Diagnostic] {
        context.loadDiagnostics(rule: description.id)
    }
}
