import Yams

/// Reads YAML text into a `YAMLNode` with file positions, reporting syntax errors as
/// diagnostics.
public enum YAMLReader {
    /// The result of reading: the root (nil when the text is empty or unreadable) and what went
    /// wrong.
    public struct Result: Sendable {
        public var root: YAMLNode?
        public var diagnostics: [Diagnostic]
    }

    /// The most nodes one YAML text may expand to. Aliases can make a small text expand
    /// exponentially ("billion laughs"); beyond this the text is rejected.
    public static let defaultNodeLimit = 100_000

    /// How deep lists and mappings may nest: libyaml's own bound, beyond which it stops parsing
    /// (so that neither it nor the conversion here can exhaust the stack).
    public static let maxNesting = 1_000

    /// Reads `yaml`, whose first line is line `firstLine` of `file`.
    public static func read(
        _ yaml: String, file: String, firstLine: Int = 1, nodeLimit: Int = defaultNodeLimit
    ) -> Result {
        // The plainest front matter read by hand; plain front matter straight from libyaml's
        // events; Yams for whatever those decline.
        if let root = PlainYAMLReader.read(yaml, firstLine: firstLine, nodeLimit: nodeLimit) {
            return Result(root: root, diagnostics: [])
        }
        if let root = YAMLEventReader.read(yaml, firstLine: firstLine, nodeLimit: nodeLimit) {
            return Result(root: root, diagnostics: [])
        }
        return readThroughYams(yaml, file: file, firstLine: firstLine, nodeLimit: nodeLimit)
    }

    /// `read` through Yams's tree: the reading of anything `YAMLEventReader` declines, and the
    /// definition its answers are held to.
    package static func readThroughYams(_ yaml: String, file: String, firstLine: Int, nodeLimit: Int) -> Result {
        let node: Node?
        do {
            // The basic resolver: no implicit typing (and none of its regular expressions); scalars
            // are typed by the schema.
            // The encoding given: Yams reads it from the environment on every call otherwise (6 % of a check).
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            return Result(root: nil, diagnostics: [diagnostic(for: error, yaml: yaml, file: file, firstLine: firstLine)])
        } catch {
            let diagnostic = Diagnostic(
                rule: "front-matter-invalid", file: file, location: SourceLocation(line: firstLine, column: 1),
                message: .notValidYAML(String(describing: error)))
            return Result(root: nil, diagnostics: [diagnostic])
        }
        guard let node else { return Result(root: nil, diagnostics: []) }
        var converter = Converter(firstLine: firstLine, budget: nodeLimit)
        guard let root = converter.convert(node) else {
            let diagnostic = Diagnostic(
                rule: "resource-limit", file: file, location: SourceLocation(line: firstLine, column: 1),
                message: .tooManyNodes(limit: nodeLimit), hint: .removeAliases)
            return Result(root: nil, diagnostics: [diagnostic])
        }
        return Result(root: root, diagnostics: [])
    }

    private struct Converter {
        let firstLine: Int
        var budget: Int

        func location(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return SourceLocation(line: firstLine, column: 1) }
            return SourceLocation(line: mark.line + firstLine - 1, column: mark.column)
        }

        /// Converts, or returns nil when the node budget runs out.
        mutating func convert(_ node: Node) -> YAMLNode? {
            budget -= 1
            guard budget >= 0 else { return nil }
            switch node {
            case .scalar(let scalar):
                return YAMLNode(.scalar(scalar.string, style(scalar.style)), at: location(scalar.mark))
            case .sequence(let sequence):
                var elements: [YAMLNode] = []
                elements.reserveCapacity(sequence.count)
                for element in sequence {
                    guard let converted = convert(element) else { return nil }
                    elements.append(converted)
                }
                return YAMLNode(.sequence(elements), at: location(sequence.mark))
            case .mapping(let mapping):
                var pairs: [YAMLNode.Pair] = []
                pairs.reserveCapacity(mapping.count)
                for (key, value) in mapping {
                    guard let key = convert(key), let value = convert(value) else { return nil }
                    pairs.append(YAMLNode.Pair(key: key, value: value))
                }
                return YAMLNode(.mapping(pairs), at: location(mapping.mark))
            case .alias(let alias):
                return YAMLNode(.scalar("", .plain), at: location(alias.mark))
            }
        }

        func style(_ style: Node.Scalar.Style) -> YAMLNode.ScalarStyle {
            switch style {
            case .singleQuoted: .singleQuoted
            case .doubleQuoted: .doubleQuoted
            case .literal: .literal
            case .folded: .folded
            default: .plain
            }
        }
    }

    static func diagnostic(for error: YamlError, yaml: String, file: String, firstLine: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(line: mark.line + firstLine - 1, column: max(mark.column, 1))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if problem.hasPrefix("Maximum nesting level") {
                return Diagnostic(rule: "resource-limit", file: file, location: at(mark),
                                  message: .yamlNestedTooDeep(limit: maxNesting), hint: .flattenYAML)
            }
            // libyaml's own words, in the reader's language where the catalogue knows them.
            let message = Message.notValidYAML(YAMLProblem.describe(problem: problem, context: context?.text))
            var hint = Message.checkIndentation
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            if mark.line >= 1, mark.line <= lines.count,
               lines[mark.line - 1].prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
                hint = .indentWithSpaces
            }
            return Diagnostic(rule: "front-matter-invalid", file: file, location: at(mark), message: message, hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return duplicateKeyDiagnostic(keys: duplicates, mark: context.mark, yaml: yaml, file: file, firstLine: firstLine)
        case .reader(let problem, let offset, _, _):
            var location = SourceLocation(line: firstLine, column: 1)
            if let offset {
                let inner = SourceText(yaml).location(ofByte: offset)
                location = SourceLocation(line: inner.line + firstLine - 1, column: inner.column)
            }
            return Diagnostic(rule: "front-matter-invalid", file: file, location: location,
                              message: .notReadableYAML(problem))
        default:
            return Diagnostic(rule: "front-matter-invalid", file: file, location: SourceLocation(line: firstLine, column: 1),
                              message: .notValidYAML(String(describing: error)))
        }
    }

    /// Yams reports one place for a duplicated key; find every line that defines it at the same
    /// indentation so that the message can name both.
    static func duplicateKeyDiagnostic(keys: [String], mark: Mark, yaml: String, file: String, firstLine: Int) -> Diagnostic {
        let key = keys.first ?? ""
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        var definitions: [SourceLocation] = []
        for (index, line) in lines.enumerated() {
            let indent = line.prefix(while: { $0 == " " }).count
            let rest = line.dropFirst(indent)
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(candidate) {
                let after = rest.dropFirst(candidate.count).drop(while: { $0 == " " })
                if after.hasPrefix(":") && indent == mark.column - 1 {
                    definitions.append(SourceLocation(line: index + firstLine, column: indent + 1))
                }
            }
        }
        let first = definitions.first ?? SourceLocation(line: mark.line + firstLine - 1, column: mark.column)
        let second = definitions.dropFirst().first ?? first
        let notes = definitions.count > 1
            ? [Diagnostic.Note(file: file, location: first, message: .keyFirstDefined(key))]
            : []
        let message = definitions.count > 1
            ? Message.keyDefinedTwice(key, lines: definitions.map { String($0.line) })
            : Message.keyDefinedTwice(key)
        return Diagnostic(rule: "duplicate-key", file: file, location: second, message: message,
                          notes: notes, hint: .keepOneKey(key))
    }
}

extension Message {
    /// libyaml's description of the problem (`YAMLProblem`).
    fileprivate static func notValidYAML(_ problem: Argument) -> Message {
        Message("front-matter-invalid.yaml", ["problem": problem])
    }

    /// Yams's own description of an error it reports in no other way, in English.
    fileprivate static func notValidYAML(_ problem: String) -> Message {
        Message("front-matter-invalid.yaml", ["problem": .verbatim(problem)])
    }

    fileprivate static func notReadableYAML(_ problem: String) -> Message {
        Message("front-matter-invalid.unreadable", ["problem": .verbatim(problem)])
    }

    fileprivate static let checkIndentation = Message("front-matter-invalid.yaml.hint")
    fileprivate static let indentWithSpaces = Message("front-matter-invalid.tabs.hint")

    fileprivate static func tooManyNodes(limit: Int) -> Message {
        Message("resource-limit.yaml-nodes", ["limit": .number(limit)])
    }

    fileprivate static let removeAliases = Message("resource-limit.yaml-nodes.hint")

    fileprivate static func yamlNestedTooDeep(limit: Int) -> Message {
        Message("resource-limit.yaml-nesting", ["limit": .number(limit)])
    }

    fileprivate static let flattenYAML = Message("resource-limit.yaml-nesting.hint")

    fileprivate static func keyDefinedTwice(_ key: String) -> Message {
        Message("duplicate-key.message", ["key": .verbatim(key)])
    }

    fileprivate static func keyDefinedTwice(_ key: String, lines: [String]) -> Message {
        Message("duplicate-key.message.lines", ["key": .verbatim(key), "lines": .list(lines, .and)])
    }

    fileprivate static func keyFirstDefined(_ key: String) -> Message {
        Message("duplicate-key.note", ["key": .verbatim(key)])
    }

    fileprivate static func keepOneKey(_ key: String) -> Message {
        Message("duplicate-key.hint", ["key": .verbatim(key)])
    }
}
