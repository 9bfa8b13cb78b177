import Foundation
import StdKitSyntax

/// SARIF 2.1.0 for code-scanning services: one run, the rule catalogue as the driver's rules,
/// one result per finding, notes as related locations, the check's fixes as `fixes`. Columns
/// count Unicode code points, as `columnKind` says — the model's own columns, fixes' included.
public struct SARIFReporter: Sendable {
    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var columnKind = "unicodeCodePoints"
        var results: [Result]
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name = "stdkit"
        var version: String
        var rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var defaultConfiguration: Configuration
        var properties: Properties
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct Properties: Encodable {
        var family: String
    }

    struct Message: Encodable {
        var text: String
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]
        var relatedLocations: [Location]?
        var fixes: [SARIFFix]?
    }

    /// A fix (SARIF §3.55): its edits grouped by file, in the order the check gave them.
    struct SARIFFix: Encodable {
        var description: Message
        var artifactChanges: [ArtifactChange]
    }

    struct ArtifactChange: Encodable {
        var artifactLocation: ArtifactLocation
        var replacements: [Replacement]
    }

    struct Replacement: Encodable {
        var deletedRegion: DeletedRegion
        var insertedContent: Content
    }

    /// The text replaced; `endColumn` is the column after its last character, as in the model.
    struct DeletedRegion: Encodable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
    }

    struct Content: Encodable {
        var text: String
    }

    struct Location: Encodable {
        var id: Int?
        var physicalLocation: PhysicalLocation
        var message: Message?
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable {
        var uri: String
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
    }

    public var rules: [RuleDescription]
    public var toolVersion: String
    /// The language of messages and of the rules' descriptions; ids and URIs never change.
    public var language: Language

    public init(rules: [RuleDescription], toolVersion: String, language: Language = .en) {
        self.rules = rules
        self.toolVersion = toolVersion
        self.language = language
    }

    public func report(_ result: CheckResult) -> String {
        let index = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let descriptors = rules.map { rule in
            ReportingDescriptor(
                id: rule.id, name: Self.camelCase(rule.id), shortDescription: Message(text: rule.summary(in: language)),
                fullDescription: Message(text: rule.explanation(in: language)),
                defaultConfiguration: Configuration(level: Self.level(rule.severity)),
                properties: Properties(family: rule.family.rawValue))
        }
        let results = result.diagnostics.map { diagnostic in
            let text = diagnostic.hint.map { StdKitSyntax.Message("report.sarif-hint", ["message": .message(diagnostic.message), "hint": .message($0)]) }
                ?? diagnostic.message
            let related = diagnostic.notes.enumerated().map { offset, note in
                Location(id: offset + 1, physicalLocation: Self.physical(note.file, note.location), message: Message(text: note.message.text(in: language)))
            }
            return Result(
                ruleId: diagnostic.rule, ruleIndex: index[diagnostic.rule], level: Self.level(diagnostic.severity),
                message: Message(text: text.text(in: language)),
                locations: [Location(id: nil, physicalLocation: Self.physical(diagnostic.file, diagnostic.location), message: nil)],
                relatedLocations: related.isEmpty ? nil : related,
                fixes: diagnostic.fixes.isEmpty ? nil : diagnostic.fixes.map(sarifFix))
        }
        let log = Log(runs: [Run(tool: Tool(driver: Driver(version: toolVersion, rules: descriptors)), results: results)])
        return JSONOutput.encode(log) + "\n"
    }

    func sarifFix(_ fix: Fix) -> SARIFFix {
        var changes: [ArtifactChange] = []
        for edit in fix.edits {
            let range = edit.range
            let replacement = Replacement(
                deletedRegion: DeletedRegion(startLine: range.lowerBound.line, startColumn: range.lowerBound.column,
                                             endLine: range.upperBound.line, endColumn: range.upperBound.column),
                insertedContent: Content(text: edit.text))
            let uri = Self.uri(edit.file)
            if let index = changes.firstIndex(where: { $0.artifactLocation.uri == uri }) {
                changes[index].replacements.append(replacement)
            } else {
                changes.append(ArtifactChange(artifactLocation: ArtifactLocation(uri: uri), replacements: [replacement]))
            }
        }
        return SARIFFix(description: Message(text: fix.title.text(in: language)), artifactChanges: changes)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    static func physical(_ file: String, _ location: SourceLocation) -> PhysicalLocation {
        PhysicalLocation(artifactLocation: ArtifactLocation(uri: uri(file)),
                         region: Region(startLine: location.line, startColumn: location.column))
    }

    /// A relative URI reference: path segments percent-encoded (Chinese file names included).
    public static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }
            .joined(separator: "/")
    }

    /// `unresolved-reference` → `UnresolvedReference`.
    static func camelCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
