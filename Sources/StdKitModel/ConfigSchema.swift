import Foundation
import StdKitSyntax

/// The schema of `stdkit.yml` (`Resources/config/stdkit.yml`, written like a kind schema's
/// `fields`), and the check of a settings file against it: a key the schema does not list is a
/// warning with a did-you-mean (it does nothing, and is most often a typo: `exlude:`), a value
/// of the wrong type an error. Both are `config-invalid` findings, beside those `ProjectConfig`
/// makes while reading the settings it uses.
public struct ConfigSchema: Sendable {
    /// The settings, in the order the schema lists them.
    public var fields: [NamedField]

    public init(fields: [NamedField]) {
        self.fields = fields
    }

    /// The schema stdkit ships, with what is wrong in it (nothing: a test reads it). A schema
    /// missing from the installation checks nothing rather than stopping every command.
    public static let shipped: (schema: ConfigSchema, diagnostics: [Diagnostic]) = {
        guard let url = Bundle.module.url(forResource: "config", withExtension: nil)?.appendingPathComponent("stdkit.yml"),
              let data = FileManager.default.contents(atPath: url.path) else {
            return (ConfigSchema(fields: []), [Diagnostic(rule: "schema-invalid", file: "<stdkit>/config/stdkit.yml", location: .start,
                                                          message: .settingsSchemaMissing)])
        }
        return read(DecodedSource(bytes: [UInt8](data)).text, file: "<stdkit>/config/stdkit.yml")
    }()

    /// The schema written in `yaml`, with its problems (`schema-invalid`).
    public static func read(_ yaml: String, file: String) -> (schema: ConfigSchema, diagnostics: [Diagnostic]) {
        let result = YAMLReader.read(yaml, file: file)
        var diagnostics = result.diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.rule = "schema-invalid"
            return diagnostic
        }
        guard let root = result.root else { return (ConfigSchema(fields: []), diagnostics) }
        var reader = SchemaReader(file: file)
        let fields = reader.fields(root["fields"])
        diagnostics += reader.diagnostics
        return (ConfigSchema(fields: fields), diagnostics)
    }

    /// What is wrong with the settings `root` of `file` by this schema; `text`, the file's text,
    /// lets a finding carry its fix.
    public func validate(_ root: YAMLNode, file: String, text: String = "") -> [Diagnostic] {
        var check = Check(file: file, text: text)
        check.mapping(root, fields: fields, path: "")
        return check.diagnostics
    }

    private struct Check {
        let file: String
        let text: String
        var diagnostics: [Diagnostic] = []

        mutating func problem(_ node: YAMLNode, _ message: Message, hint: Message? = nil, severity: Severity = .error, fix: String? = nil) {
            diagnostics.append(Diagnostic(rule: "config-invalid", severity: severity, file: file, location: node.location,
                                          message: message, hint: hint, fixes: Fix.replacing(node, with: fix, inText: text, file: file)))
        }

        func join(_ path: String, _ name: String) -> String {
            path.isEmpty ? name : "\(path).\(name)"
        }

        /// A mapping with no fields listed takes any key.
        mutating func mapping(_ node: YAMLNode, fields: [NamedField], path: String) {
            guard let pairs = node.mapping, !fields.isEmpty else { return }
            let names = fields.map(\.name)
            for field in fields where field.schema.required && !pairs.contains(where: { $0.key.scalar == field.name }) {
                problem(node, .settingMissing(join(path, field.name)), hint: .addSetting(field.name, to: path))
            }
            for pair in pairs {
                guard let name = pair.key.scalar else { continue }
                guard let field = fields.first(where: { $0.name == name }) else {
                    let closest = Suggestion.closest(to: name, among: names)
                    // Renamed to a setting the mapping has already, the key would be there twice.
                    let free = closest.flatMap { candidate in pairs.contains { $0.key.scalar == candidate } ? nil : candidate }
                    problem(pair.key, .unknownSetting(join(path, name), suggestion: closest.map { join(path, $0) }),
                            hint: .settingsAre(names, of: path), severity: .warning, fix: free)
                    continue
                }
                if pair.value.isNull { continue }
                value(pair.value, schema: field.schema, path: join(path, name))
            }
        }

        mutating func wrongType(_ node: YAMLNode, _ path: String, expected: Message) {
            problem(node, .settingOfWrongType(path, expected: expected, value: node))
        }

        mutating func value(_ node: YAMLNode, schema: FieldSchema, path: String) {
            switch schema.type {
            case .any:
                return
            case .list(let element):
                guard let elements = node.sequence else {
                    wrongType(node, path, expected: .expectedList)
                    return
                }
                for (index, child) in elements.enumerated() where !child.isNull {
                    value(child, schema: element, path: "\(path)[\(index)]")
                }
                return
            case .mapping(let fields):
                guard node.mapping != nil else {
                    wrongType(node, path, expected: fields.isEmpty ? .expectedMapping : .expectedMapping(of: fields.map(\.name)))
                    return
                }
                mapping(node, fields: fields, path: path)
                return
            default:
                break
            }
            guard let text = node.scalar else {
                wrongType(node, path, expected: .expectedSingleValue)
                return
            }
            switch schema.type {
            case .integer:
                if Int(text) == nil { wrongType(node, path, expected: .expectedWholeNumber) }
            case .number:
                if Double(text) == nil || text.contains(where: { !"0123456789.-".contains($0) }) { wrongType(node, path, expected: .expectedNumber) }
            case .boolean:
                if text != "true" && text != "false" { wrongType(node, path, expected: .expectedBoolean) }
            case .enumeration(let values):
                if !values.contains(text) {
                    let suggestion = Suggestion.closest(to: text, among: values)
                    problem(node, .settingNotAmong(path, values: values, value: text, suggestion: suggestion), fix: suggestion)
                }
            default:
                break
            }
        }
    }
}

extension Message {
    fileprivate static let settingsSchemaMissing = Message("schema-invalid.settings-schema-missing")

    fileprivate static func settingMissing(_ path: String) -> Message {
        Message("config-invalid.setting-missing", ["path": .verbatim(path)])
    }

    fileprivate static func addSetting(_ name: String, to parent: String) -> Message {
        Message("config-invalid.setting-missing.hint", ["name": .verbatim(name), "parent": .verbatim(parent)])
    }

    fileprivate static func unknownSetting(_ path: String, suggestion: String?) -> Message {
        Message("config-invalid.unknown-setting", ["path": .verbatim(path), "suggestion": didYouMean(suggestion)])
    }

    fileprivate static func settingsAre(_ names: [String], of parent: String) -> Message {
        parent.isEmpty
            ? Message("config-invalid.unknown-setting.hint", ["names": .list(names, .and)])
            : Message("config-invalid.unknown-setting.hint.nested", ["names": .list(names, .and), "parent": .verbatim(parent)])
    }

    fileprivate static func settingOfWrongType(_ path: String, expected: Message, value: YAMLNode) -> Message {
        Message("config-invalid.wrong-type", ["path": .verbatim(path), "expected": .message(expected), "value": Message.value(of: value)])
    }

    fileprivate static func settingNotAmong(_ path: String, values: [String], value: String, suggestion: String?) -> Message {
        Message("config-invalid.not-among", ["path": .verbatim(path), "values": .list(values, .and), "value": .verbatim(value),
                                             "suggestion": didYouMean(suggestion)])
    }

    fileprivate static let expectedList = Message("wrong-type.list")
    fileprivate static let expectedMapping = Message("common.shape.mapping")

    fileprivate static func expectedMapping(of fields: [String]) -> Message {
        Message("wrong-type.mapping", ["fields": .list(fields, .and)])
    }

    fileprivate static let expectedSingleValue = Message("common.shape.scalar")
    fileprivate static let expectedWholeNumber = Message("wrong-type.integer")
    fileprivate static let expectedNumber = Message("wrong-type.number")
    fileprivate static let expectedBoolean = Message("wrong-type.boolean")
}
