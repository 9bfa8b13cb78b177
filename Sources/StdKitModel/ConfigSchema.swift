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
                                                          message: "the schema of stdkit.yml is missing from this installation")])
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

    /// What is wrong with the settings `root` of `file` by this schema.
    public func validate(_ root: YAMLNode, file: String) -> [Diagnostic] {
        var check = Check(file: file)
        check.mapping(root, fields: fields, path: "")
        return check.diagnostics
    }

    private struct Check {
        let file: String
        var diagnostics: [Diagnostic] = []

        mutating func problem(_ node: YAMLNode, _ message: String, hint: String? = nil, severity: Severity = .error) {
            diagnostics.append(Diagnostic(rule: "config-invalid", severity: severity, file: file, location: node.location,
                                          message: message, hint: hint))
        }

        func join(_ path: String, _ name: String) -> String {
            path.isEmpty ? name : "\(path).\(name)"
        }

        /// A mapping with no fields listed takes any key.
        mutating func mapping(_ node: YAMLNode, fields: [NamedField], path: String) {
            guard let pairs = node.mapping, !fields.isEmpty else { return }
            let names = fields.map(\.name)
            for field in fields where field.schema.required && !pairs.contains(where: { $0.key.scalar == field.name }) {
                problem(node, "'\(join(path, field.name))' is missing", hint: "add '\(field.name): …' to '\(path)'")
            }
            for pair in pairs {
                guard let name = pair.key.scalar else { continue }
                guard let field = fields.first(where: { $0.name == name }) else {
                    let suggestion = Suggestion.closest(to: name, among: names).map { "; did you mean '\(join(path, $0))'?" } ?? ""
                    problem(pair.key, "'\(join(path, name))' is not a setting of stdkit.yml, so it does nothing\(suggestion)",
                            hint: "the settings\(path.isEmpty ? "" : " of '\(path)'") are \(names.joined(separator: ", "))",
                            severity: .warning)
                    continue
                }
                if pair.value.isNull { continue }
                value(pair.value, schema: field.schema, path: join(path, name))
            }
        }

        mutating func wrongType(_ node: YAMLNode, _ path: String, expected: String) {
            let shown = node.scalar.map { "'\($0)'" } ?? node.shapeDescription
            problem(node, "'\(path)' must be \(expected), not \(shown)")
        }

        mutating func value(_ node: YAMLNode, schema: FieldSchema, path: String) {
            switch schema.type {
            case .any:
                return
            case .list(let element):
                guard let elements = node.sequence else {
                    wrongType(node, path, expected: "a list")
                    return
                }
                for (index, child) in elements.enumerated() where !child.isNull {
                    value(child, schema: element, path: "\(path)[\(index)]")
                }
                return
            case .mapping(let fields):
                guard node.mapping != nil else {
                    wrongType(node, path, expected: fields.isEmpty ? "a mapping" : "a mapping of \(fields.map(\.name).joined(separator: ", "))")
                    return
                }
                mapping(node, fields: fields, path: path)
                return
            default:
                break
            }
            guard let text = node.scalar else {
                wrongType(node, path, expected: "a single value")
                return
            }
            switch schema.type {
            case .integer:
                if Int(text) == nil { wrongType(node, path, expected: "a whole number") }
            case .number:
                if Double(text) == nil || text.contains(where: { !"0123456789.-".contains($0) }) { wrongType(node, path, expected: "a number") }
            case .boolean:
                if text != "true" && text != "false" { wrongType(node, path, expected: "true or false") }
            case .enumeration(let values):
                if !values.contains(text) {
                    problem(node, "'\(path)' must be one of \(values.joined(separator: ", ")), not '\(text)'\(Suggestion.phrase(for: text, among: values))")
                }
            default:
                break
            }
        }
    }
}
