import StdKitModel
import StdKitSyntax

/// The families of DESIGN §4.2, in the order the rule reference lists them.
public enum RuleFamily: String, Sendable, CaseIterable {
    case syntax, schema, identity, references, coverage, structure, arithmetic, upstream, review
}

/// An example project for a rule: files by path. A failing example must trigger the rule, a
/// passing one must not; tests run them all and the rule reference shows them.
///
/// In a failing example, `↓` marks where a finding is expected (SwiftLint's convention): the
/// marker is removed from the text, and the rule must report exactly at the marked places.
public struct RuleExample: Sendable {
    /// A marked place: the file and the location of the character after `↓`.
    public struct Mark: Sendable, Hashable {
        public var file: String
        public var location: SourceLocation
    }

    /// The example's files by path, as bytes (an example may hold bytes that are not UTF-8).
    public var files: [String: [UInt8]]
    /// The files of the base revision, for rules that compare with one (version bumps).
    public var base: [String: [UInt8]]?
    /// The places marked with `↓`, sorted.
    public var marks: [Mark]
    /// For each mark, the text of its line before the marker.
    public var markPrefixes: [String]

    public init(_ files: [String: String], base: [String: String]? = nil) {
        self.base = base?.mapValues { Array($0.utf8) }
        var contents: [String: [UInt8]] = [:]
        var marks: [(Mark, String)] = []
        for (path, text) in files {
            var cleaned = ""
            var line = 1
            var lineText = ""
            for scalar in text.unicodeScalars {
                if scalar == "↓" {
                    marks.append((Mark(file: path, location: SourceLocation(line: line, column: lineText.unicodeScalars.count + 1)), lineText))
                    continue
                }
                cleaned.unicodeScalars.append(scalar)
                if scalar == "\n" {
                    line += 1
                    lineText = ""
                } else {
                    lineText.unicodeScalars.append(scalar)
                }
            }
            contents[path] = Array(cleaned.utf8)
        }
        marks.sort { ($0.0.file, $0.0.location) < ($1.0.file, $1.0.location) }
        self.files = contents
        self.marks = marks.map(\.0)
        self.markPrefixes = marks.map(\.1)
    }

    /// An example of one document, `doc.md`.
    public init(document: String) {
        self.init(["doc.md": document])
    }

    /// An example of one document given as bytes.
    public init(documentBytes: [UInt8]) {
        self.files = ["doc.md": documentBytes]
        self.base = nil
        self.marks = []
        self.markPrefixes = []
    }

    /// The files as text, for the rule reference (markers removed).
    public func text(of path: String) -> String {
        let bytes = files[path] ?? []
        let text = String(validating: bytes, as: UTF8.self) ?? String(decoding: bytes, as: UTF8.self) + "\n(the marked bytes are not UTF-8)\n"
        // Control characters other than tab and line breaks are shown as their pictures (␀ for
        // NUL), so that the reference stays text.
        var shown = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20, scalar != "\t", scalar != "\n", scalar != "\r" {
                shown.append(Unicode.Scalar(0x2400 + scalar.value)!)
            } else {
                shown.append(scalar)
            }
        }
        return String(shown)
    }
}

/// What a rule's findings in a document depend on.
public enum RuleScope: Sendable {
    /// That document alone — with the project's settings, the document's own base revision and
    /// history: `check` may compute them from that document only (the incremental check does).
    case document
    /// Other documents too (references, coverage, ids, programmes, links).
    case project
}

/// What a rule is: its id, default severity, what it says and examples that pass and fail.
///
/// Its summary and explanation are in the message catalogues (`rule.ID.summary` and
/// `rule.ID.explanation`), in every language; a test holds every rule to having both.
public struct RuleDescription: Sendable {
    /// Stable kebab-case id, used in output, in `stdkit.yml` and in disable comments.
    public var id: String
    public var family: RuleFamily
    /// What its findings depend on; a test holds every `.document` rule to it.
    public var scope: RuleScope
    public var severity: Severity
    public var passing: [RuleExample]
    public var failing: [RuleExample]

    public init(
        id: String, family: RuleFamily, scope: RuleScope = .project, severity: Severity = .error,
        passing: [RuleExample] = [], failing: [RuleExample] = []
    ) {
        self.id = id
        self.family = family
        self.scope = scope
        self.severity = severity
        self.passing = passing
        self.failing = failing
    }
}

extension RuleDescription {
    /// One line: what the rule reports (no final period).
    public var summaryMessage: Message { Message("rule.\(id).summary") }
    /// Why it matters and how to fix it (Markdown).
    public var explanationMessage: Message { Message("rule.\(id).explanation") }

    public func summary(in language: Language) -> String { summaryMessage.text(in: language) }
    public func explanation(in language: Language) -> String { explanationMessage.text(in: language) }
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
