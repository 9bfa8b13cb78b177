import Foundation
import StdKitSyntax

/// The kind schemas in force for a project: the ones stdkit ships, then the project's own
/// (`schemas/KIND.yml`), which replace a shipped kind of the same name or add a kind.
public struct SchemaLibrary: Sendable {
    public private(set) var schemas: [String: KindSchema]

    public init(schemas: [String: KindSchema]) {
        self.schemas = schemas
    }

    /// The schema of `kind`, or nil for a kind no schema defines.
    public func schema(for kind: String) -> KindSchema? {
        kind == "page" ? .page : schemas[kind]
    }

    /// The kinds known, sorted.
    public var kinds: [String] { schemas.keys.sorted() }

    /// Reads the shipped schemas. They are tested to be valid, so a problem here is a broken
    /// installation: the error says which file.
    public static func builtIn() throws -> SchemaLibrary {
        guard let folder = Bundle.module.url(forResource: "schemas", withExtension: nil) else {
            throw SchemaError(file: "schemas", message: "the shipped kind schemas are missing from this installation")
        }
        var diagnostics: [Diagnostic] = []
        let library = load(folder: folder, displayPrefix: "<stdkit>/schemas/", common: nil, diagnostics: &diagnostics)
        if let first = diagnostics.first {
            throw SchemaError(file: first.file, message: "\(first.location): \(first.message.english)")
        }
        return library
    }

    /// This library with the schemas of `folder` added over it; problems are diagnostics.
    public func adding(folder: URL, displayPrefix: String, diagnostics: inout [Diagnostic]) -> SchemaLibrary {
        adding(files: Self.files(in: folder), displayPrefix: displayPrefix, diagnostics: &diagnostics)
    }

    /// This library with the schema files `files` (name → bytes) added over it.
    public func adding(files: [String: [UInt8]], displayPrefix: String, diagnostics: inout [Diagnostic]) -> SchemaLibrary {
        let added = Self.load(files: files, displayPrefix: displayPrefix, common: commonFields, diagnostics: &diagnostics)
        var merged = self
        for (kind, schema) in added.schemas { merged.schemas[kind] = schema }
        return merged
    }

    /// The fields all kinds share, kept to give project-defined kinds the same common fields.
    var commonFields: [NamedField] = []

    /// The `.yml` and `.yaml` files of `folder`, by name.
    static func files(in folder: URL) -> [String: [UInt8]] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var files: [String: [UInt8]] = [:]
        for name in names where name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
            files[name] = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).map { [UInt8]($0) } ?? []
        }
        return files
    }

    static func load(folder: URL, displayPrefix: String, common: [NamedField]?, diagnostics: inout [Diagnostic]) -> SchemaLibrary {
        load(files: files(in: folder), displayPrefix: displayPrefix, common: common, diagnostics: &diagnostics)
    }

    static func load(files: [String: [UInt8]], displayPrefix: String, common: [NamedField]?, diagnostics: inout [Diagnostic]) -> SchemaLibrary {
        var commonFields = common ?? []
        if let bytes = files["common.yml"] {
            let file = displayPrefix + "common.yml"
            if let root = read(bytes, file: file, diagnostics: &diagnostics) {
                var reader = SchemaReader(file: file)
                commonFields = reader.fields(root["fields"])
                diagnostics += reader.diagnostics
            }
        }
        var schemas: [String: KindSchema] = [:]
        for name in files.keys.sorted() where name != "common.yml" {
            let file = displayPrefix + name
            guard let root = read(files[name] ?? [], file: file, diagnostics: &diagnostics) else { continue }
            var reader = SchemaReader(file: file)
            if let schema = reader.kindSchema(root, common: commonFields) {
                schemas[schema.kind] = schema
            }
            diagnostics += reader.diagnostics
        }
        var library = SchemaLibrary(schemas: schemas)
        library.commonFields = commonFields
        return library
    }

    private static func read(_ bytes: [UInt8], file: String, diagnostics: inout [Diagnostic]) -> YAMLNode? {
        let result = YAMLReader.read(DecodedSource(bytes: bytes).text, file: file)
        diagnostics += result.diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.rule = "schema-invalid"
            return diagnostic
        }
        return result.root
    }
}

/// A shipped schema that cannot be read.
public struct SchemaError: Error, CustomStringConvertible {
    public var file: String
    public var message: String
    public var description: String { "\(file): \(message)" }
}

/// Reads a schema file's YAML into a `KindSchema`, collecting problems.
struct SchemaReader {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    mutating func problem(_ node: YAMLNode?, _ message: Message) {
        diagnostics.append(Diagnostic(rule: "schema-invalid", file: file, location: node?.location ?? .start, message: message))
    }

    mutating func kindSchema(_ root: YAMLNode, common: [NamedField]) -> KindSchema? {
        guard let kind = root["kind"]?.scalar, !kind.isEmpty else {
            problem(root, .schemaWithoutKind)
            return nil
        }
        var fields = common
        for field in self.fields(root["fields"]) {
            if let index = fields.firstIndex(where: { $0.name == field.name }) {
                fields[index] = field
            } else {
                fields.append(field)
            }
        }
        var items: [KindSchema.ItemKind] = []
        for node in root["items"]?.sequence ?? [] {
            guard let prefix = node["prefix"]?.scalar else {
                problem(node, .itemKindWithoutPrefix)
                continue
            }
            items.append(KindSchema.ItemKind(
                prefix: prefix, name: node["name"]?.scalar ?? prefix,
                references: node["references"]?.sequence?.compactMap(\.scalar) ?? [],
                coverage: node["coverage"]?.scalar == "true",
                mustBeCovered: node["must_be_covered"]?.scalar == "true"))
        }
        var sections: [KindSchema.SectionSpec] = []
        for node in root["sections"]?.sequence ?? [] {
            let names = node["names"]?.sequence?.compactMap(\.scalar) ?? []
            guard !names.isEmpty else {
                problem(node, .sectionWithoutNames)
                continue
            }
            sections.append(KindSchema.SectionSpec(names: names, required: node["required"]?.scalar != "false"))
        }
        return KindSchema(kind: kind, title: root["title"]?.scalar ?? kind, fields: fields, items: items,
                          sections: sections, closed: root["closed"]?.scalar != "false")
    }

    mutating func fields(_ node: YAMLNode?) -> [NamedField] {
        guard let node else { return [] }
        guard let pairs = node.mapping else {
            problem(node, .fieldsNotMapping)
            return []
        }
        return pairs.compactMap { pair in
            guard let name = pair.key.scalar else { return nil }
            guard let schema = fieldSchema(pair.value) else { return nil }
            return NamedField(name: name, schema: schema)
        }
    }

    /// A field is a type name (`integer`) or a mapping with `type` and its options.
    mutating func fieldSchema(_ node: YAMLNode) -> FieldSchema? {
        if let name = node.scalar {
            guard let type = simpleType(name) else {
                problem(node, .unknownFieldType(name))
                return nil
            }
            return FieldSchema(type: type)
        }
        guard let typeName = node["type"]?.scalar else {
            problem(node, .fieldWithoutType)
            return nil
        }
        let type: FieldSchema.FieldType
        switch typeName {
        case "enum":
            type = .enumeration(node["values"]?.sequence?.compactMap(\.scalar) ?? [])
        case "reference":
            type = .reference(targets: node["targets"]?.sequence?.compactMap(\.scalar) ?? [])
        case "list":
            guard let element = node["of"], let elementSchema = fieldSchema(element) else {
                problem(node, .listWithoutElementType)
                return nil
            }
            type = .list(elementSchema)
        case "mapping":
            type = .mapping(fields(node["fields"]))
        case "party-map":
            guard let value = node["of"], let valueSchema = fieldSchema(value) else {
                problem(node, .partyMapWithoutValueType)
                return nil
            }
            type = .partyMap(valueSchema)
        default:
            guard let simple = simpleType(typeName) else {
                problem(node, .unknownFieldType(typeName))
                return nil
            }
            type = simple
        }
        return FieldSchema(type: type, required: node["required"]?.scalar == "true", description: node["description"]?.scalar)
    }

    func simpleType(_ name: String) -> FieldSchema.FieldType? {
        switch name {
        case "string": .string
        case "integer": .integer
        case "number": .number
        case "boolean": .boolean
        case "date": .date
        case "id": .id
        case "version": .version
        case "party": .party
        case "reference": .reference(targets: [])
        case "semesters": .semesters
        case "any": .any
        default: nil
        }
    }
}

extension Message {
    fileprivate static let schemaWithoutKind = Message("schema-invalid.no-kind")
    fileprivate static let itemKindWithoutPrefix = Message("schema-invalid.no-prefix")
    fileprivate static let sectionWithoutNames = Message("schema-invalid.no-names")
    fileprivate static let fieldsNotMapping = Message("schema-invalid.fields")
    fileprivate static let fieldWithoutType = Message("schema-invalid.no-type")
    fileprivate static let listWithoutElementType = Message("schema-invalid.no-of")
    fileprivate static let partyMapWithoutValueType = Message("schema-invalid.no-of.party-map")

    fileprivate static func unknownFieldType(_ name: String) -> Message {
        Message("schema-invalid.unknown-type", ["type": .verbatim(name)])
    }
}
